// Look-ups that walked a line, a list of regions or a run of marks per question:
// columns for people, suppression comments, heading comparison. Each gives what
// it gave before (the walks are kept here or in test/core/reference as the
// reference), and its work grows with the input, not with its square.

import * as assert from 'assert';
import fc from 'fast-check';
import { buildModel, LineIndex, RULE_IDS, type Finding } from '../../server/src/core';
import { commentParagraphs } from '../../server/src/core/model/build';
import { collectSuppressions, suppressWork } from '../../server/src/core/suppress';
import { normalizeHeading } from '../../server/src/core/text/similarity';
import { fuzzParams } from '../helpers/drafts';
import { referenceCollectSuppressions } from './reference/suppress';

/** The column counted by a walk from the line's start. */
function referenceColumn(lines: LineIndex, offset: number): { line: number; column: number } {
  const pos = lines.positionAt(offset);
  const start = lines.lineStarts[pos.line];
  let column = 1;
  for (let i = start; i < start + pos.character; i++) {
    const c = lines.text.charCodeAt(i);
    // A pair counts once when both its halves lie before the offset; a lone half counts as one.
    const d = lines.text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff && i + 1 < start + pos.character) i++;
    column++;
  }
  return { line: pos.line + 1, column };
}

describe('positions, suppressions and headings in linear time', function () {
  this.timeout(60000);

  it('counts columns as before, surrogate pairs (whole, split and lone) and all line breaks included', () => {
    const text = fc.array(fc.constantFrom('a', '中', '𠀀', '\ud800', '\udc00', '\n', '\r\n', '\r', '，'), { maxLength: 40 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -2, max: 90 }), { maxLength: 10 }), (t, offsets) => {
        const lines = new LineIndex(t);
        for (const o of offsets) assert.deepStrictEqual(lines.humanPosition(o), referenceColumn(lines, o), `${JSON.stringify(t)} at ${o}`);
      }),
      fuzzParams(2000),
    );
  });

  it('reads suppression comments as before', () => {
    const ids = ['placeholder', 'word-usage', 'punctuation-width'];
    const directive = fc
      .tuple(fc.constantFrom('disable-next-line', 'disable-file', 'disable', 'enable'), fc.subarray(ids))
      .map(([d, rules]) => `<!-- speech-draft-${d} ${rules.join(' ')} -->`);
    const line = fc.oneof(directive, fc.constantFrom('我们要抓好落实。', '', '工作，', '<!-- 注释 -->'));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...RULE_IDS)), { maxLength: 30 }), (ls, asks) => {
        const text = ls.join('\n');
        const model = buildModel(text);
        const now = collectSuppressions(model.paragraphs, model.lines);
        const before = referenceCollectSuppressions(model.paragraphs, model.lines);
        for (const [at, rule] of asks) {
          const f = { rule, span: { start: at % (text.length + 1), end: at % (text.length + 1) } } as Finding;
          assert.strictEqual(now.isSuppressed(f), before.isSuppressed(f), `${rule} at ${f.span.start} in ${JSON.stringify(text)}`);
        }
        // What the checker asks: the suppressed of a list in order of start, from the model's comment paragraphs.
        const sorted = asks.map(([at, rule]) => ({ rule, span: { start: at % (text.length + 1), end: at % (text.length + 1) } }) as Finding).sort((a, b) => a.span.start - b.span.start);
        const expected = sorted.flatMap((f, k) => (before.isSuppressed(f) ? [k] : []));
        assert.deepStrictEqual(collectSuppressions(model.paragraphs, model.lines, commentParagraphs(model)).suppressedIn(sorted), expected, JSON.stringify(text));
      }),
      fuzzParams(1000),
    );
  });

  it('asks each suppression in log time, however many comments a draft holds', () => {
    const perFinding = [2000, 8000].map((n) => {
      const text = Array.from({ length: n }, (_, i) => (i % 2 ? `第${i}段，工作。` : `<!-- speech-draft-${i % 4 ? 'disable' : 'enable'} word-usage -->\n<!-- speech-draft-disable-next-line placeholder -->`)).join('\n');
      const model = buildModel(text);
      suppressWork.steps = 0;
      const s = collectSuppressions(model.paragraphs, model.lines);
      for (let i = 0; i < n; i++) s.isSuppressed({ rule: 'placeholder', span: { start: model.lines.lineStarts[i], end: model.lines.lineStarts[i] } } as Finding);
      return suppressWork.steps / n;
    });
    assert.ok(perFinding[1] < perFinding[0] * 2, perFinding.join(', '));
  });

  it('trims a heading’s closing marks as the pattern did, on runs of marks too', () => {
    const s = fc.array(fc.constantFrom('。', '；', '，', '、', '！', '？', '：', '.', '中', ' ', ',', '?', 'a'), { maxLength: 20 }).map((a) => a.join(''));
    const before = (x: string) => x.replace(/\s+/g, '').replace(/[,:;?!()]/g, (c) => ({ ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' })[c]!).replace(/[。；，、！？：.]+$/, '');
    fc.assert(fc.property(s, (x) => assert.strictEqual(normalizeHeading(x), before(x))), fuzzParams(2000));
    // 200,000 commas and a character: the pattern tried every start in the run, each to its end.
    assert.strictEqual(normalizeHeading('，'.repeat(200_000) + '中'), '，'.repeat(200_000) + '中');
  });
});
