// Signal over noise: where a paragraph has more than three half-width marks,
// they are one finding for the paragraph (`本段有 12 处半角标点`) with one fix
// for the paragraph, not a squiggle each; the finding keeps its marks as
// `members`, so that an editor can underline each lightly, a hover can name
// it and fix-all still applies them one by one. And the typography of text
// that another finding says must go (a download site's line) is not reported
// on its own: that line is removed, not corrected.

import { message, type Translate } from '../l10n';
import type { SpeechModel } from '../model/types';
import type { RuleId } from '../rules';
import type { Finding, Fix, Span, TextEdit } from '../types';
import { isStructural } from './ranking';

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

/**
 * Drops the findings of rules that are not structural lying wholly inside
 * text another rule's finding marks for removal (`unnecessary`).
 */
function withoutFindingsInRemovedText(findings: readonly Finding[]): Finding[] {
  const removed = findings.filter((f) => f.unnecessary && f.span.end > f.span.start);
  if (removed.length === 0) return [...findings];
  // Both lists are in order of start: one walk, keeping the furthest-reaching removal started so far.
  const out: Finding[] = [];
  let k = 0;
  let reach: Finding | undefined;
  for (const f of findings) {
    while (k < removed.length && removed[k].span.start <= f.span.start) {
      if (!reach || removed[k].span.end > reach.span.end) reach = removed[k];
      k++;
    }
    const dropped = reach && !f.unnecessary && reach.rule !== f.rule && !isStructural(f.rule) && inside(f.span, reach.span);
    if (!dropped) out.push(f);
  }
  return out;
}

/** The index of the paragraph holding each offset asked in increasing order (-1: none). */
function paragraphFinder(model: SpeechModel): (offset: number) => number {
  const ps = model.paragraphs;
  let i = 0;
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

/**
 * The findings an editor shows: each paragraph's findings of a grouped rule
 * gathered into one where there are more than `over`, and the typography of
 * removed text left out. In order of start, as the checker gives them. `movedFrom`: the
 * check's (`CheckResult.edited`), where groups are given again or moved as their members are.
 */
export function groupFindings(findings: readonly Finding[], model: SpeechModel, t: Translate, movedFrom?: WeakMap<Finding, Finding>): Finding[] {
  const kept = withoutFindingsInRemovedText(findings);
  // One walk: per grouped rule, the places in `kept` of its findings in the paragraph at hand. A group takes the
  // place of its first member and the others' places are emptied (a list of 50,000 marks makes no map of them).
  const runs = GROUPED_RULES.map((spec) => ({ spec, paragraphOf: paragraphFinder(model), paragraph: -2, at: [] as number[] }));
  const out: Array<Finding | undefined> = kept;
  let emptied = false;
  const close = (run: (typeof runs)[number]) => {
    if (run.at.length > run.spec.over && run.paragraph >= 0) {
      const group = groupFor(run.spec, run.at.map((i) => kept[i]), model.text, t, movedFrom);
      out[run.at[0]] = group;
      for (let k = 1; k < run.at.length; k++) out[run.at[k]] = undefined;
      emptied = true;
    }
    run.at = [];
  };
  for (let i = 0; i < kept.length; i++) {
    const rule = kept[i].rule;
    const run = runs.length === 1 ? (runs[0].spec.rule === rule ? runs[0] : undefined) : runs.find((r) => r.spec.rule === rule);
    if (!run) continue;
    const p = run.paragraphOf(kept[i].span.start);
    if (p !== run.paragraph) {
      close(run);
      run.paragraph = p;
    }
    run.at.push(i);
  }
  for (const run of runs) close(run);
  return emptied ? (out.filter((f) => f !== undefined) as Finding[]) : kept;
}
