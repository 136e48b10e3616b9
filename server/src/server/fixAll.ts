// Fix-all: the edits of every safe fix of a draft (or of one rule) that can be
// applied together. Costs a pass over all findings and their fixes, so it runs
// only when a fix-all is asked for or resolved, never to answer a cursor move.

import { applyFixes, safeFixes, ungrouped, type Finding, type TextEdit } from '../core';
import type { Analysis } from './analysis';

/** How often fix-all edits were computed (reported by `speechDraft/serverStatus`, counted by the tests). */
export const fixAllStats = { runs: 0 };

/** The edits of every safe fix that can be applied together in one pass (a group's marks one by one). */
export function fixAllEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  fixAllStats.runs++;
  return applyFixes(text, safeFixes(ungrouped(findings))).applied.flatMap((f) => f.edits);
}

/** The edits of fix-all for one rule, or for the whole draft when `rule` is undefined. */
export function fixAllEditsOf(a: Analysis, rule: string | undefined): TextEdit[] {
  return fixAllEdits(a.text, rule === undefined ? a.result.findings : a.result.findings.filter((f) => f.rule === rule));
}

const ALL = '';
const counts = new WeakMap<Analysis, Map<string, number>>();

/** How many findings of a rule (of all rules: no rule given) have a safe fix, a group counting its marks; one pass per analysis. */
export function safeFixCount(a: Analysis, rule?: string): number {
  let byRule = counts.get(a);
  if (!byRule) {
    byRule = new Map([[ALL, 0]]);
    for (const f of ungrouped(a.result.findings)) {
      if (!f.fixes?.[0]?.safe) continue;
      byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
      byRule.set(ALL, byRule.get(ALL)! + 1);
    }
    counts.set(a, byRule);
  }
  return byRule.get(rule ?? ALL) ?? 0;
}
