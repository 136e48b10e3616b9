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
  private anyPair = false;

  constructor(words: Iterable<string>) {
    for (const word of words) {
      if (!word) continue;
      const c = word.charCodeAt(0);
      this.starts[c] = 1;
      if (word.length > 1) {
        this.pairs[pairHash(c, word.charCodeAt(1))] = 1;
      } else if (!this.anyPair) {
        this.pairs.fill(1);
        this.anyPair = true;
      }
      const list = this.byFirst.get(c);
      if (list) list.push(word);
      else this.byFirst.set(c, [word]);
    }
  }

  /** Per code unit some word starts with, the units its words go on with; undefined where one of them has one character. */
  *secondUnits(): Iterable<[number, Iterable<number> | undefined]> {
    for (const [c, words] of this.byFirst) {
      yield [c, words.some((w) => w.length === 1) ? undefined : new Set(words.map((w) => w.charCodeAt(1)))];
    }
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

/** The row of a second unit in a class's table of pairs (a lossy hash: it only filters). */
const secondSlot = (c: number) => (c ^ (c >>> 8)) & 0xff;
/** The class shared by the first units beyond the 254 that get one each. */
const SHARED_CLASS = 255;

/**
 * Up to 32 word lists searched in one pass: per paragraph, which lists have a
 * word starting inside it. A small table per code unit gives the class of the
 * units some word starts with (0 for the rest, most of a text); per class, which
 * lists start with it and, by the next unit, which may go on: tables of a few
 * KB that stay in the cache beside the rules' own, where two of 256 KB read per
 * unit did not. A list found in a paragraph is not looked for again there.
 */
export class WordListBatch {
  /** Per code unit: its class, 0 where no list's word starts with it. */
  private readonly classOf = new Uint8Array(0x10000);
  /** Per class: the lists some word of which starts with its units. */
  private readonly classMasks = new Uint32Array(SHARED_CLASS + 1);
  /** Per class and `secondSlot` of the next unit: the lists that may have a word starting with the pair. */
  private readonly pairMasks = new Uint32Array((SHARED_CLASS + 1) << 8);

  constructor(readonly lists: readonly WordList[]) {
    if (lists.length > 32) throw new RangeError('at most 32 word lists in one batch');
    let classes = 0;
    lists.forEach((list, bit) => {
      for (const [c, seconds] of list.secondUnits()) {
        let k = this.classOf[c];
        if (k === 0) this.classOf[c] = k = classes < SHARED_CLASS - 1 ? ++classes : SHARED_CLASS;
        this.classMasks[k] |= 1 << bit;
        const row = k << 8;
        // A one-character word goes on with anything. The shared class's row holds what each of its units goes on with.
        if (seconds === undefined) for (let s = 0; s < 256; s++) this.pairMasks[row + s] |= 1 << bit;
        else for (const s of seconds) this.pairMasks[row + secondSlot(s)] |= 1 << bit;
      }
    });
  }

  /** Per list, per paragraph: 1 where one of its words starts inside the paragraph. */
  scan(text: string, paragraphs: ReadonlyArray<{ start: number; end: number }>): Uint8Array[] {
    const hits = this.lists.map(() => new Uint8Array(paragraphs.length));
    const { classOf, classMasks, pairMasks } = this;
    const n = text.length;
    for (let k = 0; k < paragraphs.length; k++) {
      const end = Math.min(paragraphs[k].end, n);
      let found = 0; // lists already found in paragraph k
      for (let i = Math.max(0, paragraphs[k].start); i < end; i++) {
        const cls = classOf[text.charCodeAt(i)];
        if (cls === 0) continue;
        let mask = classMasks[cls] & ~found;
        if (mask !== 0 && i + 1 < n) mask &= pairMasks[(cls << 8) | secondSlot(text.charCodeAt(i + 1))];
        if (mask === 0) continue;
        for (let bit = 0; mask >>> bit !== 0; bit++) {
          if (((mask >>> bit) & 1) === 1 && this.lists[bit].startsAt(text, i)) {
            hits[bit][k] = 1;
            found |= 1 << bit;
          }
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
    if (batches.size >= 4) batches.delete(batches.keys().next().value!); // 320 KB each: keep the few recent configs
    batches.set(key, (batch = new WordListBatch(lists)));
  }
  return batch;
}
