// Signal over noise: where a paragraph has more than three half-width marks,
// they are one finding for the paragraph (`本段有 12 处半角标点`) with one fix
// for the paragraph, not a squiggle each; the finding keeps its marks as
// `members`, so that an editor can underline each lightly, a hover can name
// it and fix-all still applies them one by one. And the typography of text
// that another finding says must go (a download site's line) is not reported
// on its own: that line is removed, not corrected.

import { message, type Translate } from '../l10n';
import type { CheckResult } from '../check';
import type { SpeechModel } from '../model/types';
import type { RuleId } from '../rules';
import type { Finding, Fix, Span, TextEdit } from '../types';
import { isStructural } from './ranking';
import { sameItems } from '../givenAgain';
import { firstFindingFrom } from '../text/search';

/** A rule whose findings a paragraph gathers into one when it has many. */
interface GroupedRule {
  rule: RuleId;
  /** More findings than this in one paragraph make one finding. */
  over: number;
  /** `{0}` the count, `{1}` the marks as typed. */
  message: string;
  /** The paragraph's fix; `{0}` the count. */
  paragraphFix: string;
  /** The document-level action of the rule; `{0}` the count of marks. */
  fixAll: string;
}

export const GROUPED_RULES: readonly GroupedRule[] = [
  {
    rule: 'punctuation-width',
    over: 3,
    message: message('This paragraph has {0} half-width marks ({1}): use full-width ones.'),
    paragraphFix: message('Make the {0} marks of this paragraph full-width'),
    fixAll: message('Make all full-width ({0})'),
  },
];

export function groupedRule(rule: string): GroupedRule | undefined {
  return GROUPED_RULES.find((g) => g.rule === rule);
}

/** How many marks a finding stands for: its members, or itself. */
export function markCount(f: Finding): number {
  return f.members?.length ?? 1;
}

/** The findings as they were before grouping: each group replaced by its members. */
export function ungrouped(findings: readonly Finding[]): Finding[] {
  return findings.flatMap((f) => f.members ?? [f]);
}

const inside = (s: Span, outer: Span) => outer.start <= s.start && s.end <= outer.end;

/** The findings that mark text for removal (`unnecessary`): those the typography inside them goes with. */
const removes = (f: Finding) => f.unnecessary === true && f.span.end > f.span.start;

/**
 * Whether `f` goes with the text `reach` (the furthest-reaching removal started at or before it)
 * marks for removal: a finding of another rule that is not structural, lying wholly inside it.
 */
const droppedBy = (reach: Finding | undefined, f: Finding): boolean =>
  reach !== undefined && !f.unnecessary && reach.rule !== f.rule && !isStructural(f.rule) && inside(f.span, reach.span);

/** Both mark the same text for removal, for the same rule: what they leave out is the same. */
const sameRemoval = (a: Finding, b: Finding): boolean =>
  a.unnecessary === true && b.unnecessary === true && a.rule === b.rule && a.span.start === b.span.start && a.span.end === b.span.end;

/** Of `removals` (in order of start), the furthest-reaching started at or before `offset` (the first of equals). */
function reachAt(removals: readonly Finding[], offset: number): Finding | undefined {
  let reach: Finding | undefined;
  for (const r of removals) {
    if (r.span.start > offset) break;
    if (!reach || r.span.end > reach.span.end) reach = r;
  }
  return reach;
}

/** The index of the paragraph holding each offset asked in increasing order (-1: none), from paragraph `first` on. */
function paragraphFinder(model: SpeechModel, first = 0): (offset: number) => number {
  const ps = model.paragraphs;
  let i = first;
  return (offset) => {
    while (i < ps.length && ps[i].end < offset) i++;
    return i < ps.length && ps[i].start <= offset ? i : -1;
  };
}

/** `was`: the group these members moved from (each moved by an edit before them, `movedFrom`): its message and fix title hold. */
function groupOf(spec: GroupedRule, members: Finding[], text: string, t: Translate, was?: Finding): Finding {
  const first = members[0];
  // The marks as typed, each once, in the order met.
  const marks = new Set<string>();
  const edits: TextEdit[] = [];
  let safe = true;
  for (const m of members) {
    if (!was) marks.add(text.slice(m.span.start, m.span.end));
    const fix = m.fixes?.[0];
    if (fix) for (const e of fix.edits) edits.push(e);
    if (fix?.safe !== true) safe = false;
  }
  const fix: Fix = { title: was?.fixes?.[0].title ?? t(spec.paragraphFix, members.length), edits, safe };
  return {
    rule: first.rule,
    severity: first.severity,
    span: first.span,
    message: was?.message ?? t(spec.message, members.length, [...marks].join(' ')),
    fixes: edits.length ? [fix] : undefined,
    members,
  };
}

/** Each group made, by its first member, with the translation it was made in. */
const groupsMade = new WeakMap<Finding, { group: Finding; t: Translate }>();

const sameMembers = (a: readonly Finding[], b: readonly Finding[], map: (f: Finding) => Finding | undefined = (f) => f): boolean =>
  a.length === b.length && b.every((f, i) => map(f) === a[i]);

/**
 * The group of these members: the one made before where they are the same findings (an edit
 * elsewhere gave them again), so that what is made of it (a diagnostic) is made once; where
 * all moved (`movedFrom`, the check's), one in its place that says it moved from the group
 * before (recorded in `movedFrom`, as the checker records its findings).
 */
function groupFor(spec: GroupedRule, members: Finding[], text: string, t: Translate, movedFrom?: WeakMap<Finding, Finding>): Finding {
  const first = members[0];
  const held = groupsMade.get(first);
  if (held && held.t === t && sameMembers(held.group.members!, members)) return held.group;
  const was = movedFrom?.get(first);
  const before = was && groupsMade.get(was);
  const moved = before && before.t === t && sameMembers(before.group.members!, members, (f) => movedFrom!.get(f)) ? before.group : undefined;
  const group = groupOf(spec, members, text, t, moved);
  if (moved) movedFrom!.set(group, moved);
  groupsMade.set(first, { group, t });
  return group;
}

/** Findings the grouping has read, and groupings made after an edit from the one before (counted by the tests: after a one-character edit, the findings of the paragraphs it reached). */
export const groupingWork = { findings: 0, afterEdit: 0 };

/**
 * `findings[from, to)` as shown, pushed on `out`: the typography of removed text left out (`reach`:
 * the removal reaching furthest among those before `from`), each paragraph's findings of a grouped
 * rule gathered where there are more than `over` (the stretch holds whole paragraphs, from paragraph
 * `paragraph` on). `shownBefore[i]`: the length of `out` before finding i gave its entry (itself, its
 * group, or nothing); `removals` gets the stretch's removals.
 */
function groupStretch(
  findings: readonly Finding[],
  from: number,
  to: number,
  at: { model: SpeechModel; paragraph: number; reach: Finding | undefined },
  t: Translate,
  movedFrom: WeakMap<Finding, Finding> | undefined,
  out: Finding[],
  shownBefore: Int32Array,
  removals: Finding[],
): void {
  groupingWork.findings += to - from;
  const start = removals.length;
  for (let i = from; i < to; i++) if (removes(findings[i])) removals.push(findings[i]);
  // Both lists are in order of start: one walk, keeping the furthest-reaching removal started so far.
  // The places kept, and what each gives: a group takes the place of its first member, the others give nothing.
  const kept: number[] = [];
  const gives: Array<Finding | undefined> = [];
  let k = start;
  let reach = at.reach;
  const runs = GROUPED_RULES.map((spec) => ({ spec, paragraphOf: paragraphFinder(at.model, at.paragraph), paragraph: -2, at: [] as number[] }));
  const close = (run: (typeof runs)[number]) => {
    if (run.at.length > run.spec.over && run.paragraph >= 0) {
      gives[run.at[0]] = groupFor(run.spec, run.at.map((q) => findings[kept[q]]), at.model.text, t, movedFrom);
      for (let q = 1; q < run.at.length; q++) gives[run.at[q]] = undefined;
    }
    run.at = [];
  };
  for (let i = from; i < to; i++) {
    const f = findings[i];
    while (k < removals.length && removals[k].span.start <= f.span.start) {
      if (!reach || removals[k].span.end > reach.span.end) reach = removals[k];
      k++;
    }
    if (droppedBy(reach, f)) continue;
    const q = kept.length;
    kept.push(i);
    gives.push(f);
    const rule = f.rule;
    const run = runs.length === 1 ? (runs[0].spec.rule === rule ? runs[0] : undefined) : runs.find((r) => r.spec.rule === rule);
    if (!run) continue;
    const p = run.paragraphOf(f.span.start);
    if (p !== run.paragraph) {
      close(run);
      run.paragraph = p;
    }
    run.at.push(q);
  }
  for (const run of runs) close(run);
  let q = 0;
  for (let i = from; i < to; i++) {
    shownBefore[i] = out.length;
    if (q < kept.length && kept[q] === i) {
      const g = gives[q++];
      if (g) out.push(g);
    }
  }
}

/** What the last grouping of a model's findings gave: what the grouping after an edit of the model starts from. */
interface Grouped {
  findings: readonly Finding[];
  shown: Finding[];
  /** `shownBefore[i]`: how many of `shown` the findings before `findings[i]` gave; one more entry, all of them. */
  shownBefore: Int32Array;
  /** The findings marking text for removal, in order. */
  removals: Finding[];
  t: Translate;
}
const groupedOf = new WeakMap<SpeechModel, Grouped>();

/**
 * The findings an editor shows: each paragraph's findings of a grouped rule
 * gathered into one where there are more than `over`, and the typography of
 * removed text left out. In order of start, as the checker gives them. `movedFrom`: the
 * check's (`CheckResult.edited`), where groups are given again or moved as their members are.
 */
export function groupFindings(findings: readonly Finding[], model: SpeechModel, t: Translate, movedFrom?: WeakMap<Finding, Finding>): Finding[] {
  const out: Finding[] = [];
  const shownBefore = new Int32Array(findings.length + 1);
  const removals: Finding[] = [];
  groupStretch(findings, 0, findings.length, { model, paragraph: 0, reach: undefined }, t, movedFrom, out, shownBefore, removals);
  shownBefore[findings.length] = out.length;
  groupedOf.set(model, { findings, shown: out, shownBefore, removals, t });
  return out;
}

/**
 * The findings of a check as an editor shows them (`groupFindings`). After an edit that kept the
 * length, the last grouping of the model before gives again what the findings it gave again
 * (the same objects) gave, and only the paragraphs the edit split again are grouped: as far as
 * a removal there reaches, and one finding given anew elsewhere (a document rule's) read alone
 * where it is not of a grouped rule, and a removal only where it removes what the one before did.
 */
export function groupChecked(checked: CheckResult, t: Translate): Finding[] {
  const { findings, model, edited } = checked;
  const last = edited && groupedOf.get(edited.previous);
  return (last && last.t === t && groupedAfterEdit(findings, model, t, edited, last)) || groupFindings(findings, model, t, edited?.movedFrom);
}

/** `groupChecked` after an edit; undefined where the edit reached further than it can tell (a fresh grouping answers). */
function groupedAfterEdit(findings: readonly Finding[], model: SpeechModel, t: Translate, edited: NonNullable<CheckResult['edited']>, last: Grouped): Finding[] | undefined {
  const { edit, paragraphs: stretch } = edited;
  // Offsets after the edit are those before only where it kept the length.
  if (!stretch || edit.newEnd !== edit.oldEnd) return undefined;
  const ps = model.paragraphs;
  const was = last.findings;
  const n = findings.length;
  // The stretch grouped again: from the end of the paragraph before the edit's to the start of the one after it.
  const lo = stretch.from > 0 ? ps[stretch.from - 1].end + 1 : 0;
  let to = stretch.to;
  let hi = to < ps.length ? ps[to].start : Infinity;
  const a = firstFindingFrom(findings, lo);
  if (a !== firstFindingFrom(was, lo)) return undefined;
  let b = firstFindingFrom(findings, hi);
  let b0 = firstFindingFrom(was, hi);
  // A removal there, before or after the edit, may reach past it: the stretch goes as far.
  let reaches = -1;
  for (let i = a; i < b; i++) if (removes(findings[i])) reaches = Math.max(reaches, findings[i].span.end);
  for (let i = a; i < b0; i++) if (removes(was[i])) reaches = Math.max(reaches, was[i].span.end);
  if (reaches >= hi) {
    while (to < ps.length && ps[to].start <= reaches) to++;
    hi = to < ps.length ? ps[to].start : Infinity;
    b = firstFindingFrom(findings, hi);
    b0 = firstFindingFrom(was, hi);
  }
  if (n - b !== was.length - b0) return undefined;
  const out: Finding[] = [];
  const shownBefore = new Int32Array(n + 1);
  const removals: Finding[] = [];
  let r = 0;
  while (r < last.removals.length && last.removals[r].span.start < lo) removals.push(last.removals[r++]);
  // findings[i] is was[i - shift]: where the same object, what it gave is given again; another (a document rule's, made
  // anew) that neither groups nor removes is read alone.
  const givenAgain = (from: number, until: number, shift: number): boolean => {
    for (let i = from; i < until; ) {
      let k = i;
      while (k < until && findings[k] === was[k - shift]) k++;
      const g0 = last.shownBefore[i - shift];
      const g1 = last.shownBefore[k - shift];
      const offset = out.length - g0;
      shownBefore.set(last.shownBefore.subarray(i - shift, k - shift), i);
      if (offset !== 0) for (let x = i; x < k; x++) shownBefore[x] += offset;
      for (let g = g0; g < g1; g++) out.push(last.shown[g]);
      if (k === until) break;
      const f = findings[k];
      const before = was[k - shift];
      groupingWork.findings++;
      if (groupedRule(f.rule) || groupedRule(before.rule)) return false;
      shownBefore[k] = out.length;
      if (f.unnecessary || before.unnecessary) {
        // A removal made anew where it was (a document rule's): it removes what it removed, and is shown.
        if (!sameRemoval(f, before)) return false;
        const q = removals.indexOf(before);
        if (q >= 0) removals[q] = f;
        out.push(f);
      } else if (!droppedBy(reachAt(removals, f.span.start), f)) out.push(f);
      i = k + 1;
    }
    return true;
  };
  if (!givenAgain(0, a, 0)) return undefined;
  groupStretch(findings, a, b, { model, paragraph: stretch.from, reach: reachAt(removals, Infinity) }, t, edited.movedFrom, out, shownBefore, removals);
  while (r < last.removals.length && last.removals[r].span.start < hi) r++;
  while (r < last.removals.length) removals.push(last.removals[r++]);
  if (!givenAgain(b, n, b - b0)) return undefined;
  shownBefore[n] = out.length;
  // What the last grouping showed, the same findings: that list itself (what is made of it is then given again too).
  const shown = sameItems(out, last.shown) ? last.shown : out;
  groupedOf.set(model, { findings, shown, shownBefore, removals, t });
  groupingWork.afterEdit++;
  return shown;
}
