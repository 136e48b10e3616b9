// User-given regular expressions must never hang the checker. JavaScript's
// engine backtracks, so patterns that can backtrack exponentially are refused
// up front, and matching is bounded to one paragraph at a time.

const MAX_PATTERN_LENGTH = 200;
/** A quantified group that itself contains a quantifier: `(a+)+`, `(a|aa)*`, `(\w*)+`. */
const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*(?:[+*?]|\{\d+,?\d*\}|\|)(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/;
const BACKREFERENCE = /\\[1-9]|\\k</;
const LOOKAROUND = /\(\?<?[=!]/;

export interface PatternProblem {
  /** An l10n message. */
  message: string;
  args: Array<string | number>;
}

/** Undefined when the pattern is safe to use; otherwise why not. */
export function checkPatternSafety(pattern: unknown): PatternProblem | undefined {
  const why = (message: string, ...args: Array<string | number>) => ({ message, args });
  if (typeof pattern !== 'string') return why('it is not a string');
  if (pattern.length === 0) return why('it is empty');
  if (pattern.length > MAX_PATTERN_LENGTH) return why('it is longer than {0} characters', MAX_PATTERN_LENGTH);
  if (NESTED_QUANTIFIER.test(pattern)) return why('a repeated group that repeats inside can take exponential time');
  if (BACKREFERENCE.test(pattern)) return why('back-references are not supported');
  if (LOOKAROUND.test(pattern)) return why('look-around is not supported');
  try {
    new RegExp(pattern, 'gu');
  } catch (e) {
    return why('it is not a valid regular expression ({0})', (e as Error).message);
  }
  return undefined;
}
