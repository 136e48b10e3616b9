// The data of the wording rules: for `typo` a dictionary of words with
// frequencies, the confusion classes of characters (sound-alikes by pinyin,
// look-alikes by hand) and the finder's tables, for `formulation` the standard
// formulations; precompiled at build time into dist/wording-data.bin by
// data/build-wording-data.mjs (the container: wordingFile.ts). The core reads
// no files: whoever runs the core (language server, command line, tests)
// hands it a loader with `provideWordingData`, called on a wording rule's
// first check, so that a draft checked without those rules never pays for the
// data (see data/README.md).
//
// The dictionary's sections: `classStart` and `classList` (per character,
// its confusion classes: `classList[classStart[c] … classStart[c + 1])`),
// and per length L of 1 … maxWord `words.L` (the words of that length, sorted,
// concatenated: looked up by binary search in place) and `codes.L` (one
// frequency code per word: 0x100 + round(10·ln f) + 0x100 · kind, see KINDS).

import type { ShippedFormulations } from './formulations';
import { WordingFile } from './wordingFile';

/** Must match `VERSION` in data/build-wording-data.mjs. */
export const WORDING_DATA_VERSION = 9;

/** What a loader gives: the file's bytes (or, as loaders before version 3 gave it, the file decoded as UTF-16LE). */
export type WordingDataLoader = () => Uint8Array | string;

let loader: WordingDataLoader | undefined;
let file: WordingFile | undefined;
let index: TypoIndex | undefined;
let formulations: ShippedFormulations | undefined;
let failure: string | undefined;

/** Where the data comes from; the rules go without it (the typo rule silent, formulation with the configured entries only) until one is given. */
export function provideWordingData(load: WordingDataLoader): void {
  loader = load;
  file = index = formulations = failure = undefined;
}

function bytesOf(data: Uint8Array | string): Uint8Array {
  if (typeof data !== 'string') return data;
  const units = new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) units[i] = data.charCodeAt(i);
  return new Uint8Array(units.buffer);
}

/** Runs `f` (which makes something of the data), keeping the first failure (for the server's log) instead of throwing. */
export function guarded<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    return undefined;
  }
}

/** The loaded file, read once; undefined without a loader or when reading failed. */
export function wordingFile(): WordingFile | undefined {
  if (file || failure !== undefined || !loader) return file;
  const load = loader;
  file = guarded(() => new WordingFile(bytesOf(load()), WORDING_DATA_VERSION));
  return file;
}

/** The shipped standard formulations, parsed on first use. */
export function shippedFormulations(): ShippedFormulations | undefined {
  if (formulations || failure !== undefined) return formulations;
  const f = wordingFile();
  if (f) formulations = guarded(() => JSON.parse(f.text('formulations')) as ShippedFormulations);
  return formulations;
}

/** Why the data could not be loaded, if it could not (for the server's log). */
export function wordingDataFailure(): string | undefined {
  return failure;
}

/** The dictionary, made on first use; undefined without a loader or when loading failed. */
export function typoIndex(): TypoIndex | undefined {
  if (index || failure !== undefined) return index;
  const f = wordingFile();
  if (f) index = guarded(() => TypoIndex.fromFile(f));
  return index;
}

/**
 * How often `word` occurs in the dictionary's corpus (about 61 million words
 * in all), as its frequency code keeps it (within 5 %); 0 for a string that is
 * not one of its words, and while there is no data.
 */
export function wordFrequency(word: string): number {
  const code = typoIndex()?.codeOf(word, 0, word.length) ?? 0;
  return code === 0 ? 0 : Math.round(Math.exp(lnCountOf(code)));
}

/** ln of a word's count in the dictionary's corpus, from its code (its low byte: ten times that, rounded). */
const lnCountOf = (code: number): number => (code & 0xff) / 10;

/** A word's kind, from its code (`code >> 8`). */
export const KINDS = { word: 1, idiom: 2, name: 3, phrase: 4 } as const;
/** 成语 (jieba's `i`) */
export const IDIOM_KIND = KINDS.idiom;
/** 习用语 (jieba's `l`): set phrases, most of them made of two words (人际关系, 对外开放). */
export const PHRASE_KIND = KINDS.phrase;

/** What is indexed: the words a typo may be a misspelling of. */
export interface TargetThresholds {
  /** Least frequency of a target of two, three, four characters (idioms and set phrases: `idiom`, names: `name`). */
  two: number;
  three: number;
  four: number;
  idiom: number;
  name: number;
}

export interface DictionarySections {
  /** Sum of the frequencies. */
  total: number;
  maxWord: number;
  classStart: Int32Array;
  classList: Uint16Array;
  /** Indexed by length (index 0 unused). */
  words: Uint16Array[];
  codes: Uint16Array[];
}

export class TypoIndex {
  readonly maxWord: number;
  private readonly logTotal: number;
  /** ln P of each character as a word by itself; characters never seen alone get a floor. */
  readonly singleLogP = new Float32Array(0x10000);
  private readonly singleCode = new Uint16Array(0x10000);
  /** Per character, its confusion classes: `classList[classStart[c] … classStart[c + 1])`. */
  readonly classStart: Int32Array;
  readonly classList: Uint16Array;
  /** 1 for a character with a class: a common simplified character. */
  readonly knownTable = new Uint8Array(0x10000);
  /** The dictionary's words by length, sorted and concatenated, and their codes, as shipped. */
  readonly words: readonly Uint16Array[];
  readonly codes: readonly Uint16Array[];

  static fromFile(f: WordingFile): TypoIndex {
    const maxWord = f.header.maxWord as number;
    // Filled in from the end, made whole first (no holes: the finder reads them on every look-up).
    const words = Array.from({ length: maxWord + 1 }, (): Uint16Array => new Uint16Array(0));
    const codes = Array.from({ length: maxWord + 1 }, (): Uint16Array => new Uint16Array(0));
    const firstStart = Array.from({ length: maxWord + 1 }, (): Int32Array => new Int32Array(0));
    // The longest words first: undeltaWords is compiled while it makes them whole, where words share their first
    // units (words of one unit share none, and made first they would leave that path unseen by the compiled code).
    for (let L = maxWord; L >= 1; L--) {
      const starts = new Int32Array(0x10001);
      words[L] = undeltaWords(f.u16(`words.${L}`), L, starts);
      codes[L] = f.u16(`codes.${L}`);
      firstStart[L] = starts;
    }
    return new TypoIndex({ total: f.header.total as number, maxWord, classStart: f.i32('classStart'), classList: f.u16('classList'), words, codes }, firstStart);
  }

  /** `firstStart`: per length, where the words beginning with each code unit begin, if known (else made when first needed). */
  constructor(d: DictionarySections, firstStart: Int32Array[] = []) {
    if (d.classStart.length !== 0x10001) throw new Error('wording data: classStart must have an entry per code unit');
    for (let L = 1; L <= d.maxWord; L++) {
      if (d.words[L].length !== d.codes[L].length * L) throw new Error(`wording data: ${d.codes[L].length} codes for ${d.words[L].length / L} words of ${L}`);
    }
    this.maxWord = d.maxWord;
    this.logTotal = Math.log(d.total);
    this.classStart = d.classStart;
    this.classList = d.classList;
    this.words = d.words;
    this.codes = d.codes;
    this.firstStart = firstStart;
    fillKnown(this.classStart, this.knownTable);
    // A character never seen as a word by itself: rarer than the rarest word.
    this.singleLogP.fill(Math.log(0.5) - this.logTotal);
    fillSingles(this.words[1], this.codes[1], this.logTotal, this.singleCode, this.singleLogP);
  }

  /** ln P of a word from its code. */
  logPOf(code: number): number {
    return lnCountOf(code) - this.logTotal;
  }

  /** Per length, where the words beginning with each code unit begin (`firstStart[L][c]` … `firstStart[L][c + 1]`), made when first needed. */
  private readonly firstStart: Int32Array[];

  private wordsBeginning(L: number): Int32Array {
    let starts = this.firstStart[L];
    if (starts) return starts;
    const words = this.words[L];
    const n = this.codes[L].length;
    starts = this.firstStart[L] = new Int32Array(0x10001);
    for (let i = n - 1; i >= 0; i--) starts[words[i * L]] = i;
    // Units no word begins with: an empty range where the next one begins.
    let next = n;
    for (let c = 0xffff; c >= 0; c--) {
      if (starts[c] === 0 && (n === 0 || words[0] !== c)) starts[c] = next;
      else next = starts[c];
    }
    starts[0x10000] = n;
    return starts;
  }

  /** How many look-ups of two to HASHED_WORD characters there have been; once they pass HASHED_AFTER, per length, its table of slots (`hashWords`). */
  private asked = 0;
  private readonly slots: Array<Int32Array | undefined> = [];
  private readonly slotShift = new Int32Array(8);

  /**
   * The words of length L in a table of slots for a look-up by hash: one slot read a look-up (a word not in it mostly
   * ends there), one read of the word where its tag matches, where the binary search reads several stretches of the
   * list (a cache miss each: the typo finder's look-ups were most of its time after the first pass). A slot, chosen by
   * the hash's high bits, holds its low 14 bits as a tag (bits 18 up) and 1 + the word's index (0: an empty slot);
   * twice as many slots as words.
   */
  private hashWords(L: number): Int32Array | undefined {
    const words = this.words[L];
    const n = this.codes[L].length;
    // Too many for a slot's index: the binary search serves.
    if (n >= SLOT_INDEX_MASK) return undefined;
    let bits = 4;
    while (1 << bits < 2 * n) bits++;
    const slots = new Int32Array(1 << bits);
    const shift = (this.slotShift[L] = 32 - bits);
    const mask = slots.length - 1;
    for (let i = 0; i < n; i++) {
      let h = HASH_SEED;
      for (let k = i * L, e = k + L; k < e; k++) h = Math.imul(h ^ words[k], HASH_PRIME);
      h = mixHash(h);
      let j = h >>> shift;
      while (slots[j] !== 0) j = (j + 1) & mask;
      slots[j] = (h << SLOT_TAG_SHIFT) | (i + 1);
    }
    return slots;
  }

  /** The code of text[start, end) as a word (one unit replaced: `at`, `unit`), or 0. */
  codeOf(text: string, start: number, end: number, at = -1, unit = 0): number {
    const L = end - start;
    if (L === 1) return this.singleCode[start === at ? unit : text.charCodeAt(start)];
    if (L < 1 || L > this.maxWord) return 0;
    const words = this.words[L];
    const codes = this.codes[L];
    // Asked often (the typo finder, checking on): by hash. The tables are made after a first check, so that it does not pay for them.
    if (L <= HASHED_WORD && this.asked <= HASHED_AFTER && ++this.asked > HASHED_AFTER) for (let k = 2; k <= Math.min(HASHED_WORD, this.maxWord); k++) this.slots[k] = this.hashWords(k);
    const slots = this.slots[L];
    if (slots) {
      let h = HASH_SEED;
      for (let k = start; k < end; k++) h = Math.imul(h ^ (k === at ? unit : text.charCodeAt(k)), HASH_PRIME);
      h = mixHash(h);
      const tag = h << SLOT_TAG_SHIFT;
      const mask = slots.length - 1;
      for (let j = h >>> this.slotShift[L]; ; j = (j + 1) & mask) {
        const e = slots[j];
        if (e === 0) return 0;
        if ((e & SLOT_TAG_MASK) !== tag) continue;
        const i = (e & SLOT_INDEX_MASK) - 1;
        let same = true;
        for (let k = 0; k < L && same; k++) same = (start + k === at ? unit : text.charCodeAt(start + k)) === words[i * L + k];
        if (same) return codes[i];
      }
    }
    // A binary search among the words with the same first unit: a few steps, in one stretch of memory.
    const first = start === at ? unit : text.charCodeAt(start);
    const starts = this.firstStart[L] ?? this.wordsBeginning(L);
    let lo = starts[first];
    let hi = starts[first + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      let d = 0;
      for (let k = 0; k < L && d === 0; k++) d = (start + k === at ? unit : text.charCodeAt(start + k)) - words[mid * L + k];
      if (d === 0) return codes[mid];
      if (d > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /** True if the character has a class: a common simplified character. */
  known(c: number): boolean {
    return this.knownTable[c] === 1;
  }

  /** True if two characters share a class (sound or shape). */
  confusable(a: number, b: number): boolean {
    if (a === b) return false;
    for (let i = this.classStart[a]; i < this.classStart[a + 1]; i++) {
      for (let j = this.classStart[b]; j < this.classStart[b + 1]; j++) if (this.classList[i] === this.classList[j]) return true;
    }
    return false;
  }

  /** Per kind (`code >> 8`), the least frequency code of a target of length `L` (see `isTarget`). */
  static leastTargetCodes(L: number, thresholds: TargetThresholds): Uint16Array {
    const code = (f: number) => Math.ceil(10 * Math.log(f) - 1e-9);
    const word = code(L === 2 ? thresholds.two : L === 3 ? thresholds.three : thresholds.four);
    return Uint16Array.from([0xffff, word, code(thresholds.idiom), code(thresholds.name), code(thresholds.idiom)]);
  }
}

/**
 * Words of up to this length get a table of slots (`TypoIndex.hashWords`) once such words have been looked up
 * HASHED_AFTER times: more than the first check of a 100,000-character draft asks (9,300), in which the tables,
 * made by code not yet compiled (50 ms under load), would cost more than they save; a long draft's first check
 * makes them on the way, a server at its warm-up or on its next checks.
 */
const HASHED_WORD = 4;
const HASHED_AFTER = 30_000;
/** A slot: 1 + the word's index in its low 18 bits, a tag of its hash (its low bits) above. */
const SLOT_INDEX_MASK = (1 << 18) - 1;
const SLOT_TAG_MASK = ~SLOT_INDEX_MASK;
const SLOT_TAG_SHIFT = 18;
const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;
/** The end of a word's hash (murmur3's finaliser): its slot is its high bits, its tag its low ones. */
function mixHash(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/*
 * The loops TypoIndex runs once at load, before the engine has compiled them: each in a function of its own that
 * ends with it, reading no field and calling no method, so that the code compiled while it runs
 * meets nothing it has not seen when it ends.
 */

/** 1 in `known` for each code unit with a class. */
function fillKnown(classStart: Int32Array, known: Uint8Array): void {
  for (let c = 0; c < 0x10000; c++) known[c] = classStart[c + 1] > classStart[c] ? 1 : 0;
}

/** The code and ln P (`logPOf`) of each character that is a word by itself. */
function fillSingles(singles: Uint16Array, codes: Uint16Array, logTotal: number, singleCode: Uint16Array, singleLogP: Float32Array): void {
  for (let i = 0; i < singles.length; i++) {
    const code = codes[i];
    singleCode[singles[i]] = code;
    singleLogP[singles[i]] = lnCountOf(code) - logTotal;
  }
}

/** True if a word with this code is frequent enough to be a target (`least`: from `TypoIndex.leastTargetCodes`). */
export const isTargetCode = (code: number, least: Uint16Array) => (code & 0xff) >= least[code >> 8];

/**
 * The words of one length are shipped front-coded (the package compresses them
 * to half): each word as its difference from the word before, the units they
 * share as 0, the first that differs as how much it grew (never 0: the list is
 * sorted), the rest as they are (never 0: no unit of a word is); made whole
 * at load.
 */
export function deltaWords(words: Uint16Array, L: number): Uint16Array {
  const out = new Uint16Array(words.length);
  for (let i = 0; i < words.length; i += L) {
    let shared = i > 0;
    for (let k = 0; k < L; k++) {
      const u = words[i + k];
      if (shared && u === words[i + k - L]) continue;
      out[i + k] = shared ? u - words[i + k - L] : u;
      shared = false;
    }
  }
  return out;
}

/**
 * The words of one length made whole, and, into `starts`, where the words
 * beginning with each code unit begin (as `wordsBeginning`). A copy of the
 * coded units already holds every unit after the first that differs: only the
 * shared ones and that one are added up, in a loop that stops there.
 */
export function undeltaWords(coded: Uint16Array, L: number, starts: Int32Array): Uint16Array {
  const out = coded.slice();
  const n = out.length;
  // The units up to `next` have their start: each first unit found gives it to the units from there to it. Past the
  // last word, 0x10000 gives the count of words to the units no word begins with after it: in the loop, not after it,
  // which runs once, before the engine has compiled it (what follows a loop compiled while it ran and was never seen
  // would throw the compiled code away).
  let next = 0;
  for (let i = 0; i <= n; i += L) {
    if (i > 0 && i < n) {
      for (let j = i, end = i + L; j < end; j++) {
        const d = out[j];
        out[j] = d + out[j - L];
        if (d !== 0) break;
      }
    }
    const first = i < n ? out[i] : 0x10000;
    if (first >= next) {
      starts.fill(i / L, next, first + 1);
      next = first + 1;
    }
  }
  return out;
}
