// Build time only (data/build-wording-data.mjs bundles this file and runs it;
// the server never loads it): the typo finder's tables, computed once from the
// dictionary so that a check has nothing to build (see typoFinder.ts).
//
// - forms: every written form of two characters that the stretch alone
//   lets be a typo (`couldBeTypo`, decided here for every target, position
//   and confusable character), by first character;
// - gate: for the targets of three and four characters, their intact
//   characters with the one lacking, for each replaced position at which
//   some confusable character makes a possible typo.
// - the indexes of the targets: of two characters by an intact character and
//   a class of the other, best first; longer ones by an intact pair.

import { IntMultiMap } from './intMultiMap';
import {
  bestBudgets,
  budgetOf,
  FREQUENT_FORM_BITS,
  FREQUENT_RANK,
  frequentFormHash,
  frequentFormMask,
  frequentFormWord,
  couldBeTypo,
  isTarget,
  rankedChars,
  GATE_BITS,
  GATE_KEY_BITS,
  GATE_KIND,
  gateEntry,
  gateKey,
  gateKeyMask,
  gatePairHash,
  gatePairMask,
  gatePairWord,
  GATE_TRIPLE_BITS,
  gateTripleHash,
  gateTripleMask,
  gateTripleWord,
  PAIR_GROUP,
  WHOLE_CLASS,
  GATE_PAIR_BITS,
  gateKeyWord,
  gateSlot,
  TYPO_TUNING,
  typoTableSections,
  type RankedChars,
  type TypoTables,
  type TypoTuning,
} from './typoFinder';
import { deltaWords, IDIOM_KIND, TypoIndex, type DictionarySections } from './typoData';
import { writeWordingFile, type SectionData } from './wordingFile';

export { writeWordingFile };

export function buildTypoTables(data: TypoIndex, tuning: TypoTuning = TYPO_TUNING): TypoTables {
  // The characters of each class, to list a character's confusables.
  const members = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    for (let k = data.classStart[c]; k < data.classStart[c + 1]; k++) {
      const id = data.classList[k];
      const list = members.get(id);
      if (list) list.push(c);
      else members.set(id, [c]);
    }
  }
  const confusables = (c: number): number[] => {
    const out = new Set<number>();
    for (let k = data.classStart[c]; k < data.classStart[c + 1]; k++) for (const m of members.get(data.classList[k])!) if (m !== c) out.add(m);
    return [...out];
  };

  /** The forms of two characters, as x · 65536 + y. */
  const formsTwo = new Set<number>();
  const gate = new Uint32Array(2 ** GATE_BITS);
  const gateKeys = new Uint32Array(2 ** GATE_KEY_BITS / 32);
  const gatePairs = new Uint32Array(2 ** GATE_PAIR_BITS / 32);
  const gateEntries = new Set<string>();
  const addToGate = (kind: number, a: number, b: number, c: number, side: 0 | 1, cls: number, unit: number) => {
    const h = gateKey(kind, a, b, c, side, cls);
    // One entry for a key and its unit however many targets share them.
    const name = `${kind},${a},${b},${c},${side},${cls},${unit}`;
    if (gateEntries.has(name)) return;
    gateEntries.add(name);
    gateKeys[gateKeyWord(h)] |= gateKeyMask(h);
    if (kind <= GATE_KIND.fourSecond) {
      const whole = gateKey(kind, a, b, c, side, WHOLE_CLASS);
      gateKeys[gateKeyWord(whole)] |= gateKeyMask(whole);
    }
    const pair = gatePairHash(a, b, kind === GATE_KIND.threeMiddle || kind === GATE_KIND.fourSecond);
    const four = kind === GATE_KIND.fourRun || kind === GATE_KIND.fourThird || kind === GATE_KIND.fourSecond;
    const group = side === 1 ? (four ? PAIR_GROUP.fourBefore : PAIR_GROUP.threeBefore) : four ? PAIR_GROUP.fourAfter : PAIR_GROUP.threeAfter;
    gatePairs[gatePairWord(pair)] |= gatePairMask(pair, group);
    let j = gateSlot(h);
    while (gate[j] !== 0) j = (j + 1) % gate.length;
    gate[j] = gateEntry(h, unit);
  };
  /** Into the gate: the target c with its unit k replaced by a character of class `cls`. */
  const gateOf = (c: number[], k: number, cls: number) => {
    if (c.length === 4) {
      if (k === 3) addToGate(GATE_KIND.fourRun, c[0], c[1], c[2], 0, cls, c[3]);
      else if (k === 0) addToGate(GATE_KIND.fourRun, c[1], c[2], c[3], 1, cls, c[0]);
      else if (k === 2) addToGate(GATE_KIND.fourThird, c[0], c[1], c[3], 0, cls, c[2]);
      else addToGate(GATE_KIND.fourSecond, c[0], c[2], c[3], 0, cls, c[1]);
    } else if (k === 2) addToGate(GATE_KIND.threeRun, c[0], c[1], 0, 0, cls, c[2]);
    else if (k === 0) addToGate(GATE_KIND.threeRun, c[1], c[2], 0, 1, cls, c[0]);
    else addToGate(GATE_KIND.threeMiddle, c[0], c[2], 0, 0, cls, c[1]);
  };
  const byFirst: Array<[key: number, id: number, budget: number]> = [];
  const bySecond: Array<[key: number, id: number, budget: number]> = [];
  const threeByPair: number[] = [];
  const threeByEnds: number[] = [];
  const fourByPair: number[] = [];
  const fours = new Set<number>();
  /** The targets of three and four characters, for the triple filter. */
  const longTargets: number[][] = [];

  for (let L = 2; L <= 4; L++) {
    const least = TypoIndex.leastTargetCodes(L, tuning.targets);
    const words = data.words[L];
    for (let i = 0; i < data.codes[L].length; i++) {
      if (!isTarget(data, L, i, least)) continue;
      const id = i * 8 + L;
      const c = Array.from(words.subarray(i * L, i * L + L));
      if (L > 2) longTargets.push(c);
      if (L === 4) fours.add(i);
      else if (L === 2) {
        const budget = budgetOf(data, id, tuning);
        for (let k = data.classStart[c[1]]; k < data.classStart[c[1] + 1]; k++) byFirst.push([c[0] * 4096 + data.classList[k], id, budget]);
        for (let k = data.classStart[c[0]]; k < data.classStart[c[0] + 1]; k++) bySecond.push([data.classList[k] * 65536 + c[1], id, budget]);
      } else if (L === 3) {
        threeByPair.push((c[0] << 16) | c[1], id * 4, (c[1] << 16) | c[2], id * 4 + 1);
        threeByEnds.push((c[0] << 16) | c[2], id);
      }
      // Every typo of this target the stretch alone allows: its form (two characters), or its intact characters with each class
      // of the unit lacking that holds a character making one (three and four).
      for (let k = 0; k < L; k++) {
        const written = c.slice();
        const could = (wrong: number) => {
          written[k] = wrong;
          return couldBeTypo(data, String.fromCharCode(...written), 0, k, id, tuning);
        };
        if (L === 2) {
          for (const wrong of confusables(c[k])) if (could(wrong)) formsTwo.add(written[0] * 65536 + written[1]);
          continue;
        }
        for (let q = data.classStart[c[k]]; q < data.classStart[c[k] + 1]; q++) {
          const cls = data.classList[q];
          if (members.get(cls)!.some((wrong) => wrong !== c[k] && could(wrong))) gateOf(c, k, cls);
        }
      }
    }
  }
  // Idioms that are no targets are looked up for their halves (see TypoFinder.halfOfIdiomElsewhere).
  for (let i = 0; i < data.codes[4].length; i++) if (data.codes[4][i] >> 8 === IDIOM_KIND) fours.add(i);
  const w4 = data.words[4];
  for (const i of [...fours].sort((a, b) => a - b)) fourByPair.push((w4[4 * i] << 16) | w4[4 * i + 1], i * 4, (w4[4 * i + 2] << 16) | w4[4 * i + 3], i * 4 + 2);

  const map = (list: Array<[number, number, number]>) => {
    // Each bucket by budget, best first (the sort is stable: ties keep the dictionary's order).
    const sorted = list.slice().sort((a, b) => b[2] - a[2]);
    return IntMultiMap.build(sorted.flatMap(([key, id]) => [key, id]));
  };
  // The forms of two characters by their first, each list sorted.
  const sortedTwo = [...formsTwo].sort((a, b) => a - b);
  const formsTwoStart = new Int32Array(0x10001);
  for (const f of sortedTwo) formsTwoStart[(f >>> 16) + 1]++;
  for (let u = 0; u < 0x10000; u++) formsTwoStart[u + 1] += formsTwoStart[u];
  const formsTwoWhole = Uint16Array.from(sortedTwo, (f) => f & 0xffff);
  const ranked = rankedChars(data, bestBudgets(data, tuning), (c) => [formsTwoStart[c], formsTwoStart[c + 1]], formsTwoWhole);
  // The forms of two frequent characters, by their ranks.
  const frequentForms = new Uint32Array(2 ** FREQUENT_FORM_BITS / 32);
  for (const f of sortedTwo) {
    const rx = ranked.rank[f >>> 16];
    const ry = ranked.rank[f & 0xffff];
    if (rx === 0 || ry === 0) throw new Error('wording data: a form of two characters with a character that has no class');
    if (rx >= FREQUENT_RANK || ry >= FREQUENT_RANK) continue;
    const h = frequentFormHash(rx, ry);
    frequentForms[frequentFormWord(h)] |= frequentFormMask(h);
  }
  return {
    ranked,
    gateTriples: tripleFilter(data, ranked, longTargets),
    formsTwo: formsTwoWhole,
    frequentForms,
    gate,
    gateKeys,
    gatePairs,
    twoByFirst: map(byFirst),
    twoBySecond: map(bySecond),
    threeByPair: IntMultiMap.build(threeByPair),
    threeByEnds: IntMultiMap.build(threeByEnds),
    fourByPair: IntMultiMap.build(fourByPair),
  };
}

/**
 * The filter of the class sets of the first three characters of every written form of the targets of three and four
 * characters (the character replaced: any set sharing a class with the one meant), asked by the first pass before the
 * gate's (see `GATE_TRIPLE_BITS`). Every target and replaced place, whether or not the gate holds them: a filter may let
 * more through, never less.
 */
function tripleFilter(data: TypoIndex, ranked: RankedChars, targets: number[][]): Uint32Array {
  const filter = new Uint32Array(2 ** GATE_TRIPLE_BITS / 32);
  const setOf = (c: number) => ranked.classSet[ranked.rank[c]];
  // Per class, the sets that hold it.
  const setsWith = new Map<number, Set<number>>();
  for (let r = 1; r < ranked.classSet.length; r++) {
    for (let k = ranked.classStart[r]; k < ranked.classStart[r + 1]; k++) {
      const sets = setsWith.get(ranked.classList[k]) ?? new Set<number>();
      sets.add(ranked.classSet[r]);
      setsWith.set(ranked.classList[k], sets);
    }
  }
  const near = (u: number) => {
    const out = new Set<number>();
    for (let k = data.classStart[u]; k < data.classStart[u + 1]; k++) for (const id of setsWith.get(data.classList[k]) ?? []) out.add(id);
    return [...out];
  };
  for (const c of targets) {
    // A character without a class is in no typo (couldBeTypo).
    if (c.some((u) => ranked.rank[u] === 0)) continue;
    for (let k = 0; k < c.length; k++) {
      const [a, b, d] = [0, 1, 2].map((j) => (j === k ? near(c[j]) : [setOf(c[j])]));
      for (const x of a) {
        for (const y of b) {
          for (const z of d) {
            const h = gateTripleHash(x, y, z);
            filter[gateTripleWord(h)] |= gateTripleMask(h);
          }
        }
      }
    }
  }
  return filter;
}

/** The sections of the dictionary and of the tables built from it, for `writeWordingFile`. */
export function typoSections(d: DictionarySections): Record<string, SectionData> {
  const sections: Record<string, SectionData> = { classStart: d.classStart, classList: d.classList };
  for (let L = 1; L <= d.maxWord; L++) {
    sections[`words.${L}`] = deltaWords(d.words[L], L);
    sections[`codes.${L}`] = d.codes[L];
  }
  return { ...sections, ...typoTableSections(buildTypoTables(new TypoIndex(d))) };
}
