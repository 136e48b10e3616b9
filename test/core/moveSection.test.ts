// Moving sections: blocks swap, blank lines stay in place, each list's numbers
// follow in its own form (full-width digits stay full-width), nothing outside
// the siblings changes.

import * as assert from 'assert';
import { applyEdits, buildModel, moveSectionEdit, type MoveOutcome, type MoveTarget } from '../../server/src/core';

function outcome(text: string, heading: string, to: 'up' | 'down' | string): MoveOutcome {
  const at = (h: string) => {
    const i = text.indexOf(h);
    assert.ok(i >= 0, `no “${h}” in the draft`);
    return i;
  };
  const target: MoveTarget = to === 'up' || to === 'down' ? to : { offset: at(to) };
  return moveSectionEdit(buildModel(text), at(heading), target);
}

function move(text: string, heading: string, to: 'up' | 'down' | string): string {
  const o = outcome(text, heading, to);
  assert.strictEqual(o.kind, 'moved', JSON.stringify(o));
  return applyEdits(text, [(o as Extract<MoveOutcome, { kind: 'moved' }>).edit]);
}

/** The markers of the lines that start with one, in order. */
const markersOf = (text: string, re: RegExp) => text.split(/\r?\n/).flatMap((l) => re.exec(l)?.[0] ?? []);

describe('moving sections', () => {
  const draft = '同志们：\n\n一、认清形势\n\n形势严峻。\n\n二、狠抓落实\n\n要落实。\n\n三、强化保障\n\n要保障。\n';

  it('moves a section down, keeps the blank lines where they were, and renumbers', () => {
    assert.strictEqual(move(draft, '一、认清形势', 'down'), '同志们：\n\n一、狠抓落实\n\n要落实。\n\n二、认清形势\n\n形势严峻。\n\n三、强化保障\n\n要保障。\n');
  });
  it('moves the last section to the top, leaving what follows the sections untouched', () => {
    const text = draft + '\n同志们，让我们共同努力！\n';
    assert.strictEqual(
      move(text, '三、强化保障', '一、认清形势'),
      '同志们：\n\n一、强化保障\n\n要保障。\n\n二、认清形势\n\n形势严峻。\n\n三、狠抓落实\n\n要落实。\n\n同志们，让我们共同努力！\n',
    );
  });
  it('keeps CRLF line endings', () => {
    const crlf = draft.replace(/\n/g, '\r\n');
    assert.strictEqual(move(crlf, '二、狠抓落实', 'down'), '同志们：\r\n\r\n一、认清形势\r\n\r\n形势严峻。\r\n\r\n二、强化保障\r\n\r\n要保障。\r\n\r\n三、狠抓落实\r\n\r\n要落实。\r\n');
  });
  it('keeps a last line without a line break without one', () => {
    const open = draft.slice(0, -1);
    assert.strictEqual(move(open, '三、强化保障', 'up'), '同志们：\n\n一、认清形势\n\n形势严峻。\n\n二、强化保障\n\n要保障。\n\n三、狠抓落实\n\n要落实。');
  });

  it('renumbers each kind of marker in its own form', () => {
    // 二、 moved down is 三、; （十） moved down is （十一）; 2. moved up is 1.; ③ moved to the top is ①; 其次 moved up is 首先, and 最后 stays last.
    assert.deepStrictEqual(markersOf(move(draft, '二、狠抓落实', 'down'), /^[一二三]、/), ['一、', '二、', '三、']);
    assert.ok(move(draft, '二、狠抓落实', 'down').includes('三、狠抓落实'));
    const paren = '一、总体要求\n\n' + ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'].map((n) => `（${n}）第${n}项任务\n\n内容。\n`).join('\n');
    assert.ok(move(paren, '（十）第十项任务', 'down').includes('（十一）第十项任务\n\n内容。\n'));
    assert.ok(move(paren, '（十）第十项任务', 'down').includes('（十）第十一项任务'));
    const arabic = '一、总体要求\n\n（一）工作目标\n\n1.稳增长\n\n2.促改革\n';
    assert.ok(move(arabic, '2.促改革', 'up').includes('1.促改革\n\n2.稳增长'));
    const circled = '一、总体要求\n\n（一）工作目标\n\n1.稳增长\n\n①抓投资\n\n②抓消费\n\n③抓外贸\n';
    assert.ok(move(circled, '③抓外贸', '①抓投资').includes('①抓外贸\n\n②抓投资\n\n③抓消费'));
    const words = '一、狠抓落实\n\n首先，要查隐患。\n\n其次，要强值守。\n\n最后，要严问责。\n';
    assert.strictEqual(move(words, '其次，要强值守', 'up'), '一、狠抓落实\n\n首先，要强值守。\n\n其次，要查隐患。\n\n最后，要严问责。\n');
    assert.strictEqual(move(words, '其次，要强值守', 'down'), '一、狠抓落实\n\n首先，要查隐患。\n\n其次，要严问责。\n\n最后，要强值守。\n');
  });

  it('keeps full-width digits full-width', () => {
    const wide = '一、总体要求\n\n（一）工作目标\n\n１．稳增长\n\n２．促改革\n\n３．惠民生\n';
    assert.strictEqual(move(wide, '２．促改革', 'down'), '一、总体要求\n\n（一）工作目标\n\n１．稳增长\n\n２．惠民生\n\n３．促改革\n');
    assert.strictEqual(move(wide, '２．促改革', 'up'), '一、总体要求\n\n（一）工作目标\n\n１．促改革\n\n２．稳增长\n\n３．惠民生\n');
  });

  it('carries a section’s sub-items along, their numbers as they were', () => {
    const nested = '一、认清形势\n\n（一）看成绩\n\n（二）看问题\n\n二、狠抓落实\n\n要落实。\n';
    assert.strictEqual(move(nested, '一、认清形势', 'down'), '一、狠抓落实\n\n要落实。\n\n二、认清形势\n\n（一）看成绩\n\n（二）看问题\n');
  });

  it('moves nothing past either end, and refuses what cannot move', () => {
    assert.deepStrictEqual(outcome(draft, '一、认清形势', 'up'), { kind: 'none' });
    assert.deepStrictEqual(outcome(draft, '三、强化保障', 'down'), { kind: 'none' });
    assert.deepStrictEqual(outcome(draft, '形势严峻', 'down'), { kind: 'none' });
    const nested = '一、认清形势\n\n（一）看成绩\n\n（二）看问题\n\n二、狠抓落实\n\n要落实。\n';
    assert.deepStrictEqual(outcome(nested, '（二）看问题', '二、狠抓落实'), { kind: 'refused', reason: 'not-sibling' });
    const inline = '一、狠抓落实\n\n一是抓投资，二是抓消费，三是抓外贸。\n';
    assert.deepStrictEqual(outcome(inline, '二是抓消费', 'up'), { kind: 'refused', reason: 'own-line' });
  });

  it('keeps a byte order mark first', () => {
    const bom = '\ufeff一、认清形势\n\n形势严峻。\n\n二、狠抓落实\n\n要落实。\n';
    assert.strictEqual(move(bom, '二、狠抓落实', 'up'), '\ufeff一、狠抓落实\n\n要落实。\n\n二、认清形势\n\n形势严峻。\n');
  });
});
