// The diagnostics of a check made around an edit keep those of the check before only where they
// show the same: a finding given again as the same object keeps its diagnostic before the edit, and
// after it only where its lines are the same, which its offsets alone do not tell (a line break
// typed over another keeps the length and the number of lines).

import * as assert from 'assert';
import { checkText, translator, type CheckResult, type Finding } from '../../server/src/core';
import type { Analysis } from '../../server/src/server/analysis';
import { diagnosticsOf } from '../../server/src/server/diagnostics';

const t = translator('en');

/** An analysis of `result` for one document (only what the diagnostics read). */
const analysisOf = (result: CheckResult, version: number): Analysis => ({ uri: 'untitled:reuse.txt', version, text: result.model.text, result, checked: result } as unknown as Analysis);

const finding = (start: number, end: number, message: string): Finding => ({ rule: 'punctuation-width', severity: 'warning', span: { start, end }, message });

/** The check of `before` with `findings`, then that of `after` (`before` with [start, oldEnd) replaced) with `findingsAfter`, made around the edit. */
function twoChecks(before: string, findings: Finding[], after: string, edit: { start: number; oldEnd: number; newEnd: number }, findingsAfter: Finding[]) {
  const first: CheckResult = { ...checkText(before), findings };
  const firstList = diagnosticsOf(analysisOf(first, 1), true, t);
  const second: CheckResult = { ...checkText(after), findings: findingsAfter, edited: { previous: first.model, edit, movedFrom: new WeakMap() } };
  return { firstList, secondList: diagnosticsOf(analysisOf(second, 2), true, t) };
}

describe('diagnostics kept over an edit', () => {
  // 甲乙丙 / 丁戊己 / 庚辛壬: "\n丁" typed over with "丁\n" moves the first line break by one character.
  const before = '甲乙丙\n丁戊己\n庚辛壬\n';
  const after = '甲乙丙丁\n戊己\n庚辛壬\n';
  const edit = { start: 3, oldEnd: 5, newEnd: 5 };

  it('keeps the diagnostic of the same finding before the edit and on the lines after the one it ends on', () => {
    const early = finding(0, 1, 'early');
    const late = finding(9, 10, 'late');
    const { firstList, secondList } = twoChecks(before, [early, late], after, edit, [early, late]);
    assert.strictEqual(secondList[0], firstList[0]);
    assert.strictEqual(secondList[1], firstList[1]);
    assert.deepStrictEqual(secondList[1].range, { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } });
  });

  it('makes again the diagnostic of the same finding, at the same offsets, on the line the edit ends on (its character moved)', () => {
    // 戊 at offset 5 before and after: line 1, character 1 before; line 1, character 0 after.
    const same = finding(5, 6, 'same offsets');
    const { firstList, secondList } = twoChecks(before, [same], after, edit, [same]);
    assert.deepStrictEqual(firstList[0].range.start, { line: 1, character: 1 });
    assert.notStrictEqual(secondList[0], firstList[0]);
    assert.deepStrictEqual(secondList[0].range, { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } });
  });

  it('makes again the diagnostic of the same finding where the edit changed the length (its offsets are no longer the text\'s)', () => {
    // 甲 typed in at offset 1: offset 10 is 壬 (line 2, character 2) before, 辛 (line 2, character 1) after.
    const late = finding(10, 11, 'late');
    const { firstList, secondList } = twoChecks(before, [late], '甲甲乙丙\n丁戊己\n庚辛壬\n', { start: 1, oldEnd: 1, newEnd: 2 }, [late]);
    assert.deepStrictEqual(firstList[0].range.start, { line: 2, character: 2 });
    assert.notStrictEqual(secondList[0], firstList[0]);
    assert.deepStrictEqual(secondList[0].range, { start: { line: 2, character: 1 }, end: { line: 2, character: 2 } });
  });
});
