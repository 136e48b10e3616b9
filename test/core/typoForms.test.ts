// The typo finder's first pass (the exact set of the forms of two characters
// and the gate of three and four) against the finder without it, which sends
// every stretch to the look-ups of targets (test/core/reference): both must
// find exactly the same typos and suspects, on the project's texts and on
// text with typos made from the dictionary, and the first pass must let
// through only the few positions where a typo could start.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { typoIndex, wordingFile } from '../../server/src/core/wording/typoData';
import { ALL_FORMS, gateTripleHash, gateTripleMask, gateTripleWord, readTypoTables, TypoFinder, type TypoTables } from '../../server/src/core/wording/typoFinder';
import { repoRoot } from '../helpers/corpus';
import { provideBuiltWordingData } from '../helpers/wording';
import { UngatedTypoFinder } from './reference/typoFinderUngated';

/** The paragraphs of the project's own texts: the examples and the fixtures (the typo fixtures and evaluation set among them). */
function ownParagraphs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(txt|md|speech)$/.test(e.name)) {
        for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
          if (line.length < 2) continue;
          // The evaluation set's {wrong|right}: both sentences.
          if (/\{[^|}]+\|[^}]+\}/.test(line)) out.push(line.replace(/\{([^|}]+)\|[^}]+\}/g, '$1'), line.replace(/\{[^|}]+\|([^}]+)\}/g, '$1'));
          else out.push(line);
        }
      }
    }
  };
  walk(path.join(repoRoot, 'examples'));
  walk(path.join(repoRoot, 'test', 'fixtures'));
  return out;
}

/** A seeded generator: the same text each run. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

/** Paragraphs with a word of the dictionary (two to four characters) written with one character swapped for a confusable one. */
function paragraphsWithTypos(base: string[], count: number): string[] {
  const data = typoIndex()!;
  const rnd = random(16);
  const members = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    for (let k = data.classStart[c]; k < data.classStart[c + 1]; k++) {
      const list = members.get(data.classList[k]) ?? [];
      list.push(c);
      members.set(data.classList[k], list);
    }
  }
  const out: string[] = [];
  while (out.length < count) {
    const L = 2 + rnd(3);
    const words = data.words[L];
    const w = rnd(words.length / L);
    const units = Array.from(words.subarray(w * L, w * L + L));
    const k = rnd(L);
    const classes = data.classList.subarray(data.classStart[units[k]], data.classStart[units[k] + 1]);
    if (classes.length === 0) continue;
    const alike = members.get(classes[rnd(classes.length)])!;
    units[k] = alike[rnd(alike.length)];
    const host = base[rnd(base.length)];
    const at = rnd(host.length + 1);
    out.push(host.slice(0, at) + String.fromCharCode(...units) + host.slice(at));
  }
  return out;
}

describe('typo finder: the first pass', () => {
  let finder: TypoFinder;
  let reference: UngatedTypoFinder;
  let own: string[];
  let tables: TypoTables;

  before(() => {
    provideBuiltWordingData();
    tables = readTypoTables(wordingFile()!);
    finder = new TypoFinder(typoIndex()!, tables);
    reference = new UngatedTypoFinder(typoIndex()!, tables);
    own = ownParagraphs();
  });

  it('finds exactly what the finder without it finds, on the project’s texts', () => {
    let typos = 0;
    for (const p of own) {
      const want = reference.find(p);
      assert.deepStrictEqual(finder.find(p), want, p);
      typos += want.typos.length;
    }
    // The fixtures and the evaluation set hold typos: the comparison is not of empty results.
    assert.ok(typos >= 200, `${typos} typos`);
  });

  it('finds exactly what the finder without it finds, on text with typos made from the dictionary', () => {
    const base = own.filter((p) => p.length >= 20);
    let typos = 0;
    let suspects = 0;
    for (const p of paragraphsWithTypos(base, 2500)) {
      const want = reference.find(p);
      assert.deepStrictEqual(finder.find(p), want, p);
      typos += want.typos.length;
      suspects += want.suspects.length;
    }
    assert.ok(typos >= 300 && suspects >= 500, `${typos} typos, ${suspects} suspects`);
  });

  it('lets through its triple filter every stretch of three or four characters that the finder without it takes for a possible typo, and marks its start', () => {
    const { rank, classSet } = tables.ranked;
    const passes = (text: string, start: number) => {
      const h = gateTripleHash(classSet[rank[text.charCodeAt(start)]], classSet[rank[text.charCodeAt(start + 1)]], classSet[rank[text.charCodeAt(start + 2)]]);
      const bits = gateTripleMask(h);
      return (tables.gateTriples[gateTripleWord(h)] & bits) >>> 0 === bits;
    };
    const marks = (finder as unknown as { marks: Uint16Array }).marks;
    let stretches = 0;
    let positions = 0;
    let passed = 0;
    for (const p of [...own, ...paragraphsWithTypos(own.filter((t) => t.length >= 20), 2500)]) {
      // The suspects of the reference: every stretch that couldBeTypo lets be a typo of some target, quoted ones too.
      const long = reference.find(p).suspects.filter((s) => (s & 7) >= 3);
      finder.find(p);
      for (const s of long) {
        assert.ok(passes(p, s >> 3), `the triple filter stops ${p.substr(s >> 3, s & 7)} in ${p}`);
        assert.ok(marks[s >> 3] & ALL_FORMS, `no mark at ${p.substr(s >> 3, s & 7)} in ${p}`);
      }
      stretches += long.length;
      for (let q = 0; q + 3 <= p.length; q++, positions++) if (passes(p, q)) passed++;
    }
    assert.ok(stretches >= 300, `${stretches} stretches of three or four`);
    // And it is a filter: most positions do not pass it.
    assert.ok(passed / positions < 0.1, `${passed} of ${positions} positions pass the triple filter`);
  });

  it('lets through about 1 % of the positions of the project’s texts, typos and all', () => {
    // What the first pass marks is what the later look-ups are spent on.
    const marks = (finder as unknown as { marks: Uint16Array }).marks;
    let positions = 0;
    let marked = 0;
    for (const p of own) {
      finder.find(p);
      positions += p.length;
      for (let q = 0; q < p.length; q++) if (marks[q] & ALL_FORMS) marked++;
    }
    assert.ok(positions > 50000, `${positions} positions`);
    assert.ok(marked / positions < 0.015, `${marked} of ${positions} positions marked`);
  });
});
