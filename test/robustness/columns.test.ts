// The command line's columns (code points from the line start) for all the
// findings of a file take one pass over the lines they fall on: thousands of
// findings on one long line cost the line once, not once per finding. Checked
// by counting the code units stepped over, and against a plain count.

import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex, type Finding } from '../../server/src/core';
import { toJsonFindings } from '../../server/src/cli/output';

/** The plain count: code points of the line before the offset (clamped to the line's end, as positions are), plus one. */
function naive(lines: LineIndex, offset: number): { line: number; column: number } {
  const pos = lines.positionAt(offset);
  const start = lines.lineStarts[pos.line];
  return { line: pos.line + 1, column: [...lines.text.slice(start, start + pos.character)].length + 1 };
}

describe('columns of the command line', () => {
  it('equal the plain count for any text and offsets (astral characters, lone surrogates, \\r\\n, \\r)', () => {
    const piece = fc.constantFrom('同', 'a', '𠀀', '😀', '\uD800', '\uDC00', '\n', '\r\n', '\r', ',', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 30 }), (pieces, raw) => {
        const text = pieces.join('');
        const lines = new LineIndex(text);
        const offsets = raw.map((n) => n % (text.length + 2));
        const expected = offsets.map((o) => naive(lines, o));
        assert.deepStrictEqual(lines.humanPositions(offsets), expected);
        offsets.forEach((o, i) => assert.deepStrictEqual(lines.humanPosition(o), expected[i]));
      }),
      { seed: 11, numRuns: 3000 },
    );
  });

  it('step over each code unit of a long line once, however many findings it holds', () => {
    const unit = '同志们,😀';
    const work = (findings: number) => {
      const text = unit.repeat(findings) + '\n';
      const lines = new LineIndex(text);
      const spans = Array.from({ length: findings }, (_, i) => ({ start: i * unit.length + 3, end: i * unit.length + 4 }));
      const counted = { steps: 0 };
      const batch = lines.humanPositions.bind(lines);
      lines.humanPositions = (offsets) => batch(offsets, counted);
      lines.humanPosition = () => assert.fail('one offset at a time is the quadratic path');
      const findingsOf = spans.map((span): Finding => ({ rule: 'punctuation-width', severity: 'warning', message: 'm', span }));
      const json = toJsonFindings([{ file: 'd.txt', lines, findings: findingsOf }]);
      assert.strictEqual(json[findings - 1].column, (findings - 1) * [...unit].length + 4);
      return { steps: counted.steps, length: text.length };
    };
    for (const n of [1000, 4000, 16000]) {
      const { steps, length } = work(n);
      assert.ok(steps <= length, `${n} findings: ${steps} steps on a line of ${length}`);
    }
  });
});
