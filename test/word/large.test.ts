// A 200-page speech in Word is read and checked as its text would be (the
// time it takes is a row of `npm run bench`, not a test).

import * as assert from 'assert';
import { checkText } from '../../server/src/core';
import { readDocx } from '../../server/src/word/api';
import { longSpeechDocx } from '../helpers/wordDocs';

describe('a 200-page Word draft', function () {
  this.timeout(120000);

  it('is read whole, numbering included, and checked with the same findings as its text', async () => {
    const { bytes, text } = await longSpeechDocx(200);
    const draft = readDocx(bytes, { file: '长稿.docx' });
    assert.ok(draft.text.length >= 200 * 22 * 28, `${draft.text.length} characters`);
    assert.strictEqual(draft.text, text);
    assert.ok(draft.text.includes('\n\n六十、'), 'sixty sections or more, numbered by Word');
    const fromWord = checkText(draft.text);
    const fromText = checkText(text);
    const summary = (r: typeof fromWord) => r.findings.map((f) => `${f.rule}@${f.span.start}-${f.span.end}`);
    assert.deepStrictEqual(summary(fromWord), summary(fromText));
    assert.deepStrictEqual(fromWord.ruleErrors, []);
    // Every finding anchors in the file.
    for (const f of fromWord.findings) assert.ok(draft.locate(f.span.start) ?? draft.locate(Math.max(0, f.span.end - 1)), `${f.rule} at ${f.span.start}`);
  });
});
