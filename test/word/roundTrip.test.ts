// Export and import: a .speech draft exported to Word (server/src/export/)
// and read back with the Word reader gives the same paragraphs and the same
// headings, to the checker (markers and levels) and to Word (outline levels).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildModel, translator } from '../../server/src/core';
import { headingTreeLines } from '../../server/src/cli/outlineCommand';
import { exportDocx } from '../../server/src/export/docx';
import { readDocx } from '../../server/src/word/api';
import { repoRoot } from '../helpers/corpus';

/** A draft with four heading levels, a run-in heading and each part of a speech; written for this test. */
const DRAFT = [
  '在全区农村人居环境整治工作会议上的讲话',
  '（2025年4月10日）',
  '同志们：',
  '　　今天召开这次会议，主要是部署今年的农村人居环境整治工作。下面，我讲两点意见。',
  '一、统一思想，提高认识',
  '　　农村人居环境整治事关群众切身利益，各镇街要切实担起责任。',
  '（一）认清形势任务',
  '　　去年以来，全区完成改厕一千二百户，村容村貌明显改善。',
  '1.成效来之不易',
  '（1）各镇街积极作为',
  '　　第一，要压实属地责任。各镇街主要负责同志要亲自部署、亲自推动。',
  '（二）找准短板弱项',
  '　　有的村长效管护机制不健全，垃圾清运不及时。',
  '二、突出重点，狠抓落实',
  '　　要聚焦垃圾、污水、厕所三大革命，逐村制定整治方案。',
  '　　同志们，让我们以更加扎实的作风，推动各项工作落地见效。谢谢大家！',
].join('\n\n');

/** The paragraphs a reader of the draft sees: its non-blank lines without their leading indent. */
const paragraphsOfText = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.replace(/^[\u3000 ]+/, ''))
    .filter((l) => l !== '');

const t = translator('zh-cn');
/** The heading tree as `outline` prints it, without the counts (the indents of the text are characters too). */
const tree = (text: string) => headingTreeLines(buildModel(text), 200, t).slice(0, -1).map((l) => l.replace(/ {2}\d+ 字，\d+\.\d 分钟$/, ''));

async function roundTrip(text: string, keepOutlineBlock = false) {
  return readDocx(await exportDocx(buildModel(text), { layout: { keepOutlineBlock } }), { file: '导出.docx' });
}

describe('Word export read back', () => {
  it('gives the draft’s paragraphs, its heading tree, and Word headings at the levels of their markers', async () => {
    const back = await roundTrip(DRAFT);
    assert.deepStrictEqual(back.paragraphs.map((p) => back.text.slice(p.start, p.end)), paragraphsOfText(DRAFT));
    assert.deepStrictEqual(tree(back.text), tree(DRAFT));
    assert.deepStrictEqual(tree(DRAFT), ['一、统一思想，提高认识', '  （一）认清形势任务', '    1.成效来之不易', '      （1）各镇街积极作为', '        第一，要压实属地责任', '  （二）找准短板弱项', '二、突出重点，狠抓落实']);
    // A run-in heading (第一，…) is a body paragraph in Word, as the export writes it; the checker still sees it (the tree above).
    const headings = back.paragraphs.filter((p) => p.kind === 'heading').map((p) => [p.level, back.text.slice(p.start, p.end)]);
    assert.deepStrictEqual(headings, [
      [1, '一、统一思想，提高认识'],
      [2, '（一）认清形势任务'],
      [3, '1.成效来之不易'],
      [4, '（1）各镇街积极作为'],
      [2, '（二）找准短板弱项'],
      [1, '二、突出重点，狠抓落实'],
    ]);
  });

  it('the example draft: its 【提纲】 left out by default and kept with keepOutlineBlock, the rest the same', async () => {
    const text = fs.readFileSync(path.join(repoRoot, 'examples', 'clean-draft.speech'), 'utf8');
    const all = paragraphsOfText(text);
    const block = buildModel(text).parts.outlineBlock!.paragraphs.length;
    assert.ok(block > 1 && all[0] === '【提纲】');
    const without = await roundTrip(text);
    assert.deepStrictEqual(without.paragraphs.map((p) => without.text.slice(p.start, p.end)), all.slice(block));
    const kept = await roundTrip(text, true);
    assert.deepStrictEqual(kept.paragraphs.map((p) => kept.text.slice(p.start, p.end)), all);
    assert.deepStrictEqual(tree(without.text), tree(text.split('\n').slice(block).join('\n')));
  });
});
