// `--fix`: apply the safe fixes, check again, apply again, until nothing more
// applies. A pass can leave fixes out (they touched a fix already taken), and
// fixing one thing can reveal another; a bound stops rules that never settle.
// Each text is checked once: the outcome carries the check of the text it
// started from and of the text it ends with, for the report.

import { applyFixes, safeFixes, type Checker, type CheckResult, type Fix, type RuleId } from '../core';

export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  text: string;
  /** The check of the text given (what is reported when the fixed text cannot be written). */
  original: CheckResult;
  /** The check of `text`, the fixed text. */
  result: CheckResult;
  /** Fixes applied, by rule, in the order the rules were first fixed. */
  byRule: Map<RuleId, number>;
  /** False when fixes were still applying after the last pass. */
  settled: boolean;
}

export function fixUntilSettled(checker: Checker, text: string): FixOutcome {
  const byRule = new Map<RuleId, number>();
  let result = checker.check(text);
  const original = result;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const ruleOf = new Map<Fix, RuleId>();
    for (const f of result.findings) if (f.fixes?.[0]) ruleOf.set(f.fixes[0], f.rule);
    const applied = applyFixes(text, safeFixes(result.findings));
    if (applied.applied.length === 0 || applied.text === text) return { text, original, result, byRule, settled: true };
    for (const fix of applied.applied) {
      const rule = ruleOf.get(fix)!;
      byRule.set(rule, (byRule.get(rule) ?? 0) + 1);
    }
    text = applied.text;
    result = checker.check(text);
  }
  return { text, original, result, byRule, settled: safeFixes(result.findings).length === 0 };
}
