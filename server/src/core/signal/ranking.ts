// Structure before typography: a lost section, a wrong count, the 【提纲】
// drifting from the body, a placeholder or download-site residue matter more
// than a comma. What is structural is what the rule table already says: its
// findings can stop the Word export (`blocksExport`).

import { ruleById } from '../rules';
import type { Finding } from '../types';

/** 0 for the structure (rules whose findings may stop the export), 1 for the rest. */
export function rankOf(rule: string): number {
  const blocks = ruleById(rule)?.blocksExport ?? 'never';
  return blocks === 'never' ? 1 : 0;
}

export function isStructural(rule: string): boolean {
  return rankOf(rule) === 0;
}

/** The checker's own notices (a limit reached) first, then the structure, each by place. */
export function byRank(a: Finding, b: Finding): number {
  const rank = (f: Finding) => (f.notice ? -1 : rankOf(f.rule));
  return rank(a) - rank(b) || a.span.start - b.span.start || a.span.end - b.span.end;
}

/** The findings in rank order (a copy). */
export function ranked(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(byRank);
}
