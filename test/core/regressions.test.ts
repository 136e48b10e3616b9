// Failures the property tests found, kept as examples.

import * as assert from 'assert';
import { Checker, checkText, countSpeechChars } from '../../server/src/core';

describe('regressions found by fuzzing', () => {
  it('a draft starting with an emoji: the speech-structure finding covers the whole character', () => {
    const text = '😀';
    for (const f of checkText(text).findings) assert.ok(f.span.end === 0 || f.span.end === 2, JSON.stringify(f.span));
  });
  it('a draft over the size limit is checked up to a line break and says so once', () => {
    const line = '今天召开会议,部署工作。\n';
    const text = line.repeat(10);
    const r = new Checker({ maxChars: line.length * 3 + 2 }).check(text);
    const notices = r.findings.filter((f) => f.rule === 'speech-length' && /only the first|只检查了前/.test(f.message));
    assert.strictEqual(notices.length, 1);
    assert.match(notices[0].message, new RegExp(`共 ${text.length} 字符，只检查了前 ${line.length * 3} 个字符`));
    assert.ok(r.findings.every((f) => f.span.end <= line.length * 3));
  });
  it('a lone high surrogate does not swallow the character after it when counting', () => {
    assert.strictEqual(countSpeechChars('\ud840讲话'), 2);
    assert.strictEqual(checkText('\ud840讲话。').model.chars, 3);
  });
});
