// Hover shows a heading's text as written: links, HTML, emphasis and code
// written in a draft's headings must not become Markdown in the hover.

import * as assert from 'assert';
import type { Hover } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lspClient';

// Two headings holding Markdown, and a quiet twin: a heading with nothing to escape.
const draft = [
  '在全区防汛工作会议上的讲话',
  '',
  '同志们：',
  '',
  '一、[x](http://e)<img src=x>**b**`c`',
  '',
  '今年入汛以来，全区降雨偏多。',
  '',
  '（一）_强化_<b>[责任](http://e)</b>&amp',
  '',
  '各地要加强巡查。',
  '',
  '二、突出重点，狠抓落实',
  '',
  '要抓好落实。',
  '',
].join('\n');

describe('hover on headings written with Markdown', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'untitled:hover.txt';
  before(async () => {
    client = new TestClient({ model: 'push' });
    await client.initialize();
    await client.open(uri, draft);
  });
  after(async () => client.shutdown());

  const hoverAt = async (line: number) => {
    const h = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line, character: 1 } });
    return (h.contents as { value: string }).value.split('\n');
  };

  it('escapes every Markdown mark of the heading and its sub-items', async () => {
    const lines = await hoverAt(4);
    assert.strictEqual(lines[0], '**一、\\[x\\]\\(http\\:\\/\\/e\\)\\<img src\\=x\\>\\*\\*b\\*\\*\\`c\\`**');
    const sub = lines.find((l) => l.startsWith('- '));
    assert.ok(sub?.startsWith('- （一）\\_强化\\_\\<b\\>\\[责任\\]\\(http\\:\\/\\/e\\)\\<\\/b\\>\\&amp（'), sub);
  });

  it('leaves a heading without marks as it is', async () => {
    const lines = await hoverAt(12);
    assert.strictEqual(lines[0], '**二、突出重点，狠抓落实**');
  });
});
