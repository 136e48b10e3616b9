// Finds every occurrence of many short strings in one pass: each position's
// pair of code units is tested in a table of their hashes, looked up only
// where the test passes, and only the strings starting with that pair are
// compared, each by its third unit first (strings of one unit are not
// supported).

import { pairHash } from '../text/wordList';

export class NeedleIndex<T> {
  /** Per pair, its needles (longer first at one place, as added), each with its third unit (−1: a needle of two). */
  private readonly byPair = new Map<number, Array<{ needle: string; value: T; third: number }>>();
  /** Per pair hash (`pairHash`), 1 where some needle starts with such a pair. */
  readonly pairs = new Uint8Array(0x10000);
  /** Per code unit, 1 where some needle starts with it: most units of a text start none, and their entries lie together. */
  readonly firsts = new Uint8Array(0x10000);

  add(needle: string, value: T): void {
    if (needle.length < 2) throw new RangeError(`needle too short: ${needle}`);
    this.pairs[pairHash(needle.charCodeAt(0), needle.charCodeAt(1))] = 1;
    this.firsts[needle.charCodeAt(0)] = 1;
    const key = (needle.charCodeAt(0) << 16) | needle.charCodeAt(1);
    const entry = { needle, value, third: needle.length > 2 ? needle.charCodeAt(2) : -1 };
    const list = this.byPair.get(key);
    if (list) list.push(entry);
    else this.byPair.set(key, [entry]);
  }

  /** Calls `found` for each occurrence, in text order (longer needles first at one place). */
  scan(text: string, found: (at: number, needle: string, value: T) => void): void {
    const pairs = this.pairs;
    const firsts = this.firsts;
    // One read of each unit; the pair's hash written out (a call a position costs the most in unoptimised code).
    let b = text.charCodeAt(0);
    for (let i = 0; i + 1 < text.length; i++) {
      const a = b;
      b = text.charCodeAt(i + 1);
      if (firsts[a] === 0 || pairs[(a * 31 + b) & 0xffff] === 0) continue; // pairHash(a, b), written out
      const list = this.byPair.get((a << 16) | b);
      if (!list) continue;
      matchAt(list, text, i, found);
    }
  }

  /**
   * Calls `found` for each needle at text[i] (longer first), as `scan` does there: for a walk of its own over the text
   * that reads `firsts` in a table of its own, and calls this only where the unit may start a needle.
   */
  startsAt(text: string, i: number, found: (at: number, needle: string, value: T) => void): void {
    if (i + 1 >= text.length) return;
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    if (this.pairs[(a * 31 + b) & 0xffff] === 0) return; // pairHash(a, b), written out
    const list = this.byPair.get((a << 16) | b);
    if (!list) return;
    matchAt(list, text, i, found);
  }
}

/**
 * Calls `found` for each needle of a pair's list that text[i] starts: its third unit compared first, as a pair
 * such as 国家 or 中央 begins dozens of names, of which the third unit leaves one or two to compare whole.
 */
function matchAt<T>(list: ReadonlyArray<{ needle: string; value: T; third: number }>, text: string, i: number, found: (at: number, needle: string, value: T) => void): void {
  // −1 past the end, where no needle of three units or more matches (read as such, not out of bounds: the engine's
  // compiled code would be thrown away at the first needle of two at a text's end).
  const c = i + 2 < text.length ? text.charCodeAt(i + 2) : -1;
  for (const { needle, value, third } of list) if ((third < 0 || third === c) && text.startsWith(needle, i)) found(i, needle, value);
}
