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
export const WORDING_DATA_VERSION = 7;

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
  return code === 0 ? 0 : Math.round(Math.exp((code & 0xff) / 10));
}

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
    const words: Uint16Array[] = [new Uint16Array(0)];
    const codes: Uint16Array[] = [new Uint16Array(0)];
    const firstStart: Int32Array[] = [new Int32Array(0)];
    for (let L = 1; L <= maxWord; L++) {
      const starts = new Int32Array(0x10001);
      words.push(undeltaWords(f.u16(`words.${L}`), L, starts));
      codes.push(f.u16(`codes.${L}`));
      firstStart.push(starts);
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
    for (let c = 0; c < 0x10000; c++) this.knownTable[c] = this.classStart[c + 1] > this.classStart[c] ? 1 : 0;
    // A character never seen as a word by itself: rarer than the rarest word.
    this.singleLogP.fill(Math.log(0.5) - this.logTotal);
    const singles = this.words[1];
    for (let i = 0; i < singles.length; i++) {
      const code = this.codes[1][i];
      this.singleCode[singles[i]] = code;
      this.singleLogP[singles[i]] = this.logPOf(code);
    }
  }

  /** ln P of a word from its code. */
  logPOf(code: number): number {
    return (code & 0xff) / 10 - this.logTotal;
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

  /** The code of text[start, end) as a word (one unit replaced: `at`, `unit`), or 0. */
  codeOf(text: string, start: number, end: number, at = -1, unit = 0): number {
    const L = end - start;
    if (L === 1) return this.singleCode[start === at ? unit : text.charCodeAt(start)];
    if (L < 1 || L > this.maxWord) return 0;
    const words = this.words[L];
    const codes = this.codes[L];
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
  // The units up to `next` have their start: each first unit found gives it to the units from there to it.
  let next = 0;
  for (let i = 0; i < n; i += L) {
    if (i > 0) {
      for (let j = i, end = i + L; j < end; j++) {
        const d = out[j];
        out[j] = d + out[j - L];
        if (d !== 0) break;
      }
    }
    const first = out[i];
    if (first >= next) {
      starts.fill(i / L, next, first + 1);
      next = first + 1;
    }
  }
  starts.fill(n / L, next, 0x10001);
  return out;
}
