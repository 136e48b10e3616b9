// Text rules on exact ranges, with characters outside the BMP before the defects,
// and their fixes touching nothing outside their own ranges.

import * as assert from 'assert';
import { applyFixes, checkText, mergeConfig, safeFixes } from '../../server/src/core';

function found(text: string, rule: string): string[] {
  return checkText(text)
    .findings.filter((f) => f.rule === rule)
    .map((f) => text.slice(f.span.start, f.span.end));
}

describe('text rules', () => {
  it('give exact UTF-16 ranges after 𠀀 and emoji on the same line', () => {
    const text = '𠀀😀𠀀测试,占位*个，截止2025年，进一步进一步落实。';
    assert.deepStrictEqual(found(text, 'punctuation-width'), [',']);
    assert.deepStrictEqual(found(text, 'placeholder'), ['*']);
    assert.deepStrictEqual(found(text, 'word-usage'), ['截止']);
    assert.deepStrictEqual(found(text, 'repeated-word'), ['进一步']);
  });

  it('fix punctuation without touching list numbers, decimals, times or URLs', () => {
    const text = '1.开展排查,PM2.5下降;会议10:30开始,详见https://a.gov.cn/x?y=1,z=2。\n2.落实整改!';
    const fixed = applyFixes(text, safeFixes(checkText(text).findings)).text;
    assert.strictEqual(fixed, '1.开展排查，PM2.5下降；会议10:30开始，详见https://a.gov.cn/x?y=1,z=2。\n2.落实整改！');
  });

  it('fix doubled marks by keeping the strongest', () => {
    const text = '工作稳中有进，。继续努力！！';
    assert.strictEqual(applyFixes(text, safeFixes(checkText(text).findings)).text, '工作稳中有进。继续努力！');
  });

  it('remove a residue line with its line break, and only that line', () => {
    const text = '第一段正文。\n本文6元\n第二段正文。';
    const f = checkText(text).findings.find((x) => x.rule === 'web-residue')!;
    assert.strictEqual(applyFixes(text, [f.fixes![0]]).text, '第一段正文。\n第二段正文。');
  });

  it('take placeholder patterns and words from the config', () => {
    const config = mergeConfig({ placeholderPatterns: ['〔待定〕'], wordUsage: [{ wrong: '帐号', right: '账号' }] });
    const r = checkText('时间〔待定〕，请登记帐号。', { config });
    assert.deepStrictEqual(
      r.findings.filter((f) => f.rule === 'placeholder' || f.rule === 'word-usage').map((f) => [f.rule, f.span.start, f.span.end]),
      [
        ['placeholder', 2, 6],
        ['word-usage', 10, 12],
      ],
    );
  });

  it('treat Markdown emphasis as emphasis in a Markdown draft', () => {
    const text = '要**突出重点**，项目*个。';
    const md = checkText(text, { format: 'markdown' }).findings.filter((f) => f.rule === 'placeholder');
    assert.deepStrictEqual(md.map((f) => text.slice(f.span.start, f.span.end)), ['*']);
    assert.strictEqual(checkText(text).findings.filter((f) => f.rule === 'placeholder').length, 3);
  });
});
