// The seven text rules on real text: the model address (a real, imperfect
// draft) and the ten published speeches, where they must stay quiet except on
// the source defects the corpus README names. Skipped where the corpus is absent.

import * as assert from 'assert';
import { applyFixes, checkText, safeFixes, type CheckResult, type Finding } from '../../server/src/core';
import { publishedFiles, readCorpus, requireCorpus } from '../helpers/corpus';

const TEXT_RULES = ['punctuation-width', 'punctuation-pairs', 'punctuation-repeat', 'placeholder', 'web-residue', 'word-usage', 'repeated-word'];
const FULL_WIDTH_TWIN: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };

const lineOf = (r: CheckResult, f: Finding) => r.model.lines.positionAt(f.span.start).line + 1;
const of = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule);

/** Asserts that `after` is `before` with some ASCII marks turned into their full-width twins; returns how many. */
function assertOnlyMarksTurnedFullWidth(before: string, after: string): number {
  assert.strictEqual(after.length, before.length);
  let changed = 0;
  for (let i = 0; i < before.length; i++) {
    if (after[i] === before[i]) continue;
    changed++;
    assert.strictEqual(after[i], FULL_WIDTH_TWIN[before[i]], `offset ${i}: “${before[i]}” became “${after[i]}”`);
  }
  return changed;
}

describe('text rules on the model address', function () {
  let text: string;
  let r: CheckResult;
  before(function () {
    text = readCorpus(requireCorpus(this), 'model-address.txt');
    r = checkText(text);
  });

  it('reports every ASCII , : ; ( ) once: as punctuation-width, or inside a marker as numbering-style', () => {
    const width = of(r, 'punctuation-width');
    assert.strictEqual(lineOf(r, width[0]), 1);
    assert.strictEqual(width.length, 110);
    const markerSpans = of(r, 'numbering-style').map((f) => f.span);
    const widthAt = new Set(width.map((f) => f.span.start));
    for (const f of width) assert.strictEqual(f.span.end - f.span.start, 1);
    for (let i = 0; i < text.length; i++) {
      if (!(text[i] in FULL_WIDTH_TWIN)) continue;
      const inMarker = markerSpans.some((s) => i >= s.start && i < s.end);
      assert.ok(widthAt.has(i) !== inMarker, `offset ${i} (line ${r.model.lines.positionAt(i).line + 1}): reported ${widthAt.has(i) ? 'twice' : 'never'}`);
    }
  });

  it('finds the placeholders on lines 7 and 15 and nowhere else', () => {
    assert.deepStrictEqual(
      of(r, 'placeholder').map((f) => [lineOf(r, f), text.slice(f.span.start, f.span.end), text.slice(f.span.end, f.span.end + 1)]),
      [
        [7, '*', '个'],
        [7, '*', '个'],
        [7, '**', '亿'],
        [7, '*', '新'],
        [7, '*', '高'],
        [15, '*', '看'],
        [15, '*', ','],
      ],
    );
  });

  it('finds the download-site residue as the whole lines 8, 17 and 18, and removes exactly those lines', () => {
    const residue = of(r, 'web-residue');
    assert.deepStrictEqual(residue.map((f) => lineOf(r, f)), [8, 17, 18]);
    for (const f of residue) {
      const line = lineOf(r, f) - 1;
      assert.deepStrictEqual(f.span, { start: r.model.lines.lineStarts[line], end: r.model.lines.lineEnd(line) });
      assert.strictEqual(f.unnecessary, true);
      assert.strictEqual(f.fixes![0].safe, false);
    }
    const removed = applyFixes(text, residue.map((f) => f.fixes![0])).text;
    // Lines and their line breaks; the draft ends with line 18, so line 16 ends it now, with its break.
    const lines = text.split('\n').map((l) => `${l}\n`);
    assert.strictEqual(removed, lines.filter((_, i) => ![7, 16, 17].includes(i)).join(''));
  });

  it('finds no doubled marks, unbalanced pairs, misused words or repeated words in it', () => {
    for (const rule of ['punctuation-pairs', 'punctuation-repeat', 'word-usage', 'repeated-word']) {
      assert.deepStrictEqual(of(r, rule).map((f) => `${lineOf(r, f)}: ${f.message}`), [], rule);
    }
  });

  it('changes only ASCII punctuation into full-width under one pass of the safe fixes, and a second pass has nothing left', () => {
    const fixed = applyFixes(text, safeFixes(r.findings)).text;
    assert.strictEqual(assertOnlyMarksTurnedFullWidth(text, fixed), 115);
    assert.deepStrictEqual(safeFixes(checkText(fixed).findings), []);
  });
});

/**
 * Every finding of the seven rules on the published texts, as `file line rule “text”`.
 * All are half-width marks in Chinese text the sources really have: the `!`
 * before a space in 04 (named by the README), and `(全文)` in the news-site
 * headline of 02.
 */
const EXPECTED_ON_PUBLISHED = [
  '02 1 punctuation-width “(”',
  '02 1 punctuation-width “)”',
  '04 38 punctuation-width “!”',
];

describe('text rules on the published speeches', function () {
  let texts: Array<{ id: string; text: string }>;
  before(function () {
    const dir = requireCorpus(this);
    texts = publishedFiles(dir).map((file) => ({ id: file.replace(/^.*\/(\d+)-.*$/, '$1'), text: readCorpus(dir, file) }));
    assert.strictEqual(texts.length, 10);
  });

  it('stay quiet except on the genuine half-width marks of the sources', () => {
    const found: string[] = [];
    for (const { id, text } of texts) {
      const r = checkText(text);
      assert.deepStrictEqual(r.ruleErrors, []);
      for (const f of r.findings.filter((x) => TEXT_RULES.includes(x.rule))) {
        found.push(`${id} ${lineOf(r, f)} ${f.rule} “${text.slice(f.span.start, f.span.end)}”`);
      }
    }
    assert.deepStrictEqual(found, EXPECTED_ON_PUBLISHED);
  });

  it('find the half-width ! before a space in 04, and fix it alone', () => {
    const { text } = texts.find((x) => x.id === '04')!;
    const r = checkText(text);
    const bang = of(r, 'punctuation-width');
    assert.strictEqual(bang.length, 1);
    assert.match(text.slice(bang[0].span.start - 6, bang[0].span.end + 1), /足够自信! $/);
    const fixed = applyFixes(text, safeFixes(bang)).text;
    assert.strictEqual(assertOnlyMarksTurnedFullWidth(text, fixed), 1);
    assert.match(fixed, /足够自信！ \n/);
  });

  it('change nothing but those marks under their safe fixes', () => {
    for (const { id, text } of texts) {
      const fixed = applyFixes(text, safeFixes(checkText(text).findings.filter((f) => TEXT_RULES.includes(f.rule)))).text;
      const expected = EXPECTED_ON_PUBLISHED.filter((e) => e.startsWith(`${id} `)).length;
      assert.strictEqual(assertOnlyMarksTurnedFullWidth(text, fixed), expected, id);
    }
  });
});
