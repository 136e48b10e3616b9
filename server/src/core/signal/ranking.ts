// Structure before typography: a lost section, a wrong count, the 【提纲】
// drifting from the body, a placeholder or download-site residue matter more
// than a comma. What is structural is what the rule table already says: its
// findings can stop the Word export (`blocksExport`).

import { ruleById } from '../rules';
import type { Finding } from '../types';

/** Each rule's rank, once looked up: ranking a list of thousands asks it for every finding, after every edit. */
const ranks = new Map<string, number>();

/** 0 for the structure (rules whose findings may stop the export), 1 for the rest. */
export function rankOf(rule: string): number {
  let rank = ranks.get(rule);
  if (rank === undefined) ranks.set(rule, (rank = (ruleById(rule)?.blocksExport ?? 'never') === 'never' ? 1 : 0));
  return rank;
}

export function isStructural(rule: string): boolean {
  return rankOf(rule) === 0;
}

/** The checker's own notices (a limit reached) first, then the structure, each by place. */
export function byRank(a: Finding, b: Finding): number {
  const rank = (f: Finding) => (f.notice ? -1 : rankOf(f.rule));
  return rank(a) - rank(b) || a.span.start - b.span.start || a.span.end - b.span.end;
}

/**
 * The findings in rank order (a copy). Findings in order of span, as the checker gives them, are
 * parted by rank in one pass (what a stable sort would give, without a rule look-up per
 * comparison); any other list is sorted.
 */
export function ranked(findings: readonly Finding[]): Finding[] {
  // A list given again by the checker (never changed once made) is ranked once.
  let out = rankedOf.get(findings);
  if (out === undefined) rankedOf.set(findings, (out = rankedAnew(findings)));
  return out;
}
const rankedOf = new WeakMap<readonly Finding[], Finding[]>();

function rankedAnew(findings: readonly Finding[]): Finding[] {
  const byKind: [Finding[], Finding[], Finding[]] = [[], [], []];
  // Findings of one rule come in runs (a paragraph's marks): the rank of the last rule serves again.
  let lastRule = '';
  let lastRank = 1;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (i > 0 && bySpan(findings[i - 1], f) > 0) return [...findings].sort(byRank);
    if (f.rule !== lastRule) lastRank = rankOf((lastRule = f.rule));
    byKind[f.notice ? 0 : lastRank + 1].push(f);
  }
  const [notices, structure, rest] = byKind;
  return notices.length + structure.length === 0 ? rest : [...notices, ...structure, ...rest];
}

const bySpan = (a: Finding, b: Finding) => a.span.start - b.span.start || a.span.end - b.span.end;
