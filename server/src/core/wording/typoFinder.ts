// Finds word-level typos: a stretch of two to four characters that, with one
// character replaced by a sound-alike or look-alike, is a frequent word or an
// idiom, and reads far better so in its context.
//
// The method is a noisy channel over a unigram model of the dictionary. A
// candidate is kept only if the best segmentation of its neighbourhood with the
// substitution beats the best one without it by more than the cost of a typo
// (`TYPO_TUNING.cost`): a rare word, a name, or characters that form other
// words with their neighbours keep the text as it is.
//
// Speed comes from tables the build precomputes (typoTables.ts). A first pass
// over a paragraph looks each pair of characters up once in a table of roles:
// for every possible typo of two or three characters that the stretch alone
// allows (`couldBeTypo`, decided at build time for every target, position and
// confusable character), the pair holding its replaced character is marked
// with the role it plays there. It looks each triple up in a bitmap of the
// intact triples of the words of four. Only where something is marked are the
// targets looked up, each index by one hash probe.

import { IntMultiMap } from './intMultiMap';
import { IDIOM_KIND, isTargetCode, PHRASE_KIND, TypoIndex, type TargetThresholds } from './typoData';
import type { WordingFile } from './wordingFile';

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

export interface TypoFindings {
  /** The typos of the paragraph, none overlapping, in text order. */
  typos: TypoCandidate[];
  /**
   * Every stretch that the stretch alone lets be a typo (`couldBeTypo`),
   * quoted ones included, as `start · 8 + length`, sorted, each once: the
   * typo rule counts them across the draft (a stretch written twice is meant).
   */
  suspects: number[];
}

/**
 * The tuning of the method, measured on test/fixtures/typo/evaluation.txt
 * (recall) and the published corpus (precision): see test/core/typo.test.ts.
 * The build reads it too: the tables hold what it decides.
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
export const NOISE_CODE = 14; // round(10·ln 4)

/**
 * The roles a pair of characters at q, q + 1 plays in a possible typo: the
 * replaced character and a neighbour. Two characters: the second replaced (A)
 * or the first (B); three: the pair ends with the replaced character, which is
 * the third of q − 1 … q + 1 or the middle of q … q + 2 (C), or begins with it,
 * the first of q … q + 2 (D).
 */
export const ROLE = { twoSecond: 1, twoFirst: 2, threeRight: 4, threeLeft: 8 } as const;
/** Slots of the table of roles (2^bits, four bits each). */
export const ROLE_SLOT_BITS = 22;
export const QUAD_GATE_BITS = 22;

/** The slot of a pair of characters in the table of roles. */
export const roleSlot = (x: number, y: number) => Math.imul((x << 16) | y, 0x9e3779b1) >>> (32 - ROLE_SLOT_BITS);

/**
 * Which three characters of a word of four stand intact: 0 three in a row
 * (the first or the last replaced), 1 the first two and the last (the third
 * replaced), 2 the first and the last two (the second replaced).
 */
export type TripleKind = 0 | 1 | 2;

/** The bit of three characters in the quadruple gate. */
export function tripleBit(kind: TripleKind, a: number, b: number, c: number): number {
  let h = Math.imul(((a << 16) | b) ^ Math.imul(kind + 1, 0x2545f491), 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15) ^ c, 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> (32 - QUAD_GATE_BITS);
}

/** The precomputed tables (typoTables.ts builds them). */
export interface TypoTables {
  /** Four bits a slot (`roleSlot`): the roles (`ROLE`) the pairs of that slot play. */
  roles: Uint32Array;
  /** One bit per `tripleBit`: set for the intact triples of the targets of four. */
  quadGate: Uint32Array;
  /** Two-character targets by their first character and a class of the second (x·4096 + class), each bucket by budget, best first. */
  twoByFirst: IntMultiMap;
  /** Two-character targets by a class of the first character and the second (class·65536 + y), likewise. */
  twoBySecond: IntMultiMap;
  /** Three-character targets by an intact pair (x << 16 | y): entry = target · 4 + the pair's offset in it (0: the third replaced, 1: the first). */
  threeByPair: IntMultiMap;
  /** Three-character targets by their first and last characters (the middle one replaced). */
  threeByEnds: IntMultiMap;
  /** Four-character targets, and the idioms, by their first and by their last pair: entry = word index · 4 + the pair's offset (0 or 2). */
  fourByPair: IntMultiMap;
  /** Per character, the best budgets of the targets of two and three characters beginning and ending with it (see `bestBudgets`). */
  bestBudget: BestBudgets;
}

/**
 * Per character, the best budget of the targets of two characters that
 * begin (end) with it, and of three: a stretch whose characters read better
 * one by one is passed over before any look-up. −Infinity where there is none.
 */
export interface BestBudgets {
  twoFirst: Float32Array;
  twoSecond: Float32Array;
  threeFirst: Float32Array;
  threeLast: Float32Array;
}

const BEST_BUDGETS = ['twoFirst', 'twoSecond', 'threeFirst', 'threeLast'] as const;

/** The best budgets over the dictionary (the build ships them: a loop over every word of two and three characters at load would cost the first check ~50 ms). */
export function bestBudgets(data: TypoIndex, tuning: TypoTuning): BestBudgets {
  const table = () => new Float32Array(0x10000).fill(-Infinity);
  const best: BestBudgets = { twoFirst: table(), twoSecond: table(), threeFirst: table(), threeLast: table() };
  for (const L of [2, 3]) {
    const least = TypoIndex.leastTargetCodes(L, tuning.targets);
    const words = data.words[L];
    const [first, last] = L === 2 ? [best.twoFirst, best.twoSecond] : [best.threeFirst, best.threeLast];
    for (let i = 0; i < data.codes[L].length; i++) {
      if (!isTarget(data, L, i, least)) continue;
      const budget = budgetOf(data, i * 8 + L, tuning);
      const a = words[i * L];
      const b = words[i * L + L - 1];
      if (budget > first[a]) first[a] = budget;
      if (budget > last[b]) last[b] = budget;
    }
  }
  return best;
}

const MULTI_MAPS = ['twoByFirst', 'twoBySecond', 'threeByPair', 'threeByEnds', 'fourByPair'] as const;

/** The tables as the file holds them (a multi-map as three sections: `name.keys`, `name.starts`, `name.values`). */
export function readTypoTables(file: WordingFile): TypoTables {
  const map = (name: string) => new IntMultiMap({ keys: file.i32(`${name}.keys`), starts: file.i32(`${name}.starts`), values: file.i32(`${name}.values`) });
  const roles = file.u32('roles');
  const quadGate = file.u32('quadGate');
  if (roles.length !== 2 ** ROLE_SLOT_BITS / 8 || quadGate.length !== 2 ** QUAD_GATE_BITS / 32) throw new Error('wording data: typo tables of another size');
  const best = (name: string) => {
    const t = file.f32(`best.${name}`);
    if (t.length !== 0x10000) throw new Error(`wording data: best.${name} must have an entry per code unit`);
    return t.slice();
  };
  const bestBudget = Object.fromEntries(BEST_BUDGETS.map((name) => [name, best(name)])) as unknown as BestBudgets;
  const tables = { roles, quadGate, bestBudget } as TypoTables;
  for (const name of MULTI_MAPS) tables[name] = map(name);
  return tables;
}

/** The sections of the tables, for the build. */
export function typoTableSections(tables: TypoTables): Record<string, Int32Array | Uint32Array | Float32Array> {
  const out: Record<string, Int32Array | Uint32Array | Float32Array> = { roles: tables.roles, quadGate: tables.quadGate };
  for (const name of BEST_BUDGETS) out[`best.${name}`] = tables.bestBudget[name];
  for (const name of MULTI_MAPS) {
    const m = tables[name];
    out[`${name}.keys`] = m.keys;
    out[`${name}.starts`] = m.starts;
    out[`${name}.values`] = m.values;
  }
  return out;
}

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
 * A target is a word of the dictionary, named by its length and its place in
 * the list of that length: id = index · 8 + length.
 */
export const lengthOf = (id: number) => id & 7;
export const indexOf = (id: number) => id >> 3;

const codeOfTarget = (data: TypoIndex, id: number) => data.codes[lengthOf(id)][indexOf(id)];
const unitOf = (data: TypoIndex, id: number, k: number) => data.words[lengthOf(id)][indexOf(id) * lengthOf(id) + k];
/** Idioms and set phrases: their other characters in place are evidence of their own. */
const idiomLike = (code: number) => code >> 8 === IDIOM_KIND || code >> 8 === PHRASE_KIND;

/** What a typo of the target costs: less for an idiom. */
export function costOf(code: number, tuning: TypoTuning): number {
  return idiomLike(code) ? tuning.idiomCost : tuning.cost;
}

/** ln P of the target less its cost: a stretch whose characters read better one by one than this is never a typo of it. */
export function budgetOf(data: TypoIndex, id: number, tuning: TypoTuning): number {
  const code = codeOfTarget(data, id);
  return data.logPOf(code) - costOf(code, tuning);
}

/**
 * True if the word `index` of length L may be meant by a typo: frequent
 * enough, and (unless an idiom) without a repeated character: 越来越 or 小小的
 * stands for a pattern of many others (越走越, 低低的).
 */
export function isTarget(data: TypoIndex, L: number, index: number, least: Uint16Array): boolean {
  const code = data.codes[L][index];
  if (!isTargetCode(code, least)) return false;
  if (idiomLike(code) && L > 2) return true;
  const w = data.words[L];
  const i = index * L;
  for (let a = 0; a < L; a++) for (let b = a + 1; b < L; b++) if (w[i + a] === w[i + b]) return false;
  return true;
}

const scratch = new Float64Array(64);

/** Log probability of the best segmentation of text[lo, hi) into words of up to four characters (unit at `at` read as `unit`). */
function segment(data: TypoIndex, tuning: TypoTuning, text: string, lo: number, hi: number, at: number, unit: number): number {
  const best = scratch;
  best[0] = 0;
  for (let j = 1; j <= hi - lo; j++) {
    const c = lo + j - 1 === at ? unit : text.charCodeAt(lo + j - 1);
    let score = best[j - 1] + data.singleLogP[c];
    for (let i = Math.max(0, j - SEGMENT_WORD); i < j - 1; i++) {
      const code = data.codeOf(text, lo + i, lo + j, at, unit);
      if (code === 0) continue;
      const s = best[i] + data.logPOf(code) - ((code & 0xff) <= NOISE_CODE ? tuning.noisePenalty : 0);
      if (s > score) score = s;
    }
    best[j] = score;
  }
  return best[hi - lo];
}

const scratchWith = new Float64Array(64);

/**
 * How much better text[lo, hi) reads with the unit at `at` read as `unit`
 * than as written: both best segmentations at once, a word not holding `at`
 * looked up once for both.
 */
function gainOf(data: TypoIndex, tuning: TypoTuning, text: string, lo: number, hi: number, at: number, unit: number): number {
  const as = scratch;
  const changed = scratchWith;
  as[0] = changed[0] = 0;
  const weight = (code: number) => data.logPOf(code) - ((code & 0xff) <= NOISE_CODE ? tuning.noisePenalty : 0);
  for (let j = 1; j <= hi - lo; j++) {
    const last = lo + j - 1;
    const c = text.charCodeAt(last);
    let a = as[j - 1] + data.singleLogP[c];
    let b = changed[j - 1] + data.singleLogP[last === at ? unit : c];
    for (let i = Math.max(0, j - SEGMENT_WORD); i < j - 1; i++) {
      const holds = lo + i <= at && at <= last;
      const code = data.codeOf(text, lo + i, lo + j);
      if (code !== 0) {
        const s = as[i] + weight(code);
        if (s > a) a = s;
        if (!holds && changed[i] + weight(code) > b) b = changed[i] + weight(code);
      }
      if (holds) {
        const other = data.codeOf(text, lo + i, lo + j, at, unit);
        if (other !== 0 && changed[i] + weight(other) > b) b = changed[i] + weight(other);
      }
    }
    as[j] = a;
    changed[j] = b;
  }
  return changed[hi - lo] - as[hi - lo];
}

/**
 * What the stretch alone decides: whether text[start, start + length of the
 * target) could be a typo of the target `id`, the character at `at` written for
 * the target's. The context is judged apart (`TypoFinder`); the build decides
 * this for every possible typo of two and three characters, so that a pair
 * of characters that plays no role in one is passed over in one look-up.
 */
export function couldBeTypo(data: TypoIndex, text: string, start: number, at: number, id: number, tuning: TypoTuning): boolean {
  const length = lengthOf(id);
  const end = start + length;
  const unit = unitOf(data, id, at - start);
  const wrong = text.charCodeAt(at);
  const code = codeOfTarget(data, id);
  const idiom = idiomLike(code);
  const never = NEVER_SUBSTITUTED[unit] === 1 || NEVER_SUBSTITUTED[wrong] === 1;
  // In an idiom the other characters in place make even a function word's confusion sure (众所周之).
  if (never && (length < 4 || !idiom)) return false;
  if (!data.confusable(wrong, unit)) return false;
  const cost = costOf(code, tuning);
  const logP = data.logPOf(code);
  // A bound first, from the characters alone (no look-up): the stretch reads at least as well as its characters one by one.
  let singles = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // Common simplified characters only: not a traditional text, not a rare name.
    if (data.knownTable[c] === 0) return false;
    singles += data.singleLogP[c];
  }
  if (logP - singles < cost) return false;
  // A longer stretch that is itself in the dictionary, and not as its noise, is an expression of its own (藏身之地, 为人处世).
  if (length > 2 && (data.codeOf(text, start, end) & 0xff) > NOISE_CODE) return false;
  // Alone: the right word must beat the best reading of the stretch by the typo's cost.
  if (logP - segment(data, tuning, text, start, end, -1, 0) < cost) return false;
  return true;
}

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

const NOTHING: TypoFindings = Object.freeze({ typos: [], suspects: [] }) as unknown as TypoFindings;

/** Per position of the first pass: the roles of the pair there (low four bits), the quadruple gate's bits by triple kind, inside quotation marks. */
const ROLES = 15;
const QUAD = [16, 32, 64] as const;
const QUOTED = 128;

export class TypoFinder {
  /** Per position of the paragraph at hand: what the first pass found there (ROLES, QUAD, QUOTED). */
  private marks = new Uint8Array(1024);
  private found: TypoCandidate[] = [];
  private suspects: number[] = [];
  private readonly least: Uint16Array[];
  private readonly bestBudget: BestBudgets;

  /** `tuning` is given only to measure its effect: the tables were built with `TYPO_TUNING`. */
  constructor(
    private readonly data: TypoIndex,
    private readonly tables: TypoTables,
    private readonly tuning = TYPO_TUNING,
  ) {
    this.least = [0, 1, 2, 3, 4].map((L) => TypoIndex.leastTargetCodes(L, tuning.targets));
    this.bestBudget = tuning === TYPO_TUNING ? tables.bestBudget : bestBudgets(data, tuning);
  }

  find(text: string): TypoFindings {
    const n = text.length;
    if (n < 2) return NOTHING;
    if (this.marks.length < n) this.marks = new Uint8Array(Math.max(n, this.marks.length * 2));
    const marks = this.marks;
    const known = this.data.knownTable;
    const { roles, quadGate } = this.tables;
    let quoted = 0;
    let any = false;
    // First pass: one look-up a pair in the table of roles, three a quadruple in the gate.
    for (let q = 0; q + 1 < n; q++) {
      const x = text.charCodeAt(q);
      // Quotations, titles and terms in quotation marks are left as written (and only counted).
      if (OPENING[x] === 1) quoted++;
      else if (CLOSING[x] === 1 && quoted > 0) quoted--;
      let m = 0;
      const y = text.charCodeAt(q + 1);
      if (known[x] === 1 && known[y] === 1) {
        const slot = roleSlot(x, y);
        m = (roles[slot >>> 3] >>> ((slot & 7) << 2)) & ROLES;
        const z = q + 2 < n ? text.charCodeAt(q + 2) : 0;
        if (known[z] === 1) {
          let k = tripleBit(0, x, y, z);
          if ((quadGate[k >>> 5] >>> (k & 31)) & 1) m |= QUAD[0];
          const w = q + 3 < n ? text.charCodeAt(q + 3) : 0;
          if (known[w] === 1) {
            k = tripleBit(1, x, y, w);
            if ((quadGate[k >>> 5] >>> (k & 31)) & 1) m |= QUAD[1];
            k = tripleBit(2, x, z, w);
            if ((quadGate[k >>> 5] >>> (k & 31)) & 1) m |= QUAD[2];
          }
        }
        if (m !== 0) any = true;
      }
      marks[q] = quoted > 0 ? m | QUOTED : m;
    }
    if (!any) return NOTHING;
    marks[n - 1] = quoted > 0 ? QUOTED : 0;
    this.found = [];
    this.suspects = [];
    for (let q = 0; q + 1 < n; q++) {
      const m = marks[q];
      if ((m & ~QUOTED) === 0) continue;
      if (m & ROLES) this.aroundPair(text, q, m);
      if (m & QUAD[0]) this.fromTriple(text, q, 0);
      if (m & QUAD[1]) this.fromTriple(text, q, 1);
      if (m & QUAD[2]) this.fromTriple(text, q, 2);
    }
    if (this.found.length === 0 && this.suspects.length === 0) return NOTHING;
    return { typos: resolve(this.found), suspects: [...new Set(this.suspects)].sort((a, b) => a - b) };
  }

  /** The window starting at `start` lies inside quotation marks (a window of characters holds no mark, so all of it does). */
  private quotedAt(start: number): boolean {
    return (this.marks[start] & QUOTED) !== 0;
  }

  /** The typos of two and three characters in which the pair at q, q + 1 plays the roles `m`. */
  private aroundPair(text: string, q: number, m: number): void {
    const { classStart, classList, knownTable: known, singleLogP: s } = this.data;
    const best = this.bestBudget;
    const x = text.charCodeAt(q);
    const y = text.charCodeAt(q + 1);
    const two = s[x] + s[y];
    if (m & ROLE.twoSecond && best.twoFirst[x] >= two) {
      for (let k = classStart[y]; k < classStart[y + 1]; k++) this.bucket(this.tables.twoByFirst, x * 4096 + classList[k], text, q, q + 1);
    }
    if (m & ROLE.twoFirst && best.twoSecond[y] >= two) {
      for (let k = classStart[x]; k < classStart[x + 1]; k++) this.bucket(this.tables.twoBySecond, classList[k] * 65536 + y, text, q, q);
    }
    const w = q > 0 ? text.charCodeAt(q - 1) : 0;
    const z = q + 2 < text.length ? text.charCodeAt(q + 2) : 0;
    const { threeByPair, threeByEnds } = this.tables;
    if (m & ROLE.threeRight) {
      // q − 1 … q + 1, the third replaced: the pair at q − 1, q intact; q … q + 2, the middle replaced: its ends intact.
      if (known[w] === 1 && best.threeFirst[w] >= two + s[w]) this.three(threeByPair, (w << 16) | x, text, q - 1, q + 1, 0);
      if (known[z] === 1 && best.threeFirst[x] >= two + s[z]) this.three(threeByEnds, (x << 16) | z, text, q, q + 1, -1);
    }
    // q … q + 2, the first replaced: the pair at q + 1, q + 2 intact.
    if (m & ROLE.threeLeft && known[z] === 1 && best.threeLast[z] >= two + s[z]) this.three(threeByPair, (y << 16) | z, text, q, q, 1);
  }

  /**
   * The targets of one bucket of two-character words for the stretch at
   * `start` with `at` replaced, best first: a stretch that reads too well for
   * one reads too well for the rest.
   */
  private bucket(index: IntMultiMap, key: number, text: string, start: number, at: number): void {
    const i = index.find(key);
    if (i < 0) return;
    const wrong = text.charCodeAt(at);
    const singles = this.data.singleLogP[text.charCodeAt(start)] + this.data.singleLogP[text.charCodeAt(start + 1)];
    const values = index.values;
    for (let v = index.start(i); v < index.end(i); v++) {
      const id = values[v];
      if (budgetOf(this.data, id, this.tuning) < singles) break;
      // Most hits are the text's own word (发展 in 发展's bucket): nothing to consider.
      if (unitOf(this.data, id, at - start) !== wrong) this.consider(text, start, at, id);
    }
  }

  /** The three-character targets of one bucket for the stretch at `start` with `at` replaced (`pairOffset`: only entries with that offset, or −1 for threeByEnds). */
  private three(index: IntMultiMap, key: number, text: string, start: number, at: number, pairOffset: number): void {
    if (start + 3 > text.length) return;
    const i = index.find(key);
    if (i < 0) return;
    const singleLogP = this.data.singleLogP;
    const singles = singleLogP[text.charCodeAt(start)] + singleLogP[text.charCodeAt(start + 1)] + singleLogP[text.charCodeAt(start + 2)];
    const wrong = text.charCodeAt(at);
    const values = index.values;
    for (let v = index.start(i); v < index.end(i); v++) {
      let id = values[v];
      if (pairOffset >= 0) {
        if ((id & 3) !== pairOffset) continue;
        id >>= 2;
      }
      if (unitOf(this.data, id, at - start) === wrong || budgetOf(this.data, id, this.tuning) < singles) continue;
      this.consider(text, start, at, id);
    }
  }

  /** The typos of four characters whose intact characters include the triple of `kind` at q. */
  private fromTriple(text: string, q: number, kind: TripleKind): void {
    if (kind === 0) {
      // Three in a row at q: a word beginning with them (its last replaced: its first pair is at q), or ending with them (its first replaced, at q − 1).
      this.four(text, q, 3, 0);
      if (q > 0) this.four(text, q - 1, 0, 2);
    } else if (kind === 1) {
      this.four(text, q, 2, 0);
    } else {
      this.four(text, q, 1, 2);
    }
  }

  /** The four-character targets for the stretch at `start` with its unit `replaced` replaced, found by their intact pair at `pairOffset`. */
  private four(text: string, start: number, replaced: number, pairOffset: number): void {
    if (start + 4 > text.length || this.data.knownTable[text.charCodeAt(start + replaced)] === 0) return;
    const index = this.tables.fourByPair;
    const i = index.find((text.charCodeAt(start + pairOffset) << 16) | text.charCodeAt(start + pairOffset + 1));
    if (i < 0) return;
    const words = this.data.words[4];
    for (let v = index.start(i); v < index.end(i); v++) {
      const entry = index.values[v];
      if ((entry & 3) !== pairOffset) continue;
      const w = entry >> 2;
      // The other intact characters the same, the replaced one not.
      let same = true;
      for (let k = 0; k < 4 && same; k++) same = (text.charCodeAt(start + k) === words[w * 4 + k]) !== (k === replaced);
      // The index holds idioms that are no targets too (for halfOfIdiomElsewhere).
      if (same && isTarget(this.data, 4, w, this.least[4])) this.consider(text, start, start + replaced, w * 8 + 4);
    }
  }

  private consider(text: string, start: number, at: number, id: number): void {
    const data = this.data;
    if (!couldBeTypo(data, text, start, at, id, this.tuning)) return;
    const length = lengthOf(id);
    const end = start + length;
    this.suspects.push(start * 8 + length);
    if (this.quotedAt(start)) return;
    const code = codeOfTarget(data, id);
    const idiom = idiomLike(code);
    if ((!idiom || length < 4) && inCoinedPhrase(text, start, end)) return;
    if (this.halfOfIdiomElsewhere(text, start, end, at) || this.termOfAFamily(text, start, end, at)) return;
    const unit = unitOf(data, id, at - start);
    let lo = start;
    while (lo > 0 && start - lo < CONTEXT && isHan(text.charCodeAt(lo - 1))) lo--;
    let hi = end;
    while (hi < text.length && hi - end < CONTEXT && isHan(text.charCodeAt(hi))) hi++;
    const margin = gainOf(data, this.tuning, text, lo, hi, at, unit) - costOf(code, this.tuning);
    if (margin <= 0) return;
    const right = String.fromCharCode(...data.words[length].subarray(indexOf(id) * length, indexOf(id) * length + length));
    // An idiom and its variant side by side are a play on words (既授人以鱼，又授人以渔).
    if (idiom && text.includes(right)) return;
    this.found.push({ start, end, right, at, unit, margin });
  }

  /**
   * True if the paragraph writes the replaced character elsewhere, after (or
   * before) another character, as a morpheme of its own that forms a word
   * with neither neighbour: terms of art come in families (群己合一 beside
   * 人己关系), which a dictionary lacks; a typo does not coin a second one.
   */
  private termOfAFamily(text: string, start: number, end: number, at: number): boolean {
    // The pair of the stretch holding the replaced character: with the one before it, or (first) after it.
    const side = at > start ? -1 : 1;
    const own = text.charCodeAt(at + side);
    const known = this.data.knownTable;
    const isWord = (i: number) => i >= 0 && i + 1 < text.length && (this.data.codeOf(text, i, i + 2) & 0xff) > NOISE_CODE;
    for (let i = text.indexOf(text[at]); i >= 0; i = text.indexOf(text[at], i + 1)) {
      if (i >= start && i < end) continue;
      const other = i + side >= 0 && i + side < text.length ? text.charCodeAt(i + side) : 0;
      if (other === own || known[other] === 0) continue;
      if (!isWord(i - 1) && !isWord(i)) return true;
    }
    return false;
  }

  /**
   * True if two characters of the stretch, the replaced one among them, are
   * half of an idiom whose other half the paragraph writes elsewhere: the
   * idiom split or turned round (思危方能居安 of 居安思危; 居安而思危).
   */
  private halfOfIdiomElsewhere(text: string, start: number, end: number, at: number): boolean {
    const words = this.data.words[4];
    const codes = this.data.codes[4];
    const index = this.tables.fourByPair;
    for (let a = Math.max(start, at - 1); a <= at && a + 2 <= end; a++) {
      const i = index.find((text.charCodeAt(a) << 16) | text.charCodeAt(a + 1));
      if (i < 0) continue;
      for (let v = index.start(i); v < index.end(i); v++) {
        const w = index.values[v] >> 2;
        if (codes[w] >> 8 !== IDIOM_KIND) continue;
        // The idiom's other half.
        const other = 4 * w + ((index.values[v] & 3) === 0 ? 2 : 0);
        const half = String.fromCharCode(words[other], words[other + 1]);
        for (let j = text.indexOf(half); j >= 0; j = text.indexOf(half, j + 1)) if (j + 2 <= start || j >= end) return true;
      }
    }
    return false;
  }
}

/** The surest candidate of each stretch, if clearly surer than any other correction there; none overlapping. */
function resolve(found: TypoCandidate[]): TypoCandidate[] {
  if (found.length === 0) return found;
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
