// `--fix`: apply the safe fixes, check again, apply again, until nothing more
// applies. A pass can leave fixes out (they touched a fix already taken), and
// fixing one thing can reveal another; a bound stops rules that never settle.

import { applyFixes, safeFixes, type Checker, type Fix, type RuleId } from '../core';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** Fixes applied, by rule, in the order the rules were first fixed. */
  byRule: Map<RuleId, number>;
  /** False when fixes were still applying after the last pass. */
  settled: boolean;
}

export function fixUntilSettled(checker: Checker, text: string): FixOutcome {
  const byRule = new Map<RuleId, number>();
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const { findings } = checker.check(text);
    const ruleOf = new Map<Fix, RuleId>();
    for (const f of findings) if (f.fixes?.[0]) ruleOf.set(f.fixes[0], f.rule);
    const result = applyFixes(text, safeFixes(findings));
    if (result.applied.length === 0 || result.text === text) return { text, byRule, settled: true };
    for (const fix of result.applied) {
      const rule = ruleOf.get(fix)!;
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    }
    text = result.text;
  }
  return { text, byRule, settled: safeFixes(checker.check(text).findings).length === 0 };
}
