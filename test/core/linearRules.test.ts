// The rules whose overlap tests were quadratic (each finding checked against
// every earlier one, every open mark scanned at each closing mark): they find
// exactly what the old ways find (kept in test/core/reference, with the rules'
// own patterns) on random drafts, and on a paragraph of one finding repeated,
// doubling the paragraph at most about doubles their work; so does finding and
// widening download-site residue.

import * as assert from 'assert';
import fc from 'fast-check';
import { checkText, mergeConfig, type Rule } from '../../server/src/core';
import type { RuleSpec } from '../../server/src/core/rules/types';
import { pairWork, punctuationPairs } from '../../server/src/core/rules/punctuationPairs';
import { placeholder } from '../../server/src/core/rules/placeholder';
import { webResidue } from '../../server/src/core/rules/webResidue';
import { wordUsage } from '../../server/src/core/rules/wordUsage';
import { residueWork } from '../../server/src/core/residue/residue';
import { spanWork } from '../../server/src/core/text/spans';
import { fuzzParams } from '../helpers/drafts';
import { numberingStyle } from '../../server/src/core/rules/numberingStyle';
import { outlineConsistency } from '../../server/src/core/rules/outlineConsistency';
import { referenceNumberingStyle } from './reference/numberingStyle';
import { referenceOutlineConsistency } from './reference/outlineConsistency';
import { referencePlaceholder } from './reference/placeholder';
import { referencePunctuationPairs } from './reference/punctuationPairs';
import { referenceWordUsage } from './reference/wordUsage';

const config = mergeConfig({
  placeholderPatterns: ['某某单位', '〔待定〕', 'X年'],
  wordUsage: [
    { wrong: '其它工作', right: '其他工作' },
    { wrong: '截止', right: '截至' },
  ],
});

function found(rule: RuleSpec, text: string, format: 'text' | 'markdown' = 'text'): unknown[] {
  const r = checkText(text, { rules: [rule as Rule], config, format });
  assert.deepStrictEqual(r.ruleErrors, []);
  return r.findings;
}

const pairs: Array<[string, Rule, RuleSpec]> = [
  ['placeholder', placeholder, referencePlaceholder],
  ['word-usage', wordUsage, referenceWordUsage],
  ['punctuation-pairs', punctuationPairs, referencePunctuationPairs],
];

describe('rules with linear overlap tests', function () {
  this.timeout(120000);

  it('find what they found before, on random drafts', () => {
    const pieces = [
      ...'某某XX×〇□○_*＊“”‘’（）()《》【】〔〕〝〞「」', '其它', '其它工作', '截止', '截止目前', '二零二五年', '4千', '再接再励', '某某单位', '〔待定〕', '20X年', 'X月X日',
      '点击下载全文', '此处省略300字', '文库', '某某范文网', 'www.example.com', 'https://gov.cn/a', '（文鼎文库）', '……（预览结束）……', '10积分下载', '阅读全文',
      '我们要', '工作。', '，', '1)', 'a) ', ' ', '\n', '\n\n', '𠀀', '**强调**', '* 列表', '](x)',
    ];
    const draft = fc.array(fc.constantFrom(...pieces), { maxLength: 50 }).map((a) => a.join(''));
    fc.assert(
      fc.property(draft, fc.constantFrom<'text' | 'markdown'>('text', 'markdown'), (text, format) => {
        for (const [name, rule, reference] of pairs) assert.deepStrictEqual(found(rule, text, format), found(reference, text, format), `${name} on ${JSON.stringify(text)}`);
      }),
      fuzzParams(400),
    );
  });

  // announced-count, heading-style and speech-structure are left out: issue 12
  // changed what they find (a speaker's count with no list after it, no safe
  // removal of a heading's end mark, no findings on a text that is no speech);
  // their fixtures and the corpus allow-list say what they find now.
  it('structure rules find what they found before, on random drafts of headings, lists, announcements and a 【提纲】', () => {
    const structure: Array<[string, Rule, RuleSpec]> = [
      ['outline-consistency', outlineConsistency, referenceOutlineConsistency],
      ['numbering-style', numberingStyle, referenceNumberingStyle],
    ];
    const lines = [
      '在全县工作会议上的讲话', '同志们：', '【提纲】一、抓好落实。二、加强领导。', '【提纲】', '下面，我讲三点意见。', '我强调两点。', '围绕以下四个方面：',
      '一、抓好落实', '二、加强领导。', '三、改进作风，', '（一）统一思想', '（二）明确责任。', '1.建立台账', '2、细化措施', '首先，要学习。', '其次，要落实。', '第三，要检查。', '最后，要总结。',
      '一是抓学习，二是抓落实。', '——坚持标准。', '要抓好落实工作，确保取得实效。', '同志们，让我们共同努力！', '谢谢大家！', '<!-- 注释 -->', '',
    ];
    const draft = fc.array(fc.constantFrom(...lines), { maxLength: 30 }).map((a) => a.join('\n'));
    fc.assert(
      fc.property(draft, (text) => {
        for (const [name, rule, reference] of structure) assert.deepStrictEqual(found(rule, text), found(reference, text), `${name} on ${JSON.stringify(text)}`);
      }),
      fuzzParams(500),
    );
  });

  it('do work in proportion to a paragraph of one finding repeated', () => {
    const shapes: Array<[string, Rule, { steps: number }, (n: number) => string]> = [
      ['其它 repeated', wordUsage, spanWork, (n) => '我们' + '其它'.repeat(n / 2) + '。'],
      ['其它 and a configured word over it', wordUsage, spanWork, (n) => '其它工作，'.repeat(n / 5)],
      ['某某 repeated', placeholder, spanWork, (n) => '请' + '某某'.repeat(n / 2) + '同志'],
      ['placeholders of several kinds', placeholder, spanWork, (n) => '××某某〔〕20X年'.repeat(n / 10)],
      ['点击下载全文 repeated', webResidue, residueWork, (n) => '工作' + '点击下载全文'.repeat(n / 6)],
      ['bracketed residue repeated', webResidue, residueWork, (n) => '工作' + '（青松文库www.qs.com此处省略9字）'.repeat(n / 25)],
      ['notices in one long sentence', webResidue, residueWork, (n) => '要加强' + '，还剩12字，预览结束，要落实'.repeat(n / 16)],
      ['site names run into the text', webResidue, residueWork, (n) => '工作九州范文网'.repeat(n / 7)],
      ['来源： and 责任编辑： repeated on one line', webResidue, residueWork, (n) => '来源：（责任编辑：'.repeat(n / 9)],
      ['a long line of forum words', webResidue, residueWork, (n) => '回复 | '.repeat(n / 5) + '工作'],
      ['opening marks closed by others', punctuationPairs, pairWork, (n) => '《'.repeat(n / 2) + '）'.repeat(n / 2)],
      ['“” repeated, one left open', punctuationPairs, pairWork, (n) => '“' + '“”'.repeat(n / 2)],
    ];
    for (const [name, rule, counter, make] of shapes) {
      const steps = [10_000, 20_000, 40_000].map((n) => {
        counter.steps = 0;
        checkText(make(n), { rules: [rule], config });
        return counter.steps;
      });
      assert.ok(steps[0] > 0, `${name}: nothing counted`);
      assert.ok(steps[1] <= steps[0] * 2.2 && steps[2] <= steps[1] * 2.2, `${name}: ${steps.join(', ')} steps`);
    }
  });
});
