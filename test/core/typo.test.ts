// The typo rule (错别字): its fixtures, the evaluation set written for it
// (recall and silence on the correct twins), what it leaves to word-usage,
// its fixes, positions outside the BMP, and lazy loading of its data.

import * as assert from 'assert';
import { applyFixes, Checker, checkText } from '../../server/src/core';
import { typo } from '../../server/src/core/rules/typo';
import { wordUsage } from '../../server/src/core/rules/wordUsage';
import { IntMultiMap } from '../../server/src/core/wording/intMultiMap';
import { deltaWords, provideWordingData, TypoIndex, typoIndex, undeltaWords, wordingFile } from '../../server/src/core/wording/typoData';
import {
  bestBudgets,
  CHAR,
  countsOf,
  FREQUENT_RANK,
  frequentFormHash,
  frequentFormMask,
  frequentFormWord,
  PER_CHAR,
  readTypoTables,
  TYPO_TUNING,
} from '../../server/src/core/wording/typoFinder';
import { assertFixture, readFixture } from '../helpers/fixtures';
import { provideBuiltWordingData } from '../helpers/wording';

interface Case {
  line: number;
  wrong: string;
  right: string;
  /** The sentence with the typo, and its correct twin. */
  typoText: string;
  twinText: string;
  at: number;
}

/** `test/fixtures/typo/evaluation.txt`: one sentence a line with `{wrong|right}`. */
function evaluationCases(): Case[] {
  return readFixture('typo/evaluation.txt')
    .split('\n')
    .map((text, i) => ({ text, line: i + 1 }))
    .filter(({ text }) => !text.startsWith('#') && text.includes('{'))
    .map(({ text, line }) => {
      const m = /\{([^|}]+)\|([^}]+)\}/.exec(text)!;
      return { line, wrong: m[1], right: m[2], typoText: text.replace(m[0], m[1]), twinText: text.replace(m[0], m[2]), at: m.index };
    });
}

describe('typo', () => {
  before(() => provideBuiltWordingData());

  it('finds each typo of its fixture and leaves the misspellings of word-usage to it', () => {
    assertFixture('rules/typo.txt', 'typo', { rules: [typo] });
    assertFixture('rules/typo.txt', 'word-usage', { rules: [typo, wordUsage] });
  });

  it('stays silent on its clean twin (names, quotations, coined phrases, numbers)', () => {
    assertFixture('rules/typo.clean.txt', 'typo', { rules: [typo] });
  });

  it('recalls at least 80 % of the evaluation set, with no finding on any correct twin', () => {
    const cases = evaluationCases();
    assert.ok(cases.length >= 200, `${cases.length} cases`);
    const missed: string[] = [];
    const onTwins: string[] = [];
    for (const c of cases) {
      const found = checkText(c.typoText, { rules: [typo] }).findings;
      const hit = found.find((f) => f.span.start <= c.at + c.wrong.length && f.span.end > c.at);
      if (!hit || applyFixes(c.typoText, [hit.fixes![0]]).text !== c.twinText) missed.push(`${c.line}: ${c.wrong}→${c.right}`);
      for (const f of checkText(c.twinText, { rules: [typo] }).findings) onTwins.push(`${c.line}: ${f.message}`);
    }
    const recall = (cases.length - missed.length) / cases.length;
    assert.deepStrictEqual(onTwins, []);
    assert.ok(recall >= 0.8, `recall ${(recall * 100).toFixed(1)} %; missed:\n${missed.join('\n')}`);
  });

  it('offers the correction as a quick fix, never a safe one, and explains it', () => {
    const text = '要大力宏扬伟大建党精神。';
    const [f] = checkText(text, { rules: [typo] }).findings;
    assert.deepStrictEqual(f.span, { start: 3, end: 5 });
    assert.strictEqual(f.fixes!.length, 1);
    assert.strictEqual(f.fixes![0].safe, false);
    assert.strictEqual(applyFixes(text, f.fixes!).text, '要大力弘扬伟大建党精神。');
    assert.match(f.message, /宏扬.*弘扬/);
    const en = checkText(text, { rules: [typo], locale: 'en' }).findings[0];
    assert.match(en.message, /typo for “弘扬”/);
  });

  it('counts offsets in UTF-16 code units after characters outside the BMP', () => {
    const text = '𠀀😀要大力宏扬实干精神。';
    const [f] = checkText(text, { rules: [typo] }).findings;
    assert.strictEqual(text.slice(f.span.start, f.span.end), '宏扬');
    assert.strictEqual(f.span.start, 7);
  });

  it('leaves a stretch the draft writes twice: a term of its own', () => {
    const once = '要坚持学细悟透，持续用力。';
    assert.strictEqual(checkText(once, { rules: [typo] }).findings.length, 1);
    assert.strictEqual(checkText(`${once}\n\n我们要学细悟透。`, { rules: [typo] }).findings.length, 0);
  });

  it('reads its data on its first check only, and a checker without it never reads it', () => {
    const counter = provideBuiltWordingData();
    new Checker({ rules: [wordUsage] }).check('要大力宏扬伟大建党精神。');
    assert.strictEqual(counter.loads, 0);
    const checker = new Checker({ rules: [typo] });
    checker.check('要大力宏扬伟大建党精神。');
    checker.check('要大力宏扬伟大建党精神。\n\n要扎实推近乡村振兴。');
    new Checker({ rules: [typo] }).check('要扎实推近乡村振兴。');
    assert.strictEqual(counter.loads, 1);
  });

  it('finds the words beginning with each unit where the loaded data says, as the words themselves tell', () => {
    provideBuiltWordingData();
    const loaded = typoIndex()!;
    const file = wordingFile()!;
    // The same dictionary without the starts found at load: they are made from the words when first needed.
    const fresh = new TypoIndex({ total: file.header.total as number, maxWord: loaded.maxWord, classStart: loaded.classStart, classList: loaded.classList, words: [...loaded.words], codes: [...loaded.codes] });
    for (let L = 1; L <= loaded.maxWord; L++) assert.deepStrictEqual(loaded['wordsBeginning'](L), fresh['wordsBeginning'](L), `length ${L}`);
    assert.ok(loaded.codeOf('部署', 0, 2) > 0 && loaded.codeOf('署部', 0, 2) === 0);
  });

  it('makes the front-coded words whole as they were, and where the words of each first unit begin: the shipped words and words made up for it', () => {
    provideBuiltWordingData();
    const loaded = typoIndex()!;
    // Sorted words of three units: a shared first unit, a shared pair, a first unit that grows, units after it lower than the ones above them, the ends of the range.
    const units = [0x4e00, 0x4e01, 0xffff, 0x4e00, 0x4e02, 0x0001, 0x4e00, 0x4e02, 0x0002, 0x4e01, 0x0001, 0x9fa5, 0xd83d, 0xde00, 0x4e00];
    const cases: Array<[Uint16Array, number]> = [[Uint16Array.from(units), 3], [new Uint16Array(0), 2]];
    for (let L = 1; L <= loaded.maxWord; L++) cases.push([loaded.words[L] as Uint16Array, L]);
    for (const [words, L] of cases) {
      const starts = new Int32Array(0x10001);
      const whole = undeltaWords(deltaWords(words, L), L, starts);
      assert.deepStrictEqual(whole, words, `length ${L}`);
      const fresh = new TypoIndex({ total: 1, maxWord: L, classStart: loaded.classStart, classList: loaded.classList, words: [...Array.from({ length: L }, () => new Uint16Array(0)), words], codes: [...Array.from({ length: L }, () => new Uint16Array(0)), new Uint16Array(words.length / L)] });
      assert.deepStrictEqual(starts, fresh['wordsBeginning'](L), `starts of length ${L}`);
    }
  });

  it('ships the per-character budgets the finder would compute, so that making it loops over no dictionary', () => {
    provideBuiltWordingData();
    const { rank, record } = readTypoTables(wordingFile()!).ranked;
    const data = typoIndex()!;
    const computed = bestBudgets(data, TYPO_TUNING);
    // The known characters only: a stretch holding another is never a typo (couldBeTypo), so the finder never asks their budgets.
    const known = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => data.known(c));
    const shipped = (field: number) => known.map((c) => record[rank[c] * PER_CHAR + field]);
    for (const name of ['twoFirst', 'twoSecond', 'threeFirst', 'threeLast'] as const) {
      assert.ok(computed[name].some((b) => b > -Infinity), name);
      assert.deepStrictEqual(shipped(CHAR[name]), known.map((c) => computed[name][c]), name);
    }
    assert.deepStrictEqual(shipped(CHAR.single), known.map((c) => data.singleLogP[c]));
    assert.ok(record.length === (known.length + 1) * PER_CHAR && rank.every((r, c) => (r === 0) === !data.known(c)));
    // Ranked by frequency alone, every known character once.
    assert.deepStrictEqual(new Set(known.map((c) => rank[c])).size, known.length);
    for (const c of known) if (rank[c] > 1) assert.ok(record[(rank[c] - 1) * PER_CHAR + CHAR.single] >= data.singleLogP[c]);
  });

  it('lets every form of two frequent characters through their filter, and mostly keeps other pairs of them out', () => {
    provideBuiltWordingData();
    const { ranked, formsTwo, frequentForms } = readTypoTables(wordingFile()!);
    const passes = (rx: number, ry: number) => {
      const h = frequentFormHash(rx, ry);
      return ((frequentForms[frequentFormWord(h)] & frequentFormMask(h)) >>> 0) === frequentFormMask(h);
    };
    const forms = new Set<number>();
    for (let c = 0; c < 0x10000; c++) {
      const rx = ranked.rank[c];
      if (rx === 0 || rx >= FREQUENT_RANK) continue;
      for (let i = ranked.recordInt[rx * PER_CHAR + CHAR.formsStart]; i < ranked.recordInt[rx * PER_CHAR + CHAR.formsEnd]; i++) {
        const ry = ranked.rank[formsTwo[i]];
        if (ry >= FREQUENT_RANK) continue;
        forms.add(rx * FREQUENT_RANK + ry);
        assert.ok(passes(rx, ry), `${String.fromCharCode(c, formsTwo[i])}`);
      }
    }
    assert.ok(forms.size > 10_000, `${forms.size} forms of two frequent characters`);
    // Pairs of frequent characters that are no forms: a few per cent pass (a filter that let all through would save nothing).
    let others = 0;
    let passed = 0;
    for (let rx = 1; rx < FREQUENT_RANK; rx += 7) {
      for (let ry = 1; ry < FREQUENT_RANK; ry += 5) {
        if (forms.has(rx * FREQUENT_RANK + ry)) continue;
        others++;
        if (passes(rx, ry)) passed++;
      }
    }
    assert.ok(passed / others < 0.05, `${passed} of ${others}`);
  });

  it('looks a word up by hash once asked often (after a first check), finding every word of the dictionary and no other string', () => {
    provideBuiltWordingData();
    const slotsOf = (index: TypoIndex) => (index as unknown as { slots: Array<Int32Array | undefined> }).slots;
    // Fewer look-ups than a first check of 100,000 characters makes: no tables made.
    const fresh = TypoIndex.fromFile(wordingFile()!);
    for (let i = 0; i < 9000; i++) fresh.codeOf('发展理念', i % 2, (i % 2) + 2 + ((i >> 1) % 2));
    assert.ok(slotsOf(fresh).every((s) => s === undefined));
    const data = typoIndex()!;
    for (let L = 2; L <= data.maxWord; L++) {
      const words = data.words[L];
      const known = new Map<string, number>();
      for (let i = 0; i < data.codes[L].length; i++) known.set(String.fromCharCode(...words.subarray(i * L, i * L + L)), data.codes[L][i]);
      let found = 0;
      let tried = 0;
      for (const [word, code] of known) {
        assert.strictEqual(data.codeOf(word, 0, L), code, word);
        // The same word in a longer text, and with one unit replaced (mostly no word, sometimes another).
        const at = tried++ % L;
        const unit = word.charCodeAt(at) + 1;
        const other = word.slice(0, at) + String.fromCharCode(unit) + word.slice(at + 1);
        assert.strictEqual(data.codeOf(`的${word}了`, 1, L + 1, at + 1, unit), known.get(other) ?? 0, other);
        if (known.has(other)) found++;
      }
      assert.ok(found > 0 || L > 4, `length ${L}: no replaced word that is another`);
      // Lengths up to four went through the hashed table (its slots made), longer ones through the binary search.
      assert.strictEqual(slotsOf(data)[L] !== undefined, L <= 4, `length ${L}`);
    }
  });

  it('reads where the values of each key of its maps start from how many they are, as the build counted them', () => {
    // Keys with one, three, one and 65,535 values.
    const pairs = [7, 1, -5, 2, -5, 3, -5, 4, 9, 5, ...Array.from({ length: 65_535 }, (_, i) => [0x7fff0000, i]).flat()];
    const built = IntMultiMap.build(pairs);
    const shipped = new IntMultiMap({ keys: built.keys, counts: countsOf(built.starts), values: built.values });
    assert.deepStrictEqual(shipped.starts, built.starts);
    assert.deepStrictEqual(Array.from(shipped.starts), [0, 3, 4, 5, 65_540]);
    for (const key of [7, -5, 9, 0x7fff0000]) assert.strictEqual(shipped.end(shipped.find(key)) - shipped.start(shipped.find(key)), built.end(built.find(key)) - built.start(built.find(key)));
    assert.throws(() => countsOf(Int32Array.from([0, 70_000])), /more than 65,535/);
    assert.throws(() => new IntMultiMap({ keys: built.keys, counts: countsOf(built.starts), values: built.values.subarray(1) }), /malformed/);
    provideBuiltWordingData();
    const tables = readTypoTables(wordingFile()!);
    for (const name of ['twoByFirst', 'twoBySecond', 'threeByPair', 'threeByEnds', 'fourByPair'] as const) {
      const m = tables[name];
      assert.strictEqual(m.starts.length, m.keys.length + 1, name);
      assert.strictEqual(m.starts[m.keys.length], m.values.length, name);
      for (let i = 0; i < m.keys.length; i++) assert.ok(m.starts[i + 1] > m.starts[i], `${name}: key ${i} without values`);
    }
  });

  it('finds each key of its maps by a search of the sorted keys, and no other key: every shipped key, its neighbours, the extremes', () => {
    provideBuiltWordingData();
    const tables = readTypoTables(wordingFile()!);
    const maps = [IntMultiMap.build([7, 1, -5, 2, -5, 3, 9, 5, -0x80000000, 6, 0x7fffffff, 7]), IntMultiMap.build([]), IntMultiMap.build([3, 1])];
    for (const name of ['twoByFirst', 'twoBySecond', 'threeByPair', 'threeByEnds', 'fourByPair'] as const) maps.push(tables[name]);
    for (const m of maps) {
      const index = new Map(Array.from(m.keys, (key, i) => [key, i]));
      const asked = new Set([-0x80000000, -1, 0, 1, 0x7fffffff]);
      for (const key of m.keys) for (const d of [-1, 0, 1]) asked.add((key + d) | 0);
      for (const key of asked) assert.strictEqual(m.find(key), index.get(key) ?? -1, `key ${key}`);
    }
    assert.throws(() => new IntMultiMap({ keys: Int32Array.from([2, 1]), counts: Uint16Array.from([1, 1]), values: new Int32Array(2) }), /not sorted/);
  });

  it('without its data still finds the words wrong in context, and never throws', () => {
    provideWordingData(() => {
      throw new Error('no data here');
    });
    try {
      const r = checkText('要大力宏扬伟大建党精神，我们必需加强调度。', { rules: [typo] });
      assert.deepStrictEqual(r.ruleErrors, []);
      assert.deepStrictEqual(
        r.findings.map((f) => f.fixes![0].edits[0].newText),
        ['必须'],
      );
    } finally {
      provideBuiltWordingData();
    }
  });
});
