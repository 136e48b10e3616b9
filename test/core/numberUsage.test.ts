// The number-usage rule (GB/T 15835): its fixtures, what it leaves to
// word-usage and numbering, draft-wide consistency, fixes, and the conversion
// of Chinese numbers.

import * as assert from 'assert';
import { applyFixes, checkText, safeFixes } from '../../server/src/core';
import { chineseNumber, hintsBySearch, hintsOf, numberUsage } from '../../server/src/core/rules/numberUsage';
import { wordUsage } from '../../server/src/core/rules/wordUsage';
import { assertFixture, ruleFixtureParagraphs, seededStrings } from '../helpers/fixtures';

const found = (text: string) => checkText(text, { rules: [numberUsage] }).findings;

describe('number-usage', () => {
  it('finds each defect of its fixture', () => {
    assertFixture('rules/number-usage.txt', 'number-usage', { rules: [numberUsage] });
  });

  it('stays silent on its clean twin (headings, markers, phone numbers, dates, codes, 4千)', () => {
    assertFixture('rules/number-usage.clean.txt', 'number-usage', { rules: [numberUsage] });
  });

  it('leaves 4千 and ４千 to word-usage, which reports them', () => {
    const text = '全市新增市场主体４千户。';
    const r = checkText(text, { rules: [numberUsage, wordUsage] });
    assert.deepStrictEqual(r.findings.map((f) => f.rule), ['word-usage']);
  });

  it('compares a unit across the draft: the kind written less often is out of step, and converts', () => {
    const text = '增长了3个百分点。\n\n回落了2个百分点。\n\n下降了十二个百分点。';
    const [f, ...rest] = found(text);
    assert.deepStrictEqual(rest, []);
    assert.strictEqual(text.slice(f.span.start, f.span.end), '十二');
    assert.strictEqual(applyFixes(text, f.fixes!).text, '增长了3个百分点。\n\n回落了2个百分点。\n\n下降了12个百分点。');
    // Chinese numerals written more often: the Arabic one is out of step, with no rewrite offered.
    const other = found('增长了三个百分点，回落了两个百分点，下降了3个百分点。');
    assert.strictEqual(other.length, 1);
    assert.strictEqual(other[0].fixes, undefined);
    // Estimates and “one” are not counted: 三四个百分点, 一元钱.
    assert.deepStrictEqual(found('增长了3个百分点，波动了三四个百分点，每人一元钱，花了2元。'), []);
  });

  it('turns full-width digits half-width with a safe fix, and nothing else safely', () => {
    const text = '失业率为５．２％，用三、五天时间，3-5人。';
    const safe = safeFixes(found(text));
    assert.strictEqual(applyFixes(text, safe).text, '失业率为5.2％，用三、五天时间，3-5人。');
    assert.strictEqual(applyFixes(text, found(text).map((f) => f.fixes![0])).text, '失业率为5.2％，用三五天时间，3～5人。');
  });

  it('reads Chinese numbers, and refuses estimates', () => {
    const cases: Array<[string, number | undefined]> = [
      ['三', 3],
      ['十', 10],
      ['十二', 12],
      ['二十一', 21],
      ['一百零五', 105],
      ['三千二百', 3200],
      ['两', 2],
      ['三五', undefined],
      ['十几', undefined],
    ];
    for (const [s, n] of cases) assert.strictEqual(chineseNumber(s), n, s);
  });

  it('tells which patterns may match in one pass as their own searches do (every fixture paragraph, and random strings of the units they test)', () => {
    // The units the one pass tells apart, and a few it must not confuse with them.
    const units = Array.from('0123456789０１２３４５６７８９一二两三四五六七八九十百千〇零-－–、个百平万千亩吨公亿元人户家的，。a ');
    const texts = [...ruleFixtureParagraphs(), ...seededStrings(units, 3000, 12, 7)];
    let some = 0;
    for (const text of texts) {
      assert.strictEqual(hintsOf(text), hintsBySearch(text), JSON.stringify(text));
      if (hintsOf(text) !== 0) some++;
    }
    // Both kinds met: texts where something may match and texts where nothing can.
    assert.ok(some > 100 && some < texts.length - 100, String(some));
  });
});

