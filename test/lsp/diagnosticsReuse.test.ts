// The diagnostics of a check made around an edit keep those of the check before only where they
// show the same: a finding given again as the same object keeps its diagnostic before the edit, and
// after it only where its lines are the same, which its offsets alone do not tell (a line break
// typed over another keeps the length and the number of lines).

import * as assert from 'assert';
import { Checker, checkText, translator, type CheckResult, type Finding } from '../../server/src/core';
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

describe('diagnostics given again whole after a same-length edit', () => {
  it('gives the last list itself after a character typed over another inside a line that changes no finding, equal to a fresh one', () => {
    const before = '今天召开全市工作会议,主要任务是总结经验。\n我们要加强组织领导,压实工作责任。\n';
    const after = before.replace('总结', '总括');
    const at = before.indexOf('结');
    const checker = new Checker();
    const first = checker.check(before);
    const second = checker.check(after, [{ start: at, end: at + 1, text: '括' }]);
    assert.ok(first.findings.length >= 2, 'findings to keep');
    const firstList = diagnosticsOf(analysisOf(first, 1), true, t);
    const secondList = diagnosticsOf(analysisOf(second, 2), true, t);
    assert.strictEqual(secondList, firstList);
    assert.deepStrictEqual(secondList, diagnosticsOf(analysisOf(checkText(after), 3), true, t));
  });

  it('makes the list again after a character typed over another inside a line that changes a finding into another, equal to a fresh one', () => {
    const before = '今天召开全市工作会议,主要任务是总结经验。\n我们要加强组织领导,压实工作责任。\n';
    const at = before.indexOf(',');
    // A half-width comma made a half-width semicolon: as many findings, one of them another.
    const after = before.slice(0, at) + ';' + before.slice(at + 1);
    const checker = new Checker();
    const first = checker.check(before);
    const second = checker.check(after, [{ start: at, end: at + 1, text: ';' }]);
    const firstList = diagnosticsOf(analysisOf(first, 1), true, t);
    const secondList = diagnosticsOf(analysisOf(second, 2), true, t);
    assert.strictEqual(secondList.length, firstList.length);
    assert.notDeepStrictEqual(secondList, firstList);
    assert.deepStrictEqual(secondList, diagnosticsOf(analysisOf(checkText(after), 3), true, t));
  });

  it('makes the list again where the edit typed over a line\'s \\r (the same line starts and findings, but the line ends one character later)', () => {
    const before = '甲乙丙\r\n丁戊己\n';
    const after = '甲乙丙丁\n丁戊己\n';
    const checker = new Checker();
    const shown = finding(0, 4, 'to the line end');
    const first: CheckResult = { ...checker.check(before), findings: [shown] };
    const checked = checker.check(after, [{ start: 3, end: 4, text: '丁' }]);
    assert.strictEqual(checked.model.lines.lineStarts, first.model.lines.lineStarts, 'the line starts given again');
    const second: CheckResult = { ...checked, findings: [shown] };
    const firstList = diagnosticsOf(analysisOf(first, 1), true, t);
    const secondList = diagnosticsOf(analysisOf(second, 2), true, t);
    assert.deepStrictEqual(firstList[0].range.end, { line: 0, character: 3 });
    assert.deepStrictEqual(secondList[0].range.end, { line: 0, character: 4 });
  });
});
