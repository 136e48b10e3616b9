// Moving sections as text: blocks swap, blank lines stay in place, numbers follow.

import * as assert from 'assert';
import { renumberMarker, reorderedBlocks } from '../../client/src/reorder';

function move(text: string, headings: string[], from: number, to: number, lastEnd = text.length): string {
  const starts = headings.map((h) => text.indexOf(h));
  const e = reorderedBlocks(text, starts, lastEnd, from, to, headings.map((h) => /^\S+?[、）.，]/.exec(h)![0]));
  return text.slice(0, e.start) + e.newText + text.slice(e.end);
}

describe('moving sections', () => {
  const draft = '同志们：\n\n一、认清形势\n\n形势严峻。\n\n二、狠抓落实\n\n要落实。\n\n三、强化保障\n\n要保障。\n';

  it('moves a section down, keeps the blank lines where they were, and renumbers', () => {
    assert.strictEqual(move(draft, ['一、认清形势', '二、狠抓落实', '三、强化保障'], 0, 1), '同志们：\n\n一、狠抓落实\n\n要落实。\n\n二、认清形势\n\n形势严峻。\n\n三、强化保障\n\n要保障。\n');
  });
  it('moves the last section to the top, leaving what follows the sections untouched', () => {
    const text = draft + '\n同志们，让我们共同努力！\n';
    const lastEnd = text.indexOf('\n同志们，') ;
    assert.strictEqual(
      move(text, ['一、认清形势', '二、狠抓落实', '三、强化保障'], 2, 0, lastEnd),
      '同志们：\n\n一、强化保障\n\n要保障。\n\n二、认清形势\n\n形势严峻。\n\n三、狠抓落实\n\n要落实。\n\n同志们，让我们共同努力！\n',
    );
  });
  it('keeps CRLF line endings', () => {
    const crlf = draft.replace(/\n/g, '\r\n');
    assert.strictEqual(move(crlf, ['一、认清形势', '二、狠抓落实', '三、强化保障'], 1, 2), '同志们：\r\n\r\n一、认清形势\r\n\r\n形势严峻。\r\n\r\n二、强化保障\r\n\r\n要保障。\r\n\r\n三、狠抓落实\r\n\r\n要落实。\r\n');
  });
  it('renumbers each kind of marker in its own form', () => {
    assert.deepStrictEqual(
      [renumberMarker('二、', 3, false), renumberMarker('（十）', 11, false), renumberMarker('2.', 1, false), renumberMarker('③', 1, false), renumberMarker('其次，', 1, false), renumberMarker('最后，', 3, true)],
      ['三、', '（十一）', '1.', '①', '首先，', '最后，'],
    );
  });
});
