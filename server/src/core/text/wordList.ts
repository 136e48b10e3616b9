// Finds any of a list of words. A long alternation (`a|b|c|…`) is slow in
// JavaScript's regular expressions; one table look-up per character, with the
// words tried only where one of them starts, is several times faster. A list
// of one-character words is a character class.

/** A hash of two code units, for a quick test of a word's first two characters (tables of 0x10000 by it). */
export const pairHash = (a: number, b: number) => (a * 31 + b) & 0xffff;

let lastId = 0;

export class WordList {
  /** Tells lists apart when batches of them are remembered. */
  readonly id = ++lastId;
  /** Per code unit: 1 where some word starts with it. */
  private readonly starts = new Uint8Array(0x10000);
  /** Per pair hash: 1 where some word starts with such a pair (all 1 once a word has one character). */
  private readonly pairs = new Uint8Array(0x10000);
  private readonly byFirst = new Map<number, string[]>();
  private readonly pairKeys = new Set<number>();
  private anyPair = false;

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!word) continue;
      const c = word.charCodeAt(0);
      this.starts[c] = 1;
      if (word.length > 1) {
        const h = pairHash(c, word.charCodeAt(1));
        this.pairs[h] = 1;
        this.pairKeys.add(h);
      } else if (!this.anyPair) {
        this.pairs.fill(1);
        this.anyPair = true;
      }
      const list = this.byFirst.get(c);
      if (list) list.push(word);
      else this.byFirst.set(c, [word]);
    }
  }

  /** The code units some word starts with. */
  firstUnits(): Iterable<number> {
    return this.byFirst.keys();
  }

  /** The pair hashes some word may start with; undefined for all of them (a word has one character). */
  pairHashes(): Iterable<number> | undefined {
    return this.anyPair ? undefined : this.pairKeys;
  }

  /** True if a word starts at i (the caller knows i is inside the text). */
  startsAt(text: string, i: number): boolean {
    const c = text.charCodeAt(i);
    if (this.starts[c] === 0) return false;
    if (i + 1 < text.length && this.pairs[pairHash(c, text.charCodeAt(i + 1))] === 0) return false;
    for (const word of this.byFirst.get(c)!) if (text.startsWith(word, i)) return true;
    return false;
  }

  /** Start of the first word found at or after `from`, or -1. */
  find(text: string, from = 0): number {
    const starts = this.starts;
    const end = text.length;
    for (let i = Math.max(0, from); i < end; i++) {
      if (starts[text.charCodeAt(i)] === 1 && this.startsAt(text, i)) return i;
    }
    return -1;
  }
}

/**
 * Up to 32 word lists searched in one pass: per paragraph, which lists have a
 * word starting inside it. Two tables say which lists may start at a character
 * and its next one; a list found in a paragraph is not looked for again there.
 */
export class WordListBatch {
  private readonly masks = new Uint32Array(0x10000);
  private readonly pairMasks = new Uint32Array(0x10000);
  /** The lists with a one-character word: any pair may start one of their words (one mask, not a bit set in every pair's). */
  private anyPair = 0;

  constructor(readonly lists: readonly WordList[]) {
    if (lists.length > 32) throw new RangeError('at most 32 word lists in one batch');
    lists.forEach((list, bit) => {
      for (const c of list.firstUnits()) this.masks[c] |= 1 << bit;
      const pairs = list.pairHashes();
      if (!pairs) this.anyPair |= 1 << bit;
      else for (const h of pairs) this.pairMasks[h] |= 1 << bit;
    });
  }

  /** Per list, per paragraph: 1 where one of its words starts inside the paragraph. */
  scan(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>): Uint8Array[] {
    const hits = this.lists.map(() => new Uint8Array(paragraphs.length));
    const { masks, pairMasks, anyPair } = this;
    const last = text.length - 1;
    let k = -1;
    let found = 0; // lists already found in paragraph k
    for (let i = 0; i <= last; i++) {
      const c = text.charCodeAt(i);
      let mask = masks[c];
      if (mask === 0) continue;
      if (i < last) mask &= pairMasks[pairHash(c, text.charCodeAt(i + 1))] | anyPair;
      if (mask === 0) continue;
      while (k + 1 < paragraphs.length && paragraphs[k + 1].start <= i) {
        k++;
        found = 0;
      }
      mask &= ~found;
      if (k < 0 || i >= paragraphs[k].end || mask === 0) continue;
      for (let bit = 0; mask >>> bit !== 0; bit++) {
        if (((mask >>> bit) & 1) === 1 && this.lists[bit].startsAt(text, i)) {
          hits[bit][k] = 1;
          found |= 1 << bit;
        }
      }
    }
    return hits;
  }
}

const batches = new Map<string, WordListBatch>();

/** The batch of these lists, made once: its tables take a while to fill. */
export function batchOf(lists: readonly WordList[]): WordListBatch {
  const key = lists.map((l) => l.id).join(',');
  let batch = batches.get(key);
  if (!batch) {
    if (batches.size >= 4) batches.delete(batches.keys().next().value!); // 512 KB each: keep the few recent configs
    batches.set(key, (batch = new WordListBatch(lists)));
  }
  return batch;
}
