// Suppression comments inside a draft.

import * as assert from 'assert';
import { checkText } from '../../server/src/core';

function rulesByLine(text: string, rule: string): number[] {
  const r = checkText(text);
  return r.findings.filter((f) => f.rule === rule).map((f) => r.model.lines.positionAt(f.span.start).line + 1);
}

describe('suppression comments', () => {
  const body = ['项目*个。', '<!-- speech-draft-disable-next-line placeholder -->', '', '投资**亿元。', '资金×××万元。'];

  it('disable-next-line silences the named rule on the next line of text only', () => {
    assert.deepStrictEqual(rulesByLine(body.join('\n'), 'placeholder'), [1, 5]);
  });
  it('disable-next-line leaves other rules alone', () => {
    const text = '<!-- speech-draft-disable-next-line punctuation-width -->\n项目*个,投资。';
    assert.deepStrictEqual(rulesByLine(text, 'placeholder'), [2]);
    assert.deepStrictEqual(rulesByLine(text, 'punctuation-width'), []);
  });
  it('disable … enable silences a region', () => {
    const text = '项目*个。\n<!-- speech-draft-disable placeholder -->\n投资**亿元。\n资金×××万元。\n<!-- speech-draft-enable placeholder -->\n人员XX名。';
    assert.deepStrictEqual(rulesByLine(text, 'placeholder'), [1, 6]);
  });
  it('disable-file silences a rule everywhere; without ids every rule', () => {
    assert.deepStrictEqual(rulesByLine('项目*个。\n<!-- speech-draft-disable-file placeholder -->\n投资**亿元。', 'placeholder'), []);
    assert.deepStrictEqual(checkText('<!-- speech-draft-disable-file -->\n项目*个,投资。\n一、\n三、').findings, []);
  });
  it('is not part of the speech: a comment between two lines changes nothing else', () => {
    const text = '一、加强领导\n<!-- speech-draft-disable-next-line placeholder -->\n二、压实责任';
    assert.deepStrictEqual(rulesByLine(text, 'numbering-sequence'), []);
  });
});
