// The accept list (`accept` in `.speechdraftrc.json`): words, phrases and
// placeholders written on purpose. A finding whose span lies inside such a
// text, wherever it occurs, is not reported, whatever the rule: the checker
// filters here, once, after the rules.

import type { Finding } from '../types';

/** A test for findings inside accepted text of `text`; undefined when nothing is accepted. */
export function acceptedIn(text: string, phrases: readonly string[]): ((f: Finding) => boolean) | undefined {
  const list = phrases.filter((p) => p.length > 0);
  if (list.length === 0) return undefined;
  const byFirst = new Map<number, string[]>();
  let longest = 0;
  for (const p of new Set(list)) {
    const c = p.charCodeAt(0);
    byFirst.get(c)?.push(p) ?? byFirst.set(c, [p]);
    longest = Math.max(longest, p.length);
  }
  // An occurrence holding [start, end] starts at most `longest` before its end: those starts are tried, no more.
  return (f) => {
    const { start, end } = f.span;
    for (let i = Math.max(0, end - longest); i <= start; i++) {
      const candidates = byFirst.get(text.charCodeAt(i));
      if (candidates?.some((p) => i + p.length >= end && text.startsWith(p, i))) return true;
    }
    return false;
  };
}

/** Text a finding offers to accept: a short stretch on one line that holds more than punctuation; undefined otherwise. */
export function acceptablePhrase(text: string, f: Finding): string | undefined {
  const phrase = text.slice(f.span.start, f.span.end);
  const chars = [...phrase];
  if (chars.length === 0 || chars.length > 20 || /[\r\n]/.test(phrase)) return undefined;
  return /[\p{L}\p{N}*×＊?？□○〇]/u.test(phrase) ? phrase : undefined;
}
