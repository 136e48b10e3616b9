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
import type { Finding, Fix, Span } from '../types';
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

function groupOf(spec: GroupedRule, members: Finding[], text: string, t: Translate): Finding {
  const first = members[0];
  // The marks as typed, each once, in the order met.
  const marks = [...new Set(members.map((m) => text.slice(m.span.start, m.span.end)))];
  const edits = members.flatMap((m) => m.fixes?.[0]?.edits ?? []);
  const fix: Fix = { title: t(spec.paragraphFix, members.length), edits, safe: members.every((m) => m.fixes?.[0]?.safe === true) };
  return {
    rule: first.rule,
    severity: first.severity,
    span: first.span,
    message: t(spec.message, members.length, marks.join(' ')),
    fixes: edits.length ? [fix] : undefined,
    members,
  };
}

/**
 * The findings an editor shows: each paragraph's findings of a grouped rule
 * gathered into one where there are more than `over`, and the typography of
 * removed text left out. In order of start, as the checker gives them.
 */
export function groupFindings(findings: readonly Finding[], model: SpeechModel, t: Translate): Finding[] {
  const kept = withoutFindingsInRemovedText(findings);
  const byRule = new Map<string, Finding[]>();
  for (const f of kept) if (groupedRule(f.rule)) byRule.get(f.rule)?.push(f) ?? byRule.set(f.rule, [f]);
  if (byRule.size === 0) return kept;
  const replaced = new Map<Finding, Finding | null>();
  for (const [rule, list] of byRule) {
    const spec = groupedRule(rule)!;
    const paragraphOf = paragraphFinder(model);
    let run: Finding[] = [];
    let runParagraph = -2;
    const close = () => {
      if (run.length > spec.over && runParagraph >= 0) {
        const group = groupOf(spec, run, model.text, t);
        run.forEach((m, i) => replaced.set(m, i === 0 ? group : null));
      }
      run = [];
    };
    for (const f of list) {
      const p = paragraphOf(f.span.start);
      if (p !== runParagraph) {
        close();
        runParagraph = p;
      }
      run.push(f);
    }
    close();
  }
  const out: Finding[] = [];
  for (const f of kept) {
    const r = replaced.get(f);
    if (r === undefined) out.push(f);
    else if (r) out.push(r);
  }
  return out;
}
