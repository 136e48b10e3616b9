// User-given regular expressions (`placeholderPatterns`, and every later setting
// of patterns) run on RE2's engine, re2js: pure JavaScript that never
// backtracks, so no pattern can hang the checker whatever its shape. It is
// loaded on first use, when a config first holds a pattern: in the bundles it is
// a file of its own, `dist/regexEngine.js` (esbuild.mjs points `re2js` there).
//
// A linear engine is not enough on its own: leftmost-first matching may look
// ahead to the end of the text before it settles a match (`a*b|a` on `aaa…`),
// so searching the rest of a paragraph after each match is quadratic. Matches
// are sought in windows instead: a match is at most MAX_MATCH characters long
// (a placeholder is short); a longer one is missed, or found in part.

import type * as Re2 from 're2js';
import type { Span } from '../types';

const MAX_PATTERN_LENGTH = 200;
export const MAX_MATCH = 100;

/** re2js never accepts these; said plainly rather than in the engine's words. */
const BACKREFERENCE = /\\[1-9]|\\k</;
const LOOKAROUND = /\(\?<?[=!]/;
/** JavaScript's way of naming a script, which RE2 writes `\p{Han}`. */
const SCRIPT_PROPERTY = /\\([pP])\{(?:Script|sc)=([A-Za-z_]+)\}/g;
/** What `\s` matches in JavaScript; RE2's `\s` is ASCII only and would miss the full-width space. */
const JS_SPACE = '\\t\\n\\x{b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';

export interface PatternProblem {
  /** An l10n message. */
  message: string;
  args: Array<string | number>;
}

/** A compiled user pattern. */
export interface UserPattern {
  readonly source: string;
  /** Its matches in `text`, in order, never overlapping, none empty. */
  spans(text: string): Span[];
}

type Engine = typeof Re2;
let engine: Engine | undefined;
/** The module-level lazy load: nothing is read until a config holds a pattern. */
function loadEngine(): Engine {
  return (engine ??= require('re2js') as Engine);
}

/** JavaScript habits the engine reads otherwise: `\s` (Unicode spaces), `\p{Script=Han}`, `\u4e00`, `(?<name>…)`. */
function toRe2Syntax(pattern: string, { RE2JS }: Engine): string {
  const translated = RE2JS.translateRegExp(pattern.replace(SCRIPT_PROPERTY, '\\$1{$2}'));
  let out = '';
  let inClass = false;
  for (let i = 0; i < translated.length; i++) {
    const ch = translated[i];
    if (ch === '\\' && i + 1 < translated.length) {
      const next = translated[++i];
      if (next === 's') out += inClass ? JS_SPACE : `[${JS_SPACE}]`;
      else if (next === 'S' && !inClass) out += `[^${JS_SPACE}]`;
      else out += ch + next;
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}

const compiled = new Map<string, UserPattern | PatternProblem>();

/** The pattern compiled, or why it cannot be used. Remembered by source (a bounded cache). */
export function compileUserPattern(pattern: unknown): UserPattern | PatternProblem {
  const why = (message: string, ...args: Array<string | number>): PatternProblem => ({ message, args });
  if (typeof pattern !== 'string') return why('it is not a string');
  if (pattern.length === 0) return why('it is empty');
  if (pattern.length > MAX_PATTERN_LENGTH) return why('it is longer than {0} characters', MAX_PATTERN_LENGTH);
  let known = compiled.get(pattern);
  if (known) return known;
  if (BACKREFERENCE.test(pattern)) known = why('back-references are not supported');
  else if (LOOKAROUND.test(pattern)) known = why('look-around is not supported');
  else {
    let re2: Engine;
    try {
      re2 = loadEngine();
    } catch (e) {
      return why('the engine for patterns could not be loaded ({0})', (e as Error).message);
    }
    try {
      known = windowed(pattern, re2.RE2JS.compile(toRe2Syntax(pattern, re2)));
    } catch (e) {
      const reason = (e as Error).message;
      known = /\\[pP]\{/.test(pattern)
        ? why('a Unicode class names a script or a category, such as {1} or {2} ({0})', reason, '\\p{Han}', '\\p{L}')
        : why('it is not a valid regular expression ({0})', reason);
    }
  }
  if (compiled.size >= 512) compiled.delete(compiled.keys().next().value!);
  compiled.set(pattern, known);
  return known;
}

export function isPatternProblem(p: UserPattern | PatternProblem): p is PatternProblem {
  return 'message' in p;
}

/** Undefined when the pattern can be used; otherwise why not. */
export function checkPatternSafety(pattern: unknown): PatternProblem | undefined {
  const p = compileUserPattern(pattern);
  return isPatternProblem(p) ? p : undefined;
}

/** The usable ones of some patterns (each unusable one was reported when the config was read). */
export function userPatterns(sources: readonly string[]): UserPattern[] {
  const out: UserPattern[] = [];
  for (const s of sources) {
    const p = compileUserPattern(s);
    if (!isPatternProblem(p)) out.push(p);
  }
  return out;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** `i`, moved forward off the second half of a surrogate pair. */
function codePointStart(text: string, i: number): number {
  return i > 0 && i < text.length && isLow(text.charCodeAt(i)) && isHigh(text.charCodeAt(i - 1)) ? i + 1 : i;
}

/** Counts engine calls, for the tests that check the work stays linear. */
export const patternWork = { windows: 0 };

/**
 * Each search sees a window of 2 × MAX_MATCH characters (and the one before it,
 * for `\b` and `(?m)^`): every match of up to MAX_MATCH characters that starts
 * in its first half lies inside it. A match touching the window's end, where the
 * paragraph goes on, may be cut short (or be `$` matching there): it is not
 * taken. A search costs the window, and each one moves on by at least one
 * match or half a window.
 */
function windowed(source: string, re: Re2.RE2JS): UserPattern {
  const matcher = re.matcher('');
  return {
    source,
    spans(text: string): Span[] {
      const out: Span[] = [];
      const n = text.length;
      let p = 0;
      while (p < n) {
        const from = p > 0 ? p - 1 : 0;
        let end = Math.min(n, p + 2 * MAX_MATCH + 1);
        if (end < n && isHigh(text.charCodeAt(end - 1))) end--;
        patternWork.windows++;
        matcher.resetMatcherInput(text.slice(from, end));
        if (!matcher.find(p - from)) {
          if (end === n) break;
          p = codePointStart(text, end - MAX_MATCH - 1);
          continue;
        }
        const start = from + matcher.start();
        const stop = from + matcher.end();
        if (start >= p + MAX_MATCH && end < n) p = start; // seen again from its own window
        else if (stop === end && end < n) p = stop; // longer than a window
        else if (stop === start) p = codePointStart(text, start + 1);
        else {
          out.push({ start, end: stop });
          p = stop;
        }
      }
      return out;
    },
  };
}
