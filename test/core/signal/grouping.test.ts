// A paragraph's many half-width marks are one finding with a fix for the
// paragraph; three or fewer stay findings of their own; the typography of a
// download site's line is not reported apart, its placeholders are.

import * as assert from 'assert';
import { applyFixes, checkText, groupFindings, markCount, translator, ungrouped, type Finding } from '../../../server/src/core';
import { lineOf, MARKS_DRAFT } from '../../helpers/signalDrafts';

const t = translator('zh-cn');

const DRAFT = MARKS_DRAFT;

function grouped(text = DRAFT): { raw: Finding[]; shown: Finding[] } {
  const r = checkText(text);
  return { raw: r.findings, shown: groupFindings(r.findings, r.model, t) };
}


describe('grouping a paragraph’s half-width marks', () => {
  it('makes one finding of four marks in a paragraph, keeping each as a member, with a safe fix for the paragraph', () => {
    const { raw, shown } = grouped();
    const width = shown.filter((f) => f.rule === 'punctuation-width');
    const group = width.find((f) => lineOf(DRAFT, f.span.start) === 4)!;
    assert.ok(group, 'a finding on the paragraph of four commas');
    assert.strictEqual(group.message, '本段有 4 处半角标点（,），应改为全角。');
    assert.strictEqual(group.members!.length, 4);
    assert.deepStrictEqual(group.span, group.members![0].span, 'underlined at its first mark only');
    assert.strictEqual(width.filter((f) => lineOf(DRAFT, f.span.start) === 4).length, 1);
    // Its members are exactly the checker's findings of that paragraph.
    const rawThere = raw.filter((f) => f.rule === 'punctuation-width' && lineOf(DRAFT, f.span.start) === 4);
    assert.deepStrictEqual(group.members, rawThere);
    const fix = group.fixes![0];
    assert.strictEqual(fix.title, '本段 4 处改为全角');
    assert.ok(fix.safe);
    const fixed = applyFixes(DRAFT, [fix]).text;
    assert.strictEqual(fixed.split('\n')[4], '今天召开会议，主要是总结工作，分析形势，部署任务，请大家抓好落实。');
    assert.strictEqual(fixed.split('\n').filter((_, i) => i !== 4).join('\n'), DRAFT.split('\n').filter((_, i) => i !== 4).join('\n'));
  });

  it('leaves three marks in a paragraph as three findings', () => {
    const { shown } = grouped();
    const there = shown.filter((f) => f.rule === 'punctuation-width' && lineOf(DRAFT, f.span.start) === 8);
    assert.strictEqual(there.length, 3);
    assert.ok(there.every((f) => !f.members));
  });

  it('drops the typography inside text to remove, never the placeholder beside it or the residue finding', () => {
    const r = checkText(DRAFT);
    const onResidue = (list: Finding[]) => list.filter((f) => lineOf(DRAFT, f.span.start) === 12).map((f) => f.rule);
    // The text rules skip download-site residue themselves (issue 13): its half-width marks are not reported.
    assert.deepStrictEqual(onResidue(r.findings).sort(), ['placeholder', 'web-residue']);
    // A typography finding inside it, as another rule may give, is dropped here.
    const residue = r.findings.find((f) => f.rule === 'web-residue')!;
    const inside: Finding = { rule: 'punctuation-width', severity: 'warning', span: { start: residue.span.start + 2, end: residue.span.start + 3 }, message: '(' };
    const raw = [...r.findings, inside].sort((a, b) => a.span.start - b.span.start);
    const shown = groupFindings(raw, r.model, t);
    assert.ok(!shown.includes(inside));
    assert.deepStrictEqual([...new Set(onResidue(shown))].sort(), ['placeholder', 'web-residue']);
  });

  it('counts every mark and gives back the findings as checked', () => {
    const { raw, shown } = grouped();
    const rawWidth = raw.filter((f) => f.rule === 'punctuation-width' && lineOf(DRAFT, f.span.start) !== 12);
    const shownWidth = shown.filter((f) => f.rule === 'punctuation-width');
    assert.strictEqual(shownWidth.reduce((n, f) => n + markCount(f), 0), rawWidth.length);
    assert.deepStrictEqual(
      ungrouped(shown).filter((f) => f.rule === 'punctuation-width'),
      rawWidth,
    );
    // In order of start, as the checker gives them.
    for (let i = 1; i < shown.length; i++) assert.ok(shown[i - 1].span.start <= shown[i].span.start);
  });

  it('groups per paragraph: marks of two paragraphs never make one finding', () => {
    const text = '会议,工作,形势\n\n任务,落实,考核';
    const { shown } = grouped(text);
    assert.strictEqual(shown.filter((f) => f.rule === 'punctuation-width').length, 4);
    const joined = grouped('会议,工作,形势,任务,落实,考核').shown.filter((f) => f.rule === 'punctuation-width');
    assert.strictEqual(joined.length, 1);
    assert.strictEqual(joined[0].members!.length, 5);
  });
});
