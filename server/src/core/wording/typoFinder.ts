// Finds word-level typos: a stretch of two to four characters that, with one
// character replaced by a sound-alike or look-alike, is a frequent word or an
// idiom, and reads far better so in its context.
//
// The method is a noisy channel over a unigram model of the dictionary.
// Candidates come from indexes of the target words by what a one-character
// substitution leaves intact (a two-character word by one character and the
// other's class; longer words by an intact pair of characters), so that a
// paragraph is scanned with a few table look-ups per character. A candidate is
// kept only if the best segmentation of its neighbourhood with the
// substitution beats the best one without it by more than the cost of a typo
// (`TYPO_TUNING.cost`): a rare word, a name, or characters that form other
// words with their neighbours keep the text as it is.

import { IntMultiMap } from './intMultiMap';
import { IDIOM_KIND, type TargetThresholds, type TypoIndex } from './typoData';

export interface TypoCandidate {
  start: number;
  end: number;
  /** The word meant. */
  right: string;
  /** The character replaced (an offset into the text) and its replacement. */
  at: number;
  unit: number;
  /** How much better the text reads with it (natural log of the likelihood ratio, less the typo's cost). */
  margin: number;
}

/**
 * The tuning of the method, measured on test/fixtures/typo/evaluation.txt
 * (recall) and the published corpus (precision): see test/core/typo.test.ts.
 */
export interface TypoTuning {
  /**
   * −ln of the chance that a writer types a given confusable character for
   * the right one. The larger, the fewer and surer the findings.
   */
  cost: number;
  /** The same for an idiom, whose other characters standing as they are is itself strong evidence. */
  idiomCost: number;
  /** Subtracted from the log probability of a dictionary entry this rare: often noise of the source (typos among them). */
  noisePenalty: number;
  /** Which words may be meant: the least frequencies by length and kind. Names of people and places are often rare words of a text: only a famous name is a target. */
  targets: TargetThresholds;
}

export const TYPO_TUNING: TypoTuning = { cost: 9, idiomCost: 4, noisePenalty: 3, targets: { two: 120, three: 60, four: 20, idiom: 4, name: 2000 } };
/** Needed between the best and the second-best correction of one stretch, or it is left alone. */
const AMBIGUITY_MARGIN = 2.3;
/** Characters of context on each side. */
const CONTEXT = 4;
/** Longest word the context is read with (longer ones are rare and would cost look-ups). */
const SEGMENT_WORD = 4;
/** Dictionary entries this rare get the noise penalty. */
const NOISE_CODE = 14; // round(10·ln 4)


/**
 * Function words and numerals: a confusion among them is grammar (的/地/得,
 * handled on its own) or a number, never a misspelt word.
 */
const NEVER_SUBSTITUTED = flags('的地得了着过之其而以于与及或和是在有不没也都就才又很这那哪个们吗呢吧啊么一二三四五六七八九十百千万亿零两几');

/** A table of 1 for the given characters: a look-up per character costs less than a Set's. */
function flags(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const c of chars) table[c.charCodeAt(0)] = 1;
  return table;
}

const OPENING = flags('“‘「『《〈');
const CLOSING = flags('”’」』》〉');

const isHan = (c: number) => c >= 0x4e00 && c <= 0x9fff;

/** Marks between the members of a series, and between the halves of a couplet. */
const ENUMERATION = flags('、');
const COUPLET = flags('，；,;');

/**
 * True inside the coined phrases of official prose, made of single characters
 * and so never in a dictionary: a series of short members (敬法畏纪、遵规守矩;
 * 集众智、聚合力), a couplet of short halves (郡县治，天下安), a four-character
 * phrase that ends with the character it begins with (艰中之艰).
 */
function inCoinedPhrase(text: string, start: number, end: number): boolean {
  for (let a = Math.max(0, end - 4); a <= start && a + 4 <= text.length; a++) {
    if (text.charCodeAt(a) === text.charCodeAt(a + 3)) return true;
  }
  // The member around the stretch: [lo, hi), between marks.
  let lo = start;
  while (lo > 0 && isHan(text.charCodeAt(lo - 1))) lo--;
  let hi = end;
  while (hi < text.length && isHan(text.charCodeAt(hi))) hi++;
  const short = (n: number) => n >= 3 && n <= 4;
  const own = hi - lo;
  const next = hi < text.length ? text.charCodeAt(hi) : 0;
  const previous = lo > 0 ? text.charCodeAt(lo - 1) : 0;
  const after = ENUMERATION[next] === 1 || (COUPLET[next] === 1 && short(own)) ? runLength(text, hi + 1, 1) : 0;
  const before = ENUMERATION[previous] === 1 || (COUPLET[previous] === 1 && short(own)) ? runLength(text, lo - 2, -1) : 0;
  // A short member after (before) it: the stretch lies within as many characters at the end (start) of its own.
  return (short(after) && start >= hi - after) || (short(before) && end <= lo + before);
}

/** Length of the run of Chinese characters from `from`, going forward (1) or backward (−1). */
function runLength(text: string, from: number, step: 1 | -1): number {
  let n = 0;
  for (let i = from; i >= 0 && i < text.length && isHan(text.charCodeAt(i)); i += step) n++;
  return n;
}

/**
 * A target is a word of the dictionary, named by its length and its place in
 * the list of that length: id = index · 8 + length.
 */
const lengthOf = (id: number) => id & 7;
const indexOf = (id: number) => id >> 3;

export class TypoFinder {
  /** Two-character targets by their first character and a class of the second (x·4096 + class). */
  private readonly twoByFirst: IntMultiMap;
  /** Two-character targets by a class of the first character and the second (class·65536 + y). */
  private readonly twoBySecond: IntMultiMap;
  /** Longer targets by an intact pair (x << 16 | y): entry = target · 4 + offset of the pair in it. */
  private readonly byPair: IntMultiMap;
  /** Three-character targets by their first and last characters (the middle one replaced). */
  private readonly byEnds: IntMultiMap;
  private readonly best = new Float64Array(64);

  /** `tuning` is given only to measure its effect. */
  constructor(
    private readonly data: TypoIndex,
    private readonly tuning = TYPO_TUNING,
  ) {
    const first: number[] = [];
    const second: number[] = [];
    const pairs: number[] = [];
    const ends: number[] = [];
    const { classStart, classList } = data;
    for (let L = 2; L <= 4; L++) {
      const words = data.words[L];
      const isTarget = data.targetsOf(L, tuning.targets);
      for (let i = 0; i < isTarget.length; i++) {
        if (isTarget[i] === 0) continue;
        const c0 = words.charCodeAt(i * L);
        const c1 = words.charCodeAt(i * L + 1);
        const id = i * 8 + L;
        if (L === 2) {
          if (c0 === c1) continue;
          for (let k = classStart[c1]; k < classStart[c1 + 1]; k++) first.push(c0 * 4096 + classList[k], id);
          for (let k = classStart[c0]; k < classStart[c0 + 1]; k++) second.push(classList[k] * 65536 + c1, id);
          continue;
        }
        const c2 = words.charCodeAt(i * L + 2);
        if (L === 3) {
          // A word with a repeated character (越来越, 小小的) stands for a pattern of many others (越走越, 低低的).
          if ((c0 === c1 || c1 === c2 || c0 === c2) && !this.isIdiom(id)) continue;
          pairs.push((c0 << 16) | c1, id * 4); // third replaced
          pairs.push((c1 << 16) | c2, id * 4 + 1); // first replaced
          ends.push((c0 << 16) | c2, id);
          continue;
        }
        const c3 = words.charCodeAt(i * L + 3);
        const repeated = c0 === c1 || c0 === c2 || c0 === c3 || c1 === c2 || c1 === c3 || c2 === c3;
        if (repeated && !this.isIdiom(id)) continue;
        pairs.push((c0 << 16) | c1, id * 4); // third or fourth replaced
        pairs.push((c2 << 16) | c3, id * 4 + 2); // first or second replaced
      }
    }
    this.twoByFirst = new IntMultiMap(first);
    this.twoBySecond = new IntMultiMap(second);
    this.byPair = new IntMultiMap(pairs);
    this.byEnds = new IntMultiMap(ends);
  }

  private code(id: number): number {
    return this.data.codes[lengthOf(id)].charCodeAt(indexOf(id));
  }

  private isIdiom(id: number): boolean {
    return this.code(id) >> 8 === IDIOM_KIND;
  }

  /** Unit `k` of a target. */
  private unitOf(id: number, k: number): number {
    const L = lengthOf(id);
    return this.data.words[L].charCodeAt(indexOf(id) * L + k);
  }

  private textOf(id: number): string {
    const L = lengthOf(id);
    return this.data.words[L].slice(indexOf(id) * L, indexOf(id) * L + L);
  }

  /** The typos of one paragraph, none overlapping, in text order. */
  find(text: string): TypoCandidate[] {
    const found: TypoCandidate[] = [];
    const n = text.length;
    const { classStart, classList } = this.data;
    let quoted = 0;
    for (let p = 0; p + 1 < n; p++) {
      const x = text.charCodeAt(p);
      // Quotations, titles and terms in quotation marks are left as written.
      if (OPENING[x] === 1) quoted++;
      else if (CLOSING[x] === 1 && quoted > 0) quoted--;
      if (quoted > 0) continue;
      const y = text.charCodeAt(p + 1);
      // Both characters common (with a class): a typo stretch has no other (see consider).
      if (classStart[x + 1] === classStart[x] || classStart[y + 1] === classStart[y]) continue;
      for (let k = classStart[y]; k < classStart[y + 1]; k++) this.considerAll(this.twoByFirst, x * 4096 + classList[k], text, p, p + 1, found, true);
      for (let k = classStart[x]; k < classStart[x + 1]; k++) this.considerAll(this.twoBySecond, classList[k] * 65536 + y, text, p, p, found, true);
      const slot = this.byPair.find((x << 16) | y);
      if (slot >= 0) {
        const values = this.byPair.values;
        for (let v = this.byPair.start(slot); v < this.byPair.end(slot); v++) {
          const entry = values[v];
          const id = entry >> 2;
          const start = p - (entry & 3);
          const L = lengthOf(id);
          if (start < 0 || start + L > n) continue;
          const at = this.onlyDifference(text, start, id);
          // A four-character word found by its second pair must differ in its first pair, and the other way round.
          if (at >= 0 && (L === 3 || (entry & 3) === (at - start < 2 ? 2 : 0))) this.consider(text, start, at, id, found);
        }
      }
      if (p + 2 < n) this.considerAll(this.byEnds, (x << 16) | text.charCodeAt(p + 2), text, p, p + 1, found, false);
    }
    return this.resolve(found);
  }

  /** The targets of one bucket; `sameClass`: keyed by the class of the character at `at`, so it shares one with the text's. */
  private considerAll(index: IntMultiMap, key: number, text: string, start: number, at: number, found: TypoCandidate[], sameClass: boolean): void {
    const slot = index.find(key);
    if (slot < 0) return;
    const wrong = text.charCodeAt(at);
    for (let v = index.start(slot); v < index.end(slot); v++) {
      const id = index.values[v];
      // Most hits are the text's own word (发展 in 发展's bucket): nothing to consider.
      if (this.unitOf(id, at - start) !== wrong) this.consider(text, start, at, id, found, sameClass);
    }
  }

  /** Where the target differs from the text at `start` in exactly one character, or −1. */
  private onlyDifference(text: string, start: number, id: number): number {
    let at = -1;
    for (let k = 0; k < lengthOf(id); k++) {
      if (text.charCodeAt(start + k) === this.unitOf(id, k)) continue;
      if (at >= 0) return -1;
      at = start + k;
    }
    return at;
  }

  /** `sameClass`: the two characters are known to share a class. */
  private consider(text: string, start: number, at: number, id: number, found: TypoCandidate[], sameClass = false): void {
    const length = lengthOf(id);
    const end = start + length;
    const unit = this.unitOf(id, at - start);
    const wrong = text.charCodeAt(at);
    const never = NEVER_SUBSTITUTED[unit] === 1 || NEVER_SUBSTITUTED[wrong] === 1;
    if (never && length < 4) return;
    const idiom = this.isIdiom(id);
    // In an idiom the other characters in place make even a function word's confusion sure (众所周之).
    if ((never && !idiom) || (!sameClass && !this.data.confusable(wrong, unit))) return;
    const cost = idiom ? this.tuning.idiomCost : this.tuning.cost;
    const logP = this.data.logPOf(this.code(id));
    // A bound first, from the characters alone (no look-up): the stretch reads at least as well as its characters one by one.
    let singles = 0;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      // Common simplified characters only: not a traditional text, not a rare name.
      if (!this.data.known(c)) return;
      singles += this.data.singleLogP[c];
    }
    if (logP - singles < cost) return;
    if ((!idiom || length < 4) && inCoinedPhrase(text, start, end)) return;
    // A longer stretch that is itself in the dictionary, and not as its noise, is an expression of its own (藏身之地, 为人处世).
    if (length > 2 && (this.data.codeOf(text, start, end) & 0xff) > NOISE_CODE) return;
    // Alone: the right word must beat the best reading of the stretch by the typo's cost.
    if (logP - this.segment(text, start, end, -1, 0) < cost) return;
    let lo = start;
    while (lo > 0 && start - lo < CONTEXT && isHan(text.charCodeAt(lo - 1))) lo--;
    let hi = end;
    while (hi < text.length && hi - end < CONTEXT && isHan(text.charCodeAt(hi))) hi++;
    const margin = this.segment(text, lo, hi, at, unit) - this.segment(text, lo, hi, -1, 0) - cost;
    if (margin <= 0) return;
    const right = this.textOf(id);
    // An idiom and its variant side by side are a play on words (既授人以鱼，又授人以渔).
    if (idiom && text.includes(right)) return;
    found.push({ start, end, right, at, unit, margin });
  }

  /** Log probability of the best segmentation of text[lo, hi) into words of up to four characters (unit at `at` read as `unit`). */
  private segment(text: string, lo: number, hi: number, at: number, unit: number): number {
    const best = this.best;
    best[0] = 0;
    for (let j = 1; j <= hi - lo; j++) {
      const c = lo + j - 1 === at ? unit : text.charCodeAt(lo + j - 1);
      let score = best[j - 1] + this.data.singleLogP[c];
      for (let i = Math.max(0, j - SEGMENT_WORD); i < j - 1; i++) {
        const code = this.data.codeOf(text, lo + i, lo + j, at, unit);
        if (code === 0) continue;
        const s = best[i] + this.data.logPOf(code) - ((code & 0xff) <= NOISE_CODE ? this.tuning.noisePenalty : 0);
        if (s > score) score = s;
      }
      best[j] = score;
    }
    return best[hi - lo];
  }

  /** The surest candidate of each stretch, if clearly surer than any other correction there; none overlapping. */
  private resolve(found: TypoCandidate[]): TypoCandidate[] {
    found.sort((a, b) => b.margin - a.margin);
    const kept: TypoCandidate[] = [];
    for (const c of found) {
      const overlaps = (o: TypoCandidate) => o.start < c.end && c.start < o.end;
      // Another correction of the same place, nearly as sure: neither is sure enough.
      if (found.some((o) => overlaps(o) && (o.at !== c.at || o.unit !== c.unit) && o.margin > c.margin - AMBIGUITY_MARGIN && o !== c)) continue;
      if (kept.some(overlaps)) continue;
      kept.push(c);
    }
    return kept.sort((a, b) => a.start - b.start);
  }
}
