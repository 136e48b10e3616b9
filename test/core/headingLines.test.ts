// A heading line ending in a comma, its body on the next line, in a draft
// without blank lines (issue 12): the heading stands alone (heading-style
// reports its mark) instead of being joined with its body as a hard-wrapped
// line, while lines truly wrapped at a comma still join.

import * as assert from 'assert';
import { checkText, type CheckResult } from '../../server/src/core';
import { readFixture } from '../helpers/fixtures';

function outline(r: CheckResult): string[] {
  const out: string[] = [];
  const walk = (items: typeof r.model.roots, depth: number) => {
    for (const item of items) {
      out.push('  '.repeat(depth) + r.model.text.slice(item.heading.start, item.heading.end));
      walk(item.children, depth + 1);
    }
  };
  walk(r.model.roots, 0);
  return out;
}

const linesOf = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => r.model.lines.positionAt(f.span.start).line + 1);

describe('a heading ending in a comma before its body (no blank lines)', () => {
  it('stands alone: in the outline, its mark reported by heading-style', () => {
    const r = checkText(readFixture('paragraphs/heading-comma.txt'));
    assert.deepStrictEqual(outline(r), ['坚持系统谋划，', '  聚焦重点任务，', '  压实部门责任、', '聚焦企业需求，', '强化督查考核,']);
    assert.deepStrictEqual(linesOf(r, 'heading-style'), [4, 6, 8, 10, 12]);
    // The bodies are paragraphs of their own, as in the draft.
    assert.ok(r.model.paragraphs.some((p) => p.text.startsWith('营商环境是一个地方的核心竞争力。')));
  });

  it('leaves lines wrapped at a comma joined: prose, a run-in heading, an item wrapped at a width, 一、二季度', () => {
    const r = checkText(readFixture('paragraphs/heading-comma.clean.txt'));
    const texts = r.model.paragraphs.map((p) => p.text);
    for (const joined of [
      // A run-in heading with a sentence end, wrapped at a comma.
      '一、抓好粮食生产。今年全县粮食播种面积要稳定在五十八万亩，\n各乡镇要把目标任务分解到村、到户，确保只增不减。',
      // An item hard-wrapped at a width: the next line no longer than its first.
      '（一）加强组织领导，各乡镇要成立工作专班，\n由主要负责同志任组长，分管负责同志具体抓，\n确保各项任务落实到位。',
      // Running text whose next line opens with 一、 that is no marker.
      '从气象部门的预测看，今年的旱情可能集中在上半年，\n一、二季度降水偏少，各地要提前做好抗旱准备。',
      '各乡镇要加强农资市场巡查，严厉打击坑农害农行为，\n确保农民用上放心农资。',
    ]) {
      assert.ok(texts.includes(joined), `joined: ${joined}`);
    }
    assert.deepStrictEqual(linesOf(r, 'heading-style'), []);
    assert.deepStrictEqual(outline(r).filter((h) => !h.startsWith(' ')), ['抓好粮食生产', '抓好农资供应']);
  });
});
