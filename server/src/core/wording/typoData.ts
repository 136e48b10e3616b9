// The data of the wording rules: for `typo` a dictionary of words with
// frequencies and the confusion classes of characters (sound-alikes by pinyin,
// look-alikes by hand), for `formulation` the standard formulations;
// precompiled at build time into dist/wording-data.bin by
// data/build-wording-data.mjs. The core reads no files: whoever runs the core
// (language server, command line, tests) hands it a loader with
// `provideWordingData`, called on the rule's first check, so that a draft checked
// without the rule never pays for the data (about 2.7 MB; see data/README.md).
//
// The format: one string (UTF-16), a header line of JSON
// `{version, total, classCount, maxWord}`, then sections each ended by U+0000:
// the classes (each character followed by its class ids as U+0100 + id), the
// words of 1 … maxWord characters (sorted, concatenated: looked up by binary
// search in place, with no table to build), and for each such
// list its frequency codes, one character per word: U+0100 + round(10·ln f)
// + 0x100 · kind (0 a word, 1 an idiom, 2 a name of a person, place or body);
// last, data/formulations.json as one line of JSON.

import type { ShippedFormulations } from './formulations';

export const TYPO_DATA_VERSION = 2;

let loader: (() => string) | undefined;
let source: string | undefined;
let index: TypoIndex | undefined;
let formulations: ShippedFormulations | undefined;
let failure: string | undefined;

/** Where the data comes from; the rules go without it (the typo rule silent, formulation with the configured entries only) until one is given. */
export function provideWordingData(load: () => string): void {
  loader = load;
  source = index = formulations = failure = undefined;
}

/** The loaded data, read once; undefined without a loader or when reading failed. */
function loaded(): string | undefined {
  if (source !== undefined || failure !== undefined || !loader) return source;
  try {
    source = loader();
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return source;
}

/** The shipped standard formulations (the last section), parsed on first use. */
export function shippedFormulations(): ShippedFormulations | undefined {
  if (formulations || failure !== undefined) return formulations;
  const s = loaded();
  if (s === undefined) return undefined;
  try {
    const end = s.lastIndexOf('\0');
    formulations = JSON.parse(s.slice(s.lastIndexOf('\0', end - 1) + 1, end)) as ShippedFormulations;
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return formulations;
}

/** Why the data could not be loaded, if it could not (for the server's log). */
export function wordingDataFailure(): string | undefined {
  return failure;
}

/** The parsed data, made on first use; undefined without a loader or when loading failed. */
export function typoIndex(): TypoIndex | undefined {
  if (index || failure !== undefined) return index;
  const s = loaded();
  if (s === undefined) return undefined;
  try {
    index = new TypoIndex(s);
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
  }
  return index;
}

/** A word's kind from its code: 1 a word, 2 an idiom, 3 a name. */
export const IDIOM_KIND = 2;

/** What is indexed: the words a typo may be a misspelling of. */
export interface TargetThresholds {
  /** Least frequency of a target of two, three, four characters (idioms: `idiom`, names: `name`). */
  two: number;
  three: number;
  four: number;
  idiom: number;
  name: number;
}

export class TypoIndex {
  readonly maxWord: number;
  private readonly logTotal: number;
  /** ln P of each character as a word by itself; characters never seen alone get a floor. */
  readonly singleLogP = new Float32Array(0x10000);
  private readonly singleCode = new Uint16Array(0x10000);
  /** Per character, its confusion classes: `classList[classStart[c] … classStart[c + 1])`. */
  readonly classStart = new Int32Array(0x10001);
  readonly classList: Uint16Array;
  /**
   * The dictionary's words by length, sorted and concatenated, and their codes,
   * as shipped: a look-up is a binary search in place (no table to build at
   * load, no memory beyond the strings).
   */
  readonly words: string[] = [''];
  readonly codes: string[] = [''];

  constructor(source: string) {
    const headerEnd = source.indexOf('\n');
    const header = JSON.parse(source.slice(0, headerEnd)) as { version: number; total: number; classCount: number; maxWord: number };
    if (header.version !== TYPO_DATA_VERSION) throw new Error(`typo data version ${header.version}, expected ${TYPO_DATA_VERSION}`);
    this.maxWord = header.maxWord;
    this.logTotal = Math.log(header.total);
    const sections: string[] = [];
    for (let at = headerEnd + 1; at < source.length; ) {
      const end = source.indexOf('\0', at);
      if (end < 0) break;
      sections.push(source.slice(at, end));
      at = end + 1;
    }
    // Classes, words and codes by length, the formulations.
    if (sections.length !== 2 + 2 * this.maxWord) throw new Error(`wording data has ${sections.length} sections, expected ${2 + 2 * this.maxWord}`);
    const classText = sections[0];
    for (let L = 1; L <= this.maxWord; L++) {
      this.words.push(sections[L]);
      this.codes.push(sections[this.maxWord + L]);
    }

    // Classes: count per character, then fill.
    const counts = new Int32Array(0x10000);
    let owner = -1;
    for (let i = 0; i < classText.length; i++) {
      const c = classText.charCodeAt(i);
      if (c >= 0x4e00) owner = c;
      else if (owner >= 0) counts[owner]++;
    }
    for (let c = 0; c < 0x10000; c++) this.classStart[c + 1] = this.classStart[c] + counts[c];
    this.classList = new Uint16Array(this.classStart[0x10000]);
    const fill = this.classStart.slice(0, 0x10000);
    for (let i = 0; i < classText.length; i++) {
      const c = classText.charCodeAt(i);
      if (c >= 0x4e00) owner = c;
      else if (owner >= 0) this.classList[fill[owner]++] = c - 0x100;
    }

    // A character never seen as a word by itself: rarer than the rarest word.
    this.singleLogP.fill(Math.log(0.5) - this.logTotal);
    const singles = this.words[1];
    for (let i = 0; i < singles.length; i++) {
      const code = this.codes[1].charCodeAt(i);
      this.singleCode[singles.charCodeAt(i)] = code;
      this.singleLogP[singles.charCodeAt(i)] = this.logPOf(code);
    }
  }

  /** ln P of a word from its code. */
  logPOf(code: number): number {
    return (code & 0xff) / 10 - this.logTotal;
  }

  /** The code of text[start, end) as a word (one unit replaced: `at`, `unit`), or 0. */
  codeOf(text: string, start: number, end: number, at = -1, unit = 0): number {
    const L = end - start;
    if (L === 1) return this.singleCode[start === at ? unit : text.charCodeAt(start)];
    if (L > this.maxWord) return 0;
    const words = this.words[L];
    let lo = 0;
    let hi = this.codes[L].length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      let d = 0;
      for (let k = 0; k < L && d === 0; k++) d = (start + k === at ? unit : text.charCodeAt(start + k)) - words.charCodeAt(mid * L + k);
      if (d === 0) return this.codes[L].charCodeAt(mid);
      if (d > 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  forClasses(c: number, each: (k: number) => void): void {
    for (let i = this.classStart[c]; i < this.classStart[c + 1]; i++) each(this.classList[i]);
  }

  /** True if the character has a class: a common simplified character. */
  known(c: number): boolean {
    return this.classStart[c + 1] > this.classStart[c];
  }

  /** True if two characters share a class (sound or shape). */
  confusable(a: number, b: number): boolean {
    if (a === b) return false;
    for (let i = this.classStart[a]; i < this.classStart[a + 1]; i++) {
      for (let j = this.classStart[b]; j < this.classStart[b + 1]; j++) if (this.classList[i] === this.classList[j]) return true;
    }
    return false;
  }

  /**
   * Per word of length `L`, 1 if it is frequent enough to be a target: the
   * least frequency code per kind and length, compared once per word.
   */
  targetsOf(L: number, thresholds: TargetThresholds): Uint8Array {
    const code = (f: number) => Math.ceil(10 * Math.log(f) - 1e-9);
    const word = code(L === 2 ? thresholds.two : L === 3 ? thresholds.three : thresholds.four);
    const least = [0, word, code(thresholds.idiom), code(thresholds.name)]; // by kind + 1
    const codes = this.codes[L];
    const out = new Uint8Array(codes.length);
    for (let i = 0; i < codes.length; i++) {
      const c = codes.charCodeAt(i);
      if ((c & 0xff) >= least[c >> 8]) out[i] = 1;
    }
    return out;
  }
}
