// When the text output is coloured: only on a terminal, never with NO_COLOR.
// (A child process has no terminal, so this is asked of the function itself.)

import * as assert from 'assert';
import { LineIndex, type Finding } from '../../server/src/core';
import { formatText, wantsColour } from '../../server/src/cli/output';

describe('speech-draft colours', () => {
  it('are wanted on a terminal only, and not with NO_COLOR or TERM=dumb', () => {
    assert.strictEqual(wantsColour(true, {}), true);
    assert.strictEqual(wantsColour(false, {}), false);
    assert.strictEqual(wantsColour(undefined, {}), false);
    assert.strictEqual(wantsColour(true, { NO_COLOR: '1' }), false);
    assert.strictEqual(wantsColour(true, { NO_COLOR: '' }), true, 'an empty NO_COLOR does not count (no-color.org)');
    assert.strictEqual(wantsColour(true, { TERM: 'dumb' }), false);
  });

  it('paint the severity without changing the words', () => {
    const text = '一、认清形势\n三、抓好落实\n';
    const finding: Finding = { rule: 'numbering-sequence', severity: 'warning', span: { start: 7, end: 9 }, message: '缺少“二、”。' };
    const results = [{ file: 'a.txt', lines: new LineIndex(text), findings: [finding] }];
    const t = (m: string) => m;
    const plain = formatText(results, t, false);
    const coloured = formatText(results, t, true);
    assert.match(coloured, /\x1b\[33mwarning\x1b\[0m/);
    assert.strictEqual(coloured.replace(/\x1b\[\d+m/g, ''), plain);
    assert.ok(plain.startsWith('a.txt:2:1  warning  缺少“二、”。  numbering-sequence\n'));
  });
});
