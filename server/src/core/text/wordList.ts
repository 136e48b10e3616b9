// Finds any of a list of words. A long alternation (`a|b|c|…`) is slow in
// JavaScript's regular expressions; one table look-up per character, with the
// words tried only where one of them starts, is several times faster.

/** A hash of two code units, for a quick test of a word's first two characters. */
const pairHash = (a: number, b: number) => (a * 31 + b) & 0xffff;

export class WordList {
  /** Per code unit: 1 where some word starts with it. */
  private readonly starts = new Uint8Array(0x10000);
  /** Per pair hash: 1 where some word starts with such a pair (or is one character long, keyed by its single unit). */
  private readonly pairs = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!word) continue;
      const c = word.charCodeAt(0);
      this.starts[c] = 1;
      if (word.length > 1) this.pairs[pairHash(c, word.charCodeAt(1))] = 1;
      else this.pairs.fill(1); // a one-character word: every pair after its character may start it
      const list = this.byFirst.get(c);
      if (list) list.push(word);
      else this.byFirst.set(c, [word]);
    }
  }

  /** Start of the first word found at or after `from`, or -1. */
  find(text: string, from = 0): number {
    const { starts, pairs } = this;
    const last = text.length - 1;
    for (let i = Math.max(0, from); i <= last; i++) {
      const c = text.charCodeAt(i);
      if (starts[c] === 0) continue;
      if (i < last && pairs[pairHash(c, text.charCodeAt(i + 1))] === 0) continue;
      for (const word of this.byFirst.get(c)!) if (text.startsWith(word, i)) return i;
    }
    return -1;
  }
}
