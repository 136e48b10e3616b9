// applyFixes against the straightforward implementation it replaced (each fix
// tested against every taken edit), on random fixes; and its work, counted on
// growing inputs, grows as n log n, not n².

import * as assert from 'assert';
import fc from 'fast-check';
import { applyEdits, applyFixes, type Fix, type TextEdit } from '../../server/src/core';
import { fixWork } from '../../server/src/core/fixes';
import { fuzzParams } from '../helpers/drafts';

/** The reference: what applyFixes did before, kept verbatim in spirit (quadratic, obviously right). */
function referenceApply(text: string, fixes: readonly Fix[]): { text: string; applied: Fix[]; skipped: Fix[] } {
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.start < b.end && b.start < a.end ? true : a.start === b.start && (a.start === a.end || b.start === b.end);
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  for (const fix of fixes) {
    const valid = fix.edits.every((e) => e.start >= 0 && e.end <= text.length && e.start <= e.end);
    const conflict = fix.edits.some((e, i) => taken.some((t) => overlaps(t, e)) || fix.edits.some((o, j) => j !== i && overlaps(o, e)));
    if (!valid || conflict || fix.edits.length === 0) {
      skipped.push(fix);
      continue;
    }
    taken.push(...fix.edits);
    applied.push(fix);
  }
  return { text: applyEdits(text, taken), applied, skipped };
}

const edit = (max: number) =>
  fc
    .tuple(fc.integer({ min: -1, max: max + 1 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('', '，', '甲乙', '𠀀'))
    .map(([start, length, newText]): TextEdit => ({ start, end: start + (length === 3 ? 0 : length), newText }));

const fixesFor = (len: number) =>
  fc.array(
    fc.array(edit(len), { maxLength: 4 }).map((edits): Fix => ({ title: 'fix', edits, safe: true })),
    { maxLength: 25 },
  );

describe('applyFixes', function () {
  this.timeout(60000);

  it('takes and skips exactly what the straightforward implementation does, in the same order', () => {
    const input = fc
      .string({ maxLength: 30 })
      .chain((text) => fc.tuple(fc.constant(text), fixesFor(text.length), fc.array(fc.nat(), { maxLength: 4 })));
    fc.assert(
      fc.property(input, ([text, fixes, repeats]) => {
        // The same fix offered twice (a list's renumbering is shared by its findings).
        const offered = [...fixes];
        for (const r of repeats) if (fixes.length) offered.push(fixes[r % fixes.length]);
        const got = applyFixes(text, offered);
        const want = referenceApply(text, offered);
        assert.strictEqual(got.text, want.text);
        assert.deepStrictEqual(
          got.applied.map((f) => offered.indexOf(f)),
          want.applied.map((f) => offered.indexOf(f)),
        );
        assert.deepStrictEqual(
          got.skipped.map((f) => offered.indexOf(f)),
          want.skipped.map((f) => offered.indexOf(f)),
        );
      }),
      fuzzParams(2000),
    );
  });

  it('keeps the rules it always had: an insertion at a point another takes, inside a replacement or at its start conflicts; at its end it does not', () => {
    const text = '一二三四五六';
    const fix = (...edits: Array<[number, number, string]>): Fix => ({ title: '', safe: true, edits: edits.map(([start, end, newText]) => ({ start, end, newText })) });
    const replace = fix([1, 3, 'X']);
    const cases: Array<[Fix, boolean]> = [
      [fix([3, 3, '+']), true], // at the end of the replacement
      [fix([1, 1, '+']), false], // at its start
      [fix([2, 2, '+']), false], // inside
      [fix([3, 5, 'Y']), true], // right after it
      [fix([2, 4, 'Y']), false], // overlapping
      [fix([0, 0, '+'], [5, 6, 'Z']), true],
      [fix([4, 4, 'a'], [4, 4, 'b']), false], // its own edits at one point
      [fix([4, 5, 'a'], [5, 5, 'b']), true],
    ];
    for (const [other, taken] of cases) {
      const r = applyFixes(text, [replace, other]);
      assert.strictEqual(r.applied.includes(other), taken, JSON.stringify(other.edits));
      assert.deepStrictEqual(r, referenceApply(text, [replace, other]));
    }
  });

  it('does work that grows as n log n on growing inputs (a draft of half-width commas, with conflicting fixes among them)', () => {
    const perNLogN = [1000, 4000, 16000].map((n) => {
      const text = '我们,'.repeat(n);
      const fixes: Fix[] = [];
      for (let i = 0; i < n; i++) {
        const at = 3 * i + 2;
        fixes.push({ title: '', safe: true, edits: [{ start: at, end: at + 1, newText: '，' }] });
        // Every fourth comma also has a fix over it and the character before (a conflict, skipped).
        if (i % 4 === 0) fixes.push({ title: '', safe: true, edits: [{ start: at - 1, end: at + 1, newText: '' }] });
      }
      fixWork.steps = 0;
      const r = applyFixes(text, fixes);
      assert.strictEqual(r.applied.length, n);
      return fixWork.steps / (fixes.length * Math.log2(fixes.length));
    });
    // The same steps per n log n at each size (n² would multiply them by 4 at each step).
    assert.ok(perNLogN[2] < perNLogN[0] * 1.5, perNLogN.map((x) => x.toFixed(2)).join(', '));
  });
});
