// The text rules on real text: the model address (a real, imperfect draft),
// and the published corpora, where their findings are exactly the accepted ones
// of test/fixtures/corpus-accepted.json (test/core/corpusAccepted.test.ts) and
// their safe fixes touch those lines only, each mark turning into its twin.
// Skipped where the corpus is absent.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { applyFixes, checkText, safeFixes, type CheckResult, type Finding } from '../../server/src/core';
import { readCorpus, repoRoot, requireCorpus } from '../helpers/corpus';

const TEXT_RULES = ['punctuation-width', 'punctuation-pairs', 'punctuation-repeat', 'stray-space', 'placeholder', 'web-residue', 'word-usage', 'repeated-word'];
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

  it('reports every ASCII , : ; ( ) once: as punctuation-width, inside a marker as numbering-style, or inside download-site residue', () => {
    const width = of(r, 'punctuation-width');
    assert.strictEqual(lineOf(r, width[0]), 1);
    assert.strictEqual(width.length, 104);
    const elsewhere = [...of(r, 'numbering-style'), ...of(r, 'web-residue')].map((f) => f.span);
    const widthAt = new Set(width.map((f) => f.span.start));
    for (const f of width) assert.strictEqual(f.span.end - f.span.start, 1);
    for (let i = 0; i < text.length; i++) {
      if (!(text[i] in FULL_WIDTH_TWIN)) continue;
      const inside = elsewhere.some((s) => i >= s.start && i < s.end);
      assert.ok(widthAt.has(i) !== inside, `offset ${i} (line ${r.model.lines.positionAt(i).line + 1}): reported ${widthAt.has(i) ? 'twice' : 'never'}`);
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
    assert.strictEqual(assertOnlyMarksTurnedFullWidth(text, fixed), 109);
    assert.deepStrictEqual(safeFixes(checkText(fixed).findings), []);
  });
});

interface Accepted {
  file: string;
  line: number | number[];
  rule: string;
}

/** What a safe fix of the text rules may do to the published texts: a mark into its twin, a doubled mark into one, an invisible character out. */
function allowedEdit(before: string, after: string): boolean {
  if (FULL_WIDTH_TWIN[before] === after) return true;
  const pairs: Record<string, string> = { '"': '“”', "'": '‘’', '「': '“‘', '」': '”’', '『': '“‘', '』': '”’', '.': '。', '○': '〇' };
  if (before.length === 1 && pairs[before]?.includes(after)) return true;
  // A doubled mark (，，) keeps one.
  if (before.length > 1 && after.length === 1 && [...before].every((c) => '，、；：。？！'.includes(c)) && before.includes(after)) return true;
  return after === '' && /^[\u200b-\u200f\u2060\ufeff\u00ad \u3000]+$/.test(before);
}

describe('safe fixes of the text rules on the published corpora', function () {
  it('touch only the lines of accepted findings, each mark turning into its twin or an invisible character going, and settle', function () {
    const dir = requireCorpus(this);
    const list = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'corpus-accepted.json'), 'utf8')) as { accepted: Accepted[] };
    const accepted = new Set(list.accepted.flatMap((e) => [e.line].flat().map((line) => `${e.file}:${line}:${e.rule}`)));
    let edits = 0;
    for (const sub of ['published', 'published-more']) {
      for (const name of fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith('.txt'))) {
        const file = `${sub}/${name}`;
        const text = readCorpus(dir, file);
        const r = checkText(text);
        const findings = r.findings.filter((f) => TEXT_RULES.includes(f.rule));
        for (const f of findings) {
          for (const e of f.fixes?.find((x) => x.safe)?.edits ?? []) {
            edits++;
            const key = `${file}:${lineOf(r, f)}:${f.rule}`;
            assert.ok(accepted.has(key), `${key}: a safe fix where no finding is accepted`);
            assert.ok(allowedEdit(text.slice(e.start, e.end), e.newText), `${key}: “${text.slice(e.start, e.end)}” → “${e.newText}”`);
          }
        }
        const fixed = applyFixes(text, safeFixes(findings)).text;
        assert.deepStrictEqual(safeFixes(checkText(fixed).findings.filter((f) => TEXT_RULES.includes(f.rule))).map((f) => f.title), [], `${file}: a second pass`);
      }
    }
    assert.ok(edits > 300, `only ${edits} safe edits: the corpus holds the 2014 text's ASCII marks, the 1957 report's 「」 and its U+200B lines`);
  });
});
