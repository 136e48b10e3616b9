// The server under random incremental edits: after each one its view of the
// text equals the client's, its diagnostics are sound, and it stays alive.

import * as assert from 'assert';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core';
import { fnv1a } from '../../server/src/core';
import type { DocumentInfoResult } from '../../server/src/protocol';
import { draftArbitrary, FRAGMENTS, fuzzParams } from '../helpers/drafts';
import { TestClient } from '../helpers/lspClient';

/** An edit as fractions of the text, so that it fits whatever text it meets. */
const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 60 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...FRAGMENTS), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((a) => a.join(''))),
});


async function assertInSync(client: TestClient, uri: string): Promise<void> {
  const info = await client.request<DocumentInfoResult>('speechDraft/documentInfo', { textDocument: { uri } });
  const text = client.text(uri);
  assert.deepStrictEqual([info.version, info.length, info.hash], [client.version(uri), text.length, fnv1a(text)]);
  const diags = await client.diagnosticsFor(uri);
  const starts = new LineIndex(text).lineStarts;
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  for (const d of diags as Diagnostic[]) {
    assert.ok(d.range.start.line < starts.length && d.range.end.line < starts.length, JSON.stringify(d.range));
    const [s, e] = [offset(d.range.start), offset(d.range.end)];
    assert.ok(0 <= s && s <= e && e <= text.length, JSON.stringify(d.range));
    // No range may end past its line's end or split a surrogate pair.
    const lineEnd = d.range.end.line + 1 < starts.length ? starts[d.range.end.line + 1] : text.length;
    assert.ok(e <= lineEnd);
    assert.ok(!/[\udc00-\udfff]/.test(text[s] ?? '') || s === 0, `starts inside a pair: ${JSON.stringify(d.range)}`);
  }
}

describe('language server under random edits (fast-check, fixed seed)', function () {
  this.timeout(300000);
  let client: TestClient;
  before(async () => {
    client = new TestClient({ model: 'pull' });
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('keeps its text equal to the client’s and its diagnostics sound', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(draftArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), async (draft, edits) => {
        const uri = `untitled:fuzz-${n++}.txt`;
        await client.open(uri, draft);
        await assertInSync(client, uri);
        for (const e of edits) {
          const text = client.text(uri);
          let start = Math.floor(e.at * text.length);
          // Edits cut characters the way an editor may not, except surrogate pairs.
          if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
          let end = Math.min(text.length, start + e.remove);
          if (end > 0 && end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
          // Nor the middle of a CRLF, which no LSP position can name.
          if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
          if (end > 0 && text[end - 1] === '\r' && text[end] === '\n') end++;
          await client.edit(uri, start, end, e.insert);
          await assertInSync(client, uri);
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      fuzzParams(60),
    );
    assert.strictEqual(client.child.exitCode, null, 'the server is alive');
  });

  it('survives deleting the whole document and pasting a megabyte at once', async () => {
    const uri = 'untitled:big.txt';
    await client.open(uri, '在全市会议上的讲话\n\n同志们：\n\n一、加强领导\n\n三、压实责任\n');
    await client.edit(uri, 0, client.text(uri).length, '');
    await assertInSync(client, uri);
    const paste = '　　今天召开会议,部署工作。一是抓落实，二是抓考核。\n'.repeat(40000);
    assert.ok(paste.length >= 1_000_000);
    await client.edit(uri, 0, 0, paste);
    await assertInSync(client, uri);
    await client.edit(uri, 500_000, 500_010, '');
    await assertInSync(client, uri);
  });
});
