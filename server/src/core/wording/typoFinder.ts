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
// over a paragraph reads each character once and asks, at each position,
// whether a possible typo could start there (`FORMS`): the exact set of the
// written forms of two characters that the stretch alone lets be a typo
// (`couldBeTypo`, decided at build time for every target and confusable
// character; for a pair of frequent characters, a small filter of those
// forms first), and for three and four characters a table of the intact
// characters of the targets with the character each one lacks, checked
// against the text's (it must differ and be confusable with it). Only the
// few stretches marked there (about 0.3 % of positions) have their targets
// looked up, each index by a binary search of its keys.

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
 * The kinds of keys of the gate of three and four characters (`gateKey`):
 * the characters of a target left intact when one is replaced.
 * Four characters: a run of three (the last replaced, or the first: the
 * key's side tells), the first two and the last (the third replaced), the
 * first and the last two (the second replaced); three: a run of two (the
 * last replaced, or the first), the first and the last (the middle one).
 */
export const GATE_KIND = { fourRun: 0, fourThird: 1, fourSecond: 2, threeRun: 3, threeMiddle: 4 } as const;
/** Slots of the gate (2^bits): an entry holds a tag of its key's hash (15 bits) and the unit lacking. */
export const GATE_BITS = 17;
const GATE_SHIFT = 32 - GATE_BITS;
const GATE_MASK = (1 << GATE_BITS) - 1;

/**
 * The hash of a key of the gate: the intact characters (a run of two: c =
 * 0), the side of the unit lacking (1: before the run), and one confusion
 * class of that unit, so that the text's character at its place asks only
 * with its own classes (most text holds the intact characters of some
 * target: 发展理 of 发展理念; few hold beside them a character confusable
 * with the one lacking). Its slot and bit are its high bits, its tag the low 15.
 */
export function gateKey(kind: number, a: number, b: number, c: number, side: 0 | 1, cls: number): number {
  return gateMix(pairProduct(a, b) ^ Math.imul(c + GATE_SALT[kind], 0x85ebca6b) ^ Math.imul(cls * 2 + side + 1, CLASS_MIX));
}
/** The part of a key's hash that its first two characters make: the first pass makes it once for the keys of a position. */
const pairProduct = (a: number, b: number) => Math.imul((a << 16) | b, 0x9e3779b1);
/** The end of a key's hash (the first pass writes it out: a call costs more than it in unoptimised code). */
const gateMix = (p: number) => {
  const h = Math.imul(p ^ (p >>> 16), 0x2c1b3c6d);
  return (h ^ (h >>> 15)) >>> 0;
};
const GATE_SALT = [0x1000, 0x2000, 0x3000, 0x4000, 0x5000];
const [FOUR_RUN_SALT, FOUR_THIRD_SALT, FOUR_SECOND_SALT] = GATE_SALT;
/** The salts of the kinds of keys of a run of two, as the hash mixes them in (c = 0), and the multiplier of the class and side. */
const RUN_SALT = Math.imul(GATE_SALT[3], 0x85ebca6b);
const MIDDLE_SALT = Math.imul(GATE_SALT[4], 0x85ebca6b);
const CLASS_MIX = 0x27d4eb2f;
export const gateSlot = (h: number) => h >>> GATE_SHIFT;
/**
 * The class a key of four characters is also put in the key filter with
 * (the intact characters and the side alone): the pass asks it first, one
 * read, before asking each class of the text's unit (most probes of four
 * characters find no key: their intact characters are no target's).
 */
export const WHOLE_CLASS = 0xffff;
/**
 * A filter of the keys of the gate, where most probes end: 2^bits bits
 * (half the L2 cache), a key setting three bits of one 32-bit word (one
 * read a probe), the word chosen by its hash's high bits, the bits by its
 * low fifteen: 0.6 % of the keys not in it pass, where one bit a key in a
 * bitmap twice the size let 1.5 % through.
 */
export const GATE_KEY_BITS = 20;
const KEY_WORD_SHIFT = 32 - (GATE_KEY_BITS - 5);
/**
 * A filter of the first two intact characters of the keys (x, y; for the
 * kinds that lack the second character, x and the third: `PAIR_SALT`), asked
 * once a position before its keys: most pairs of a text begin no target's
 * intact characters. 2^bits bits, in one word a pair's two bits for the keys
 * of three characters and two for those of four (`gatePairMask`).
 */
export const GATE_PAIR_BITS = 19;
const PAIR_WORD_SHIFT = 32 - (GATE_PAIR_BITS - 5);
const PAIR_SALT = 0x5bd1e995;
/**
 * A filter of the forms of two characters whose characters both rank below
 * FREQUENT_RANK (ranks, not code units: `RankedChars`), asked before their
 * list is searched: a pair of such characters, which most pairs of a text
 * that pass the budgets are, is rarely a form (39,000 of the 397,000, 1 % of
 * those the bench draft asks), and the list of its first character lies in
 * 800 KB of forms, a cache miss away, where this filter is 64 KB. 2^bits
 * bits, two of one word a form.
 */
export const FREQUENT_RANK = 2048;
export const FREQUENT_FORM_BITS = 19;
const FREQUENT_WORD_SHIFT = 32 - (FREQUENT_FORM_BITS - 5);
/** The hash of a frequent form in that filter, by the ranks of its characters (each below FREQUENT_RANK). */
export const frequentFormHash = (rx: number, ry: number) => gateMix(Math.imul(rx * FREQUENT_RANK + ry, 0x9e3779b1));
export const frequentFormWord = (h: number) => h >>> FREQUENT_WORD_SHIFT;
export const frequentFormMask = (h: number) => ((1 << (h & 31)) | (1 << ((h >>> 5) & 31))) >>> 0;
/** The hash of a pair in that filter (`middle`: the kinds keyed by x and the third character). */
export const gatePairHash = (a: number, b: number, middle: boolean) => gateMix(pairProduct(a, b) ^ (middle ? PAIR_SALT : 0));
export const gatePairWord = (h: number) => h >>> PAIR_WORD_SHIFT;
/**
 * The bits of a pair in its word, two for each group of the keys it begins
 * (`PAIR_GROUP`): of three characters with the unit lacking after the pair
 * (or in the middle, for the kinds keyed by x and the third), of four
 * likewise, of three and of four with the unit lacking before it. One read
 * of the word tells the pass which keys to probe: a pair of a text mostly
 * begins keys of some groups, not of all.
 */
export const PAIR_GROUP = { threeAfter: 0, fourAfter: 1, threeBefore: 2, fourBefore: 3 } as const;
const GROUP_MIX = [0, 0x9e3779b1, 0x85ebca6b, 0xc2b2ae35];
const [, FOUR_AFTER_MIX, THREE_BEFORE_MIX, FOUR_BEFORE_MIX] = GROUP_MIX;
export const gatePairMask = (h: number, group: number) => {
  if (group === 0) return ((1 << (h & 31)) | (1 << ((h >>> 5) & 31))) >>> 0;
  const g = Math.imul(h, GROUP_MIX[group]);
  return ((1 << (g >>> 27)) | (1 << ((g >>> 22) & 31))) >>> 0;
};
/** The word of a key in the filter. */
export const gateKeyWord = (h: number) => h >>> KEY_WORD_SHIFT;
/**
 * A filter of the first three characters of every stretch that could be a
 * typo of three or four characters, by their class sets (`RankedChars.classSet`):
 * the intact ones' own, the replaced one's any set sharing a class with the
 * character meant. Asked once a position before the gate's pair filter: the
 * text's triples mostly match none (4 % of the bench draft's positions pass,
 * where the pair filter lets 27 % through to the key filter), and its three
 * reads of small tables are all a position costs then. 2^bits bits, three of
 * one word a triple.
 */
export const GATE_TRIPLE_BITS = 19;
const TRIPLE_WORD_SHIFT = 32 - (GATE_TRIPLE_BITS - 5);
/** Class sets number fewer than this (their ids fit in 10 bits of a triple's key). */
export const CLASS_SETS = 1024;
/** The hash of a triple of class sets. */
export const gateTripleHash = (a: number, b: number, c: number) => gateMix(Math.imul((a * CLASS_SETS + b) * CLASS_SETS + c, 0x9e3779b1));
export const gateTripleWord = (h: number) => h >>> TRIPLE_WORD_SHIFT;
export const gateTripleMask = (h: number) => ((1 << (h & 31)) | (1 << ((h >>> 5) & 31)) | (1 << ((h >>> 10) & 31))) >>> 0;
/** The bits of a key in its word. */
export const gateKeyMask = (h: number) => ((1 << (h & 31)) | (1 << ((h >>> 5) & 31)) | (1 << ((h >>> 10) & 31))) >>> 0;
/** An entry of the gate: never 0 (no unit is). */
export const gateEntry = (h: number, unit: number) => (((h & 0x7fff) << 17) | unit) >>> 0;

/**
 * What the first pass marks at a stretch's start (a 16-bit mark a
 * position): a possible typo of two characters; of three with its first,
 * middle or last character replaced; of four with its first … last replaced.
 */
export const FORMS = { two: 1, three: [2, 4, 8], four: [16, 32, 64, 128] } as const;
export const ALL_FORMS = 0xff;
/**
 * The kinds of a hit of the gate's key bitmap: the form it would mark, and
 * where, relative to the position of the hit (`HIT_AT`), and where the
 * text's unit for the unit lacking stands (`HIT_UNIT`).
 */
const HIT = { threeAfter: 0, threeBefore: 1, threeMiddle: 2, fourAfter: 3, fourBefore: 4, fourThird: 5, fourSecond: 6 } as const;
const HIT_FORM = [FORMS.three[2], FORMS.three[0], FORMS.three[1], FORMS.four[3], FORMS.four[0], FORMS.four[2], FORMS.four[1]];
const HIT_AT = [0, -1, 0, 0, -1, 0, 0];
const HIT_UNIT = [2, -1, 1, 3, -1, 2, 1];
/** Marks a position inside quotation marks. */
export const QUOTED = 256;

/** The precomputed tables (typoTables.ts builds them). */
export interface TypoTables {
  /** Per character, what the first pass asks of it, by rank (`RankedChars`). */
  ranked: RankedChars;
  /**
   * The written forms of two characters that could be typos: per first
   * character c, the second ones, sorted, from its record's `CHAR.formsStart`
   * to its `CHAR.formsEnd`.
   */
  formsTwo: Uint16Array;
  /** The filter of the forms of two frequent characters (`frequentFormHash`). */
  frequentForms: Uint32Array;
  /** The gate of three and four characters: 2^GATE_BITS slots (open addressing, `gateKey`, `gateEntry`). */
  gate: Uint32Array;
  /** The filter of the gate's keys (`gateKeyWord`, `gateKeyMask`). */
  gateKeys: Uint32Array;
  /** The filter of their first two intact characters (`gatePairHash`). */
  gatePairs: Uint32Array;
  /** The filter of the class sets of the first three characters of a possible typo of three or four (`gateTripleHash`). */
  gateTriples: Uint32Array;
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
}

/** Numbers a character in a record of `RankedChars`. */
export const PER_CHAR = 8;
/** The fields of a character's record: ln P of it alone, its best budgets (`bestBudgets`), where its forms of two characters begin and end, and their first and last second character (first · 65536 + last). */
export const CHAR = { single: 0, twoFirst: 1, twoSecond: 2, threeFirst: 3, threeLast: 4, formsStart: 5, formsEnd: 6, formsRange: 7 } as const;

/**
 * What the first pass reads of a character, by a dense rank of the known
 * characters, the most frequent first (0: not known): the records of the
 * characters a text is mostly made of lie together in a few cache lines,
 * where a table by code unit spreads them over 2 MB.
 */
export interface RankedChars {
  /** Per code unit, its rank (0: not a known character). */
  rank: Uint16Array;
  /** Per rank, its fields (`CHAR`); rank 0 (no known character) has no budgets and no forms. */
  record: Float32Array;
  recordInt: Int32Array;
  /** Per rank, its confusion classes: `classList[classStart[r] … classStart[r + 1])`. */
  classStart: Int32Array;
  classList: Uint16Array;
  /** Per rank, the id of its set of classes (characters with the same classes share it; rank 0 has none: CLASS_SETS). */
  classSet: Uint16Array;
}

/**
 * The ranked records (the build's, or ones for another tuning): `forms(c)`
 * gives where the forms of two characters of c begin and end in `formsTwo`.
 */
export function rankedChars(data: TypoIndex, best: BestBudgets, forms: (c: number) => [start: number, end: number], formsTwo: Uint16Array): RankedChars {
  const chars: number[] = [];
  for (let c = 0; c < 0x10000; c++) if (data.knownTable[c] === 1) chars.push(c);
  if (chars.length >= 0xffff) throw new Error('wording data: too many known characters');
  // The first pass keeps where a character's classes lie in 15 and 16 bits (`hit`).
  if (data.classList.length >= 0x8000) throw new Error('wording data: too many classes of the known characters');
  // The first pass counts quotation marks only at characters it does not know.
  for (const c of [...'“‘「『《〈”’」』》〉']) if (data.knownTable[c.charCodeAt(0)] === 1) throw new Error('wording data: a quotation mark with a class');
  chars.sort((a, b) => data.singleLogP[b] - data.singleLogP[a] || a - b);
  const rank = new Uint16Array(0x10000);
  const record = new Float32Array((chars.length + 1) * PER_CHAR);
  const recordInt = new Int32Array(record.buffer);
  const classStart = new Int32Array(chars.length + 2);
  const classList = new Uint16Array(data.classList.length);
  record.fill(-Infinity, 0, PER_CHAR);
  record[CHAR.single] = data.singleLogP[0];
  recordInt.fill(0, CHAR.formsStart, PER_CHAR);
  let k = 0;
  chars.forEach((c, i) => {
    const r = i + 1;
    const at = r * PER_CHAR;
    rank[c] = r;
    record[at + CHAR.single] = data.singleLogP[c];
    record[at + CHAR.twoFirst] = best.twoFirst[c];
    record[at + CHAR.twoSecond] = best.twoSecond[c];
    record[at + CHAR.threeFirst] = best.threeFirst[c];
    record[at + CHAR.threeLast] = best.threeLast[c];
    const [start, end] = forms(c);
    recordInt[at + CHAR.formsStart] = start;
    recordInt[at + CHAR.formsEnd] = end;
    if (end > start) recordInt[at + CHAR.formsRange] = (formsTwo[start] << 16) | formsTwo[end - 1];
    classStart[r] = k;
    for (let j = data.classStart[c]; j < data.classStart[c + 1]; j++) classList[k++] = data.classList[j];
  });
  classStart[chars.length + 1] = k;
  // The class sets, numbered in the order of the ranks: the same ids for the build and for another tuning.
  const classSet = new Uint16Array(chars.length + 1).fill(CLASS_SETS);
  const setIds = new Map<string, number>();
  for (let r = 1; r <= chars.length; r++) {
    const name = Array.from(classList.subarray(classStart[r], classStart[r + 1])).sort((a, b) => a - b).join(',');
    let id = setIds.get(name);
    if (id === undefined) setIds.set(name, (id = setIds.size));
    classSet[r] = id;
  }
  if (setIds.size >= CLASS_SETS) throw new Error('wording data: too many sets of classes');
  return { rank, record, recordInt, classStart, classList, classSet };
}

/** Where a character's forms of two characters lie in `formsTwo`, from its record. */
export function formsOf(ranked: RankedChars): (c: number) => [start: number, end: number] {
  return (c) => {
    const at = ranked.rank[c] * PER_CHAR;
    return [ranked.recordInt[at + CHAR.formsStart], ranked.recordInt[at + CHAR.formsEnd]];
  };
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

/**
 * The tables as the file holds them (a multi-map as three sections: `name.keys`, `name.counts` — how many values
 * each key has, 16 bits each: where they start, a sum made at load, compresses to a fifteenth — and `name.values`).
 */
export function readTypoTables(file: WordingFile): TypoTables {
  const map = (name: string) => new IntMultiMap({ keys: file.i32(`${name}.keys`), counts: file.u16(`${name}.counts`), values: file.i32(`${name}.values`) });
  const record = file.f32('ranked.record');
  const ranked: RankedChars = {
    rank: file.u16('ranked.rank'),
    record,
    recordInt: new Int32Array(record.buffer, record.byteOffset, record.length),
    classStart: file.i32('ranked.classStart'),
    classList: file.u16('ranked.classList'),
    classSet: file.u16('ranked.classSet'),
  };
  const formsTwo = file.u16('forms.two');
  const frequentForms = file.u32('forms.frequent');
  const gate = file.u32('gate');
  const gateKeys = file.u32('gateKeys');
  const gatePairs = file.u32('gatePairs');
  const gateTriples = file.u32('gateTriples');
  const ranks = ranked.classStart.length - 1;
  if (
    ranked.rank.length !== 0x10000 ||
    record.length !== ranks * PER_CHAR ||
    ranked.classSet.length !== ranks ||
    gate.length !== 2 ** GATE_BITS ||
    gateKeys.length !== 2 ** GATE_KEY_BITS / 32 ||
    gatePairs.length !== 2 ** GATE_PAIR_BITS / 32 ||
    gateTriples.length !== 2 ** GATE_TRIPLE_BITS / 32 ||
    frequentForms.length !== 2 ** FREQUENT_FORM_BITS / 32
  ) {
    throw new Error('wording data: typo tables of another size');
  }
  const tables = { ranked, formsTwo, frequentForms, gate, gateKeys, gatePairs, gateTriples } as TypoTables;
  for (const name of MULTI_MAPS) tables[name] = map(name);
  return tables;
}

/** The sections of the tables, for the build. */
export function typoTableSections(tables: TypoTables): Record<string, Uint8Array | Int32Array | Uint16Array | Uint32Array | Float32Array> {
  const out: Record<string, Uint8Array | Int32Array | Uint16Array | Uint32Array | Float32Array> = {
    'ranked.rank': tables.ranked.rank,
    'ranked.record': tables.ranked.record,
    'ranked.classStart': tables.ranked.classStart,
    'ranked.classList': tables.ranked.classList,
    'ranked.classSet': tables.ranked.classSet,
    'forms.two': tables.formsTwo,
    'forms.frequent': tables.frequentForms,
    gate: tables.gate,
    gateKeys: tables.gateKeys,
    gatePairs: tables.gatePairs,
    gateTriples: tables.gateTriples,
  };
  for (const name of MULTI_MAPS) {
    const m = tables[name];
    out[`${name}.keys`] = m.keys;
    out[`${name}.counts`] = countsOf(m.starts);
    out[`${name}.values`] = m.values;
  }
  return out;
}

/** How many values each key of a multi-map has, from where they start. */
export function countsOf(starts: Int32Array): Uint16Array {
  const counts = new Uint16Array(starts.length - 1);
  for (let i = 0; i < counts.length; i++) {
    const n = starts[i + 1] - starts[i];
    if (n > 0xffff) throw new Error('wording data: a key of a multi-map with more than 65,535 values');
    counts[i] = n;
  }
  return counts;
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

export class TypoFinder {
  /** Per position of the paragraph at hand: the forms that could start there (`FORMS`), and QUOTED. */
  protected marks = new Uint16Array(1024);
  /** The positions the first pass marked with a form, in order, each once: what the look-ups go through. */
  protected marked = new Int32Array(1024);
  protected markedCount = 0;
  /** The first pass's hits of the gate's key bitmap, three numbers each (see `hit`). */
  private hits = new Int32Array(3 * 1024);
  private found: TypoCandidate[] = [];
  private suspects: number[] = [];
  private readonly least: Uint16Array[];
  /** `tables.ranked`, or records of budgets for another tuning. */
  private readonly ranked: RankedChars;

  /** `tuning` is given only to measure its effect: the tables were built with `TYPO_TUNING`. */
  constructor(
    protected readonly data: TypoIndex,
    protected readonly tables: TypoTables,
    private readonly tuning = TYPO_TUNING,
  ) {
    this.least = [0, 1, 2, 3, 4].map((L) => TypoIndex.leastTargetCodes(L, tuning.targets));
    // Written a second time here, as they are when a longer paragraph comes: the engine then compiles the first pass without
    // assuming these fields never change (which a longer paragraph broke, throwing away the compiled pass in a first check).
    this.marks = new Uint16Array(this.marks.length);
    this.marked = new Int32Array(this.marked.length);
    this.hits = new Int32Array(this.hits.length);
    this.ranked = tuning === TYPO_TUNING ? tables.ranked : rankedChars(data, bestBudgets(data, tuning), formsOf(tables.ranked), tables.formsTwo);
  }

  find(text: string): TypoFindings {
    const n = text.length;
    if (n < 2) return NOTHING;
    if (this.marks.length < n) {
      this.marks = new Uint16Array(Math.max(n, this.marks.length * 2));
      this.marked = new Int32Array(this.marks.length);
      // Room for a hit a position (text has about one in nine): the pass then never grows it, a path it would first take compiled.
      this.hits = new Int32Array(3 * this.marks.length);
    }
    this.markedCount = 0;
    if (!this.firstPass(text)) return NOTHING;
    const marks = this.marks;
    this.found = [];
    this.suspects = [];
    const threes = FORMS.three[0] | FORMS.three[1] | FORMS.three[2];
    for (let k = 0; k < this.markedCount; k++) {
      const q = this.marked[k];
      const m = marks[q] & ALL_FORMS;
      if (m & FORMS.two) this.two(text, q);
      if (m & threes) this.threes(text, q, m);
      for (let r = 0; r < 4; r++) if (m & FORMS.four[r]) this.four(text, q, r, r >= 2 ? 0 : 2);
    }
    if (this.found.length === 0 && this.suspects.length === 0) return NOTHING;
    return { typos: resolve(this.found), suspects: [...new Set(this.suspects)].sort((a, b) => a - b) };
  }

  /**
   * Marks, per position, the forms that could start there (and whether it is
   * quoted); false if none could. One read of each character, a search in
   * the short list of its possible second characters, the gate's pair filter
   * and, where it lets a pair through, its key filter (`probe`).
   */
  protected firstPass(text: string): boolean {
    this.readGate(text, this.scan(text));
    return this.markedCount > 0;
  }

  /**
   * The first pass's loop: marks the forms of two characters and the quoted positions, and keeps the gate's
   * hits (`gateAt`); returns how many. A function of its own, as `gateAt` and `readGate` are: the engine
   * compiles the loop sooner the smaller it is (the pass runs unoptimised until then, in a first check).
   */
  private scan(text: string): number {
    const n = text.length;
    const marks = this.marks;
    const { rank, record: pc, recordInt: pi, classSet } = this.ranked;
    const { formsTwo, frequentForms, gateTriples } = this.tables;
    // Constants as locals: the compiled module reads an exported one as a property each time.
    const STRIDE = PER_CHAR;
    const { twoFirst: TWO_FIRST, twoSecond: TWO_SECOND, formsStart: FORMS_START, formsEnd: FORMS_END, formsRange: FORMS_RANGE } = CHAR;
    const TWO = FORMS.two;
    const FREQUENT = FREQUENT_RANK;
    const IN_QUOTES = QUOTED;
    const SETS = CLASS_SETS;
    let quoted = 0;
    let hits = 0;
    // Whether the triple filter lets a typo of three or four characters start at q (known only where x, y and z are).
    let here = false;
    // The characters at q … q + 3 (0 past the end), their ranks (0: not known), and ln P of those at q … q + 2 alone.
    let x = text.charCodeAt(0);
    let y = text.charCodeAt(1);
    let z = n > 2 ? text.charCodeAt(2) : 0;
    let w = 0;
    let rx = rank[x];
    let ry = rank[y];
    let rz = rank[z];
    let rw = 0;
    let sx = pc[rx * STRIDE];
    let sy = pc[ry * STRIDE];
    let sz = pc[rz * STRIDE];
    for (let q = 0; q + 1 < n; q++, x = y, y = z, z = w, rx = ry, ry = rz, rz = rw, sx = sy, sy = sz, sz = pc[rz * STRIDE]) {
      w = q + 3 < n ? text.charCodeAt(q + 3) : 0;
      rw = rank[w];
      // The filter's answer for a stretch starting at q − 1 (whose first three characters are v, x, y).
      const before = here;
      here = false;
      if (rx === 0) {
        // Quotations, titles and terms in quotation marks are left as written (and only counted). No mark is a known character.
        if (OPENING[x] === 1) quoted++;
        else if (CLOSING[x] === 1 && quoted > 0) quoted--;
        marks[q] = quoted > 0 ? IN_QUOTES : 0;
        continue;
      }
      marks[q] = quoted > 0 ? IN_QUOTES : 0;
      if (ry === 0) continue;
      if (rz !== 0) {
        // gateTripleHash, Word and Mask, written out.
        let t = Math.imul((classSet[rx] * SETS + classSet[ry]) * SETS + classSet[rz], 0x9e3779b1);
        t = Math.imul(t ^ (t >>> 16), 0x2c1b3c6d);
        t = (t ^ (t >>> 15)) >>> 0;
        const tb = (1 << (t & 31)) | (1 << ((t >>> 5) & 31)) | (1 << ((t >>> 10) & 31));
        here = (gateTriples[t >>> TRIPLE_WORD_SHIFT] & tb) === tb;
      }
      let m = 0;
      // Each test below first asks whether any target could beat the stretch's characters read one by one (as couldBeTypo does).
      // Two characters: the exact set of forms. The list of x is sorted and spread over the Han block: start where y would lie.
      const two = sx + sy;
      const px = rx * STRIDE;
      const py = ry * STRIDE;
      // Two frequent characters: their filter first (frequentFormHash, Word, Mask written out).
      let maybe = pc[px + TWO_FIRST] >= two || pc[py + TWO_SECOND] >= two;
      if (maybe && (rx | ry) < FREQUENT) {
        const fp = Math.imul(rx * FREQUENT + ry, 0x9e3779b1);
        let f = Math.imul(fp ^ (fp >>> 16), 0x2c1b3c6d);
        f = (f ^ (f >>> 15)) >>> 0;
        const fb = (1 << (f & 31)) | (1 << ((f >>> 5) & 31));
        maybe = (frequentForms[f >>> FREQUENT_WORD_SHIFT] & fb) === fb;
      }
      if (maybe) {
        const lo = pi[px + FORMS_START];
        const hi = pi[px + FORMS_END] - 1;
        if (lo <= hi) {
          const range = pi[px + FORMS_RANGE];
          const first = range >>> 16;
          const last = range & 0xffff;
          if (y >= first && y <= last) {
            let i = last === first ? lo : lo + Math.floor(((y - first) * (hi - lo)) / (last - first));
            while (formsTwo[i] < y) i++;
            while (formsTwo[i] > y) i--;
            if (formsTwo[i] === y) m = TWO;
          }
        }
      }
      if (m !== 0) {
        marks[q] = m | marks[q];
        this.marked[this.markedCount++] = q;
      }
      if (here || before) hits = this.gateAt(text, q, hits, here, before);
    }
    marks[n - 1] = quoted > 0 ? IN_QUOTES : 0;
    return hits;
  }

  /**
   * The gate's part of the first pass at q, where the triple filter let a stretch through at q (`here`) or at
   * q − 1 (`before`, which implies the unit before q known); returns how many hits are kept. Apart from the pass,
   * whose every position would otherwise carry its code and locals: the engine marks a function for optimisation
   * after more ticks the longer its bytecode, and compiles a loop with fewer live values sooner, in a first check.
   */
  private gateAt(text: string, q: number, hits: number, here: boolean, before: boolean): number {
    const n = text.length;
    const { rank, record: pc } = this.ranked;
    const gatePairs = this.tables.gatePairs;
    const STRIDE = PER_CHAR;
    const { single: SINGLE, threeFirst: THREE_FIRST, threeLast: THREE_LAST } = CHAR;
    // As the pass has them: the characters at q … q + 3 (0 past the end), their ranks and the one at q − 1, ln P of those at q − 1, q + 2 alone.
    const x = text.charCodeAt(q);
    const y = text.charCodeAt(q + 1);
    const z = q + 2 < n ? text.charCodeAt(q + 2) : 0;
    const w = q + 3 < n ? text.charCodeAt(q + 3) : 0;
    const rv = q > 0 ? rank[text.charCodeAt(q - 1)] : 0;
    const ry = rank[y];
    const rz = rank[z];
    const rw = rank[w];
    const px = rank[x] * STRIDE;
    const py = ry * STRIDE;
    const two = pc[px + SINGLE] + pc[py + SINGLE];
    const sv = pc[rv * STRIDE + SINGLE];
    const sz = pc[rz * STRIDE + SINGLE];
    const zKnown = rz !== 0;
    // The gate, only for stretches that the triple filter lets through (at q: `here`; at q − 1: `before`, which implies v known),
    // first whether any of its keys has x, y (x, z) for its first two intact characters (one word of a small filter),
    // then only the filter of its keys here, each key asked with the classes of the text's unit at the place of the one lacking;
    // what the gate holds is read after the loop (hit, one call site: a small function to optimise).
    // pairProduct, gatePairWord/Mask and gateMix, written out (gateKeyWord/Mask in `probe`).
    const pxy = Math.imul((x << 16) | y, 0x9e3779b1);
    const at = q * 8;
    let p = 0;
    let h = 0;
    let bits = 0;
    let g = 0;
    // Three characters: a run of two intact at q (the unit after it replaced, or the one before it), the ends intact.
    const threeAfter = here && pc[px + THREE_FIRST] >= two + sz;
    const threeBefore = before && pc[py + THREE_LAST] >= two + sv;
    if (threeAfter || threeBefore || here || (before && zKnown)) {
      h = Math.imul(pxy ^ (pxy >>> 16), 0x2c1b3c6d);
      h = (h ^ (h >>> 15)) >>> 0;
      // One word of the filter, the bits of each group of keys (gatePairMask, written out).
      const word = gatePairs[h >>> PAIR_WORD_SHIFT];
      p = pxy ^ RUN_SALT;
      if (threeAfter && ((bits = (1 << (h & 31)) | (1 << ((h >>> 5) & 31))), word & bits) === bits) hits = this.probe(hits, p, rz, 1, at + HIT.threeAfter);
      if (threeBefore && ((g = Math.imul(h, THREE_BEFORE_MIX)), (bits = (1 << (g >>> 27)) | (1 << ((g >>> 22) & 31))), word & bits) === bits) {
        hits = this.probe(hits, p, rv, 2, at + HIT.threeBefore);
      }
      // Four characters: a run of three intact at q (the unit after it replaced, or the one before it), the first two and the last.
      if (zKnown) {
        p = pxy ^ Math.imul(z + FOUR_RUN_SALT, 0x85ebca6b);
        if (here && ((g = Math.imul(h, FOUR_AFTER_MIX)), (bits = (1 << (g >>> 27)) | (1 << ((g >>> 22) & 31))), word & bits) === bits) {
          hits = this.probeFour(hits, p, rw, 1, at + HIT.fourAfter);
          if (rw !== 0) hits = this.probeFour(hits, pxy ^ Math.imul(w + FOUR_THIRD_SALT, 0x85ebca6b), rz, 1, at + HIT.fourThird);
        }
        if (before && ((g = Math.imul(h, FOUR_BEFORE_MIX)), (bits = (1 << (g >>> 27)) | (1 << ((g >>> 22) & 31))), word & bits) === bits) {
          hits = this.probeFour(hits, p, rv, 2, at + HIT.fourBefore);
        }
      }
    }
    // The ends of three intact (the middle replaced), the first and the last two of four (the second replaced).
    if (here && (threeAfter || rw !== 0)) {
      const pxz = Math.imul((x << 16) | z, 0x9e3779b1);
      h = Math.imul(pxz ^ PAIR_SALT ^ ((pxz ^ PAIR_SALT) >>> 16), 0x2c1b3c6d);
      h = (h ^ (h >>> 15)) >>> 0;
      const word = gatePairs[h >>> PAIR_WORD_SHIFT];
      if (threeAfter) {
        bits = (1 << (h & 31)) | (1 << ((h >>> 5) & 31));
        if ((word & bits) === bits) hits = this.probe(hits, pxz ^ MIDDLE_SALT, ry, 1, at + HIT.threeMiddle);
      }
      if (rw !== 0 && ((g = Math.imul(h, FOUR_AFTER_MIX)), (bits = (1 << (g >>> 27)) | (1 << ((g >>> 22) & 31))), word & bits) === bits) {
        hits = this.probeFour(hits, pxz ^ Math.imul(w + FOUR_SECOND_SALT, 0x85ebca6b), ry, 1, at + HIT.fourSecond);
      }
    }
    return hits;
  }

  /**
   * Asks the gate's key bitmap for the key `p` with each class of the unit of
   * rank `r` (`side`: 1 the unit after the intact ones, 2 the one before) and
   * keeps the first hit; returns how many hits are kept. Apart from the first
   * pass, which it would otherwise repeat seven times: a smaller pass is
   * compiled sooner in a first check.
   */
  private probe(hits: number, p: number, r: number, side: number, entry: number): number {
    const { classStart, classList } = this.ranked;
    const gateKeys = this.tables.gateKeys;
    for (let k = classStart[r], e = classStart[r + 1]; k < e; k++) {
      let h = p ^ Math.imul(classList[k] * 2 + side, CLASS_MIX);
      h = Math.imul(h ^ (h >>> 16), 0x2c1b3c6d);
      h = (h ^ (h >>> 15)) >>> 0;
      const bits = (1 << (h & 31)) | (1 << ((h >>> 5) & 31)) | (1 << ((h >>> 10) & 31));
      if ((gateKeys[h >>> KEY_WORD_SHIFT] & bits) === bits) return this.hit(hits, entry, p, (k << 16) | e);
    }
    return hits;
  }

  /** `probe` for a key of four characters: first the key with `WHOLE_CLASS`, which the filter holds for every key of four there is. */
  private probeFour(hits: number, p: number, r: number, side: number, entry: number): number {
    let h = p ^ Math.imul(WHOLE_CLASS * 2 + side, CLASS_MIX);
    h = Math.imul(h ^ (h >>> 16), 0x2c1b3c6d);
    h = (h ^ (h >>> 15)) >>> 0;
    const bits = (1 << (h & 31)) | (1 << ((h >>> 5) & 31)) | (1 << ((h >>> 10) & 31));
    return (this.tables.gateKeys[h >>> KEY_WORD_SHIFT] & bits) === bits ? this.probe(hits, p, r, side, entry) : hits;
  }

  /**
   * Keeps a hit of the key bitmap (the position · 8 + `HIT` kind, the key's hash less its class, and where in
   * `ranked.classList` the class that hit lies and the unit's classes end, · 65536 +); returns how many are kept.
   */
  private hit(count: number, entry: number, p: number, classes: number): number {
    if (3 * count + 3 > this.hits.length) {
      const more = new Int32Array(this.hits.length * 2);
      more.set(this.hits);
      this.hits = more;
    }
    this.hits[3 * count] = entry;
    this.hits[3 * count + 1] = p;
    this.hits[3 * count + 2] = classes;
    return count + 1;
  }

  /**
   * The forms the gate holds at the hits of the first pass: each asked with the classes of the text's unit from
   * the one that hit the key bitmap (the bitmap holds every key of the gate: those before it hold none).
   */
  private readGate(text: string, count: number): void {
    const classList = this.ranked.classList;
    for (let k = 0; k < count; k++) {
      const entry = this.hits[3 * k];
      const p = this.hits[3 * k + 1];
      const classes = this.hits[3 * k + 2];
      const q = entry >>> 3;
      const kind = entry & 7;
      const before = HIT_UNIT[kind] < 0;
      const t = text.charCodeAt(q + HIT_UNIT[kind]);
      for (let c = classes >>> 16, e = classes & 0xffff; c < e; c++) {
        if (this.gate(gateMix(p ^ Math.imul(classList[c] * 2 + (before ? 2 : 1), CLASS_MIX)), t)) {
          this.mark(q + HIT_AT[kind], HIT_FORM[kind]);
          break;
        }
      }
    }
  }

  private mark(q: number, form: number): void {
    if ((this.marks[q] & ALL_FORMS) === 0) this.marked[this.markedCount++] = q;
    this.marks[q] |= form;
  }

  /** True if the gate holds for key `h` a unit that the text's unit `c` could be a typo of. */
  private gate(h: number, c: number): boolean {
    const gate = this.tables.gate;
    const tag = h & 0x7fff;
    for (let j = h >>> GATE_SHIFT; ; j = (j + 1) & GATE_MASK) {
      const e = gate[j];
      if (e === 0) return false;
      if (e >>> 17 !== tag) continue;
      const unit = e & 0xffff;
      if (unit !== c && this.data.confusable(c, unit)) return true;
    }
  }

  /** The window starting at `start` lies inside quotation marks (a window of characters holds no mark, so all of it does). */
  private quotedAt(start: number): boolean {
    return (this.marks[start] & QUOTED) !== 0;
  }

  /** The typos of two characters at q, either character replaced. */
  private two(text: string, q: number): void {
    const { classStart, classList, singleLogP: s } = this.data;
    const { rank, record: pc } = this.ranked;
    const x = text.charCodeAt(q);
    const y = text.charCodeAt(q + 1);
    const two = s[x] + s[y];
    if (pc[rank[x] * PER_CHAR + CHAR.twoFirst] >= two) {
      for (let k = classStart[y]; k < classStart[y + 1]; k++) this.bucket(this.tables.twoByFirst, x * 4096 + classList[k], text, q, q + 1);
    }
    if (pc[rank[y] * PER_CHAR + CHAR.twoSecond] >= two) {
      for (let k = classStart[x]; k < classStart[x + 1]; k++) this.bucket(this.tables.twoBySecond, classList[k] * 65536 + y, text, q, q);
    }
  }

  /** The typos of three characters at q with the characters that `m` marks replaced. */
  private threes(text: string, q: number, m: number): void {
    if (q + 3 > text.length) return;
    const s = this.data.singleLogP;
    const { rank, record: pc } = this.ranked;
    const a = text.charCodeAt(q);
    const b = text.charCodeAt(q + 1);
    const c = text.charCodeAt(q + 2);
    const singles = s[a] + s[b] + s[c];
    const { threeByPair, threeByEnds } = this.tables;
    if (m & FORMS.three[0] && pc[rank[c] * PER_CHAR + CHAR.threeLast] >= singles) this.three(threeByPair, (b << 16) | c, text, q, q, 1);
    if (m & FORMS.three[1] && pc[rank[a] * PER_CHAR + CHAR.threeFirst] >= singles) this.three(threeByEnds, (a << 16) | c, text, q, q + 1, -1);
    if (m & FORMS.three[2] && pc[rank[a] * PER_CHAR + CHAR.threeFirst] >= singles) this.three(threeByPair, (a << 16) | b, text, q, q + 2, 0);
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
  // Equally sure: the shorter correction, then the earlier (whatever order the look-ups found them in).
  found.sort((a, b) => b.margin - a.margin || a.end - a.start - (b.end - b.start) || a.start - b.start);
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
