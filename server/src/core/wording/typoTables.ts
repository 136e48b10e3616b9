// Build time only (data/build-wording-data.mjs bundles this file and runs it;
// the server never loads it): the typo finder's tables, computed once from the
// dictionary so that a check has nothing to build (see typoFinder.ts).
//
// - roles: for every possible typo of two or three characters that the
//   stretch alone allows (`couldBeTypo`, decided here for every target,
//   position and confusable character), the role its replaced character's
//   pair plays in it; a paragraph's pair without a role is passed over.
// - quadGate: the intact triples of the targets of four characters.
// - the indexes of the targets: of two characters by an intact character and
//   a class of the other, best first; longer ones by an intact pair.

import { IntMultiMap } from './intMultiMap';
import {
  bestBudgets,
  budgetOf,
  couldBeTypo,
  isTarget,
  QUAD_GATE_BITS,
  ROLE,
  ROLE_SLOT_BITS,
  roleSlot,
  tripleBit,
  TYPO_TUNING,
  typoTableSections,
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

  const roles = new Uint32Array(2 ** ROLE_SLOT_BITS / 8);
  const mark = (x: number, y: number, role: number) => {
    const slot = roleSlot(x, y);
    roles[slot >>> 3] |= role << ((slot & 7) << 2);
  };
  const quadGate = new Uint32Array(2 ** QUAD_GATE_BITS / 32);
  const setQuad = (bit: number) => (quadGate[bit >>> 5] |= 1 << (bit & 31));
  const byFirst: Array<[key: number, id: number, budget: number]> = [];
  const bySecond: Array<[key: number, id: number, budget: number]> = [];
  const threeByPair: number[] = [];
  const threeByEnds: number[] = [];
  const fourByPair: number[] = [];
  const fours = new Set<number>();

  for (let L = 2; L <= 4; L++) {
    const least = TypoIndex.leastTargetCodes(L, tuning.targets);
    const words = data.words[L];
    for (let i = 0; i < data.codes[L].length; i++) {
      if (!isTarget(data, L, i, least)) continue;
      const id = i * 8 + L;
      const c = Array.from(words.subarray(i * L, i * L + L));
      if (L === 4) {
        setQuad(tripleBit(0, c[0], c[1], c[2]));
        setQuad(tripleBit(0, c[1], c[2], c[3]));
        setQuad(tripleBit(1, c[0], c[1], c[3]));
        setQuad(tripleBit(2, c[0], c[2], c[3]));
        fours.add(i);
        continue;
      }
      if (L === 2) {
        const budget = budgetOf(data, id, tuning);
        for (let k = data.classStart[c[1]]; k < data.classStart[c[1] + 1]; k++) byFirst.push([c[0] * 4096 + data.classList[k], id, budget]);
        for (let k = data.classStart[c[0]]; k < data.classStart[c[0] + 1]; k++) bySecond.push([data.classList[k] * 65536 + c[1], id, budget]);
      } else {
        threeByPair.push((c[0] << 16) | c[1], id * 4, (c[1] << 16) | c[2], id * 4 + 1);
        threeByEnds.push((c[0] << 16) | c[2], id);
      }
      // Every typo of this target the stretch alone allows: the role of its replaced character's pair.
      for (let k = 0; k < L; k++) {
        for (const wrong of confusables(c[k])) {
          const written = c.slice();
          written[k] = wrong;
          if (!couldBeTypo(data, String.fromCharCode(...written), 0, k, id, tuning)) continue;
          if (L === 2) mark(written[0], written[1], k === 1 ? ROLE.twoSecond : ROLE.twoFirst);
          else if (k === 0) mark(written[0], written[1], ROLE.threeLeft);
          else mark(written[k - 1], written[k], ROLE.threeRight);
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
  return {
    roles,
    quadGate,
    twoByFirst: map(byFirst),
    twoBySecond: map(bySecond),
    threeByPair: IntMultiMap.build(threeByPair),
    threeByEnds: IntMultiMap.build(threeByEnds),
    fourByPair: IntMultiMap.build(fourByPair),
    bestBudget: bestBudgets(data, tuning),
  };
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
