// The server's document path under random edits: the diagnostics of a
// document edited change by change (each check made around the changes since
// the last one) equal those of the same text opened fresh, positions,
// messages and related information included; and the server counts the checks
// it made around an edit.

import * as assert from 'assert';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ServerStatusResult } from '../../server/src/protocol';
import { draftArbitrary, FRAGMENTS, fuzzParams } from '../helpers/drafts';
import { TestClient } from '../helpers/lspClient';

const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...FRAGMENTS, '\n\n', '\n二、加强领导\n', '𠀀，', '<!-- speech-draft-disable -->\n'),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((a) => a.join('')),
  ),
});

/** Lines of prose parted by blank lines and line breaks: drafts split around an edit. */
const proseDraft = fc
  .array(fc.tuple(fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => !/```|~~~|---|<|\t| {4}/.test(f))), { maxLength: 8 }), fc.constantFrom('\n', '\n\n')), { minLength: 3, maxLength: 30 })
  .map((lines) => lines.map(([parts, end]) => parts.join('') + end).join(''));

/** An edit of `text` an editor can send: never inside a surrogate pair or a CRLF. */
function editIn(text: string, e: { at: number; remove: number }): { start: number; end: number } {
  let start = Math.floor(e.at * text.length);
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
  let end = Math.min(text.length, start + e.remove);
  if (end > 0 && end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  if (end > 0 && text[end - 1] === '\r' && text[end] === '\n') end++;
  return { start, end };
}

/** Diagnostics as JSON with the document's address taken out, to compare two documents' diagnostics. */
const withoutUri = (diags: Diagnostic[], uri: string) => JSON.parse(JSON.stringify(diags).split(JSON.stringify(uri).slice(1, -1)).join('<uri>'));

describe('language server: diagnostics after edits equal a fresh open’s (fast-check, fixed seed)', function () {
  this.timeout(300000);
  let client: TestClient;
  before(async () => {
    client = new TestClient({ model: 'pull' });
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('after each random edit, and after bursts of edits checked once', async () => {
    let n = 0;
    const before = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    await fc.assert(
      fc.asyncProperty(fc.oneof(draftArbitrary, proseDraft), fc.array(editArbitrary, { minLength: 1, maxLength: 8 }), fc.boolean(), async (draft, edits, burst) => {
        const uri = `untitled:incremental-${n}.txt`;
        const fresh = `untitled:fresh-${n++}.txt`;
        await client.open(uri, draft);
        await client.diagnosticsFor(uri);
        const compare = async () => {
          const text = client.text(uri);
          await client.open(fresh, text);
          assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh), JSON.stringify({ draft, edits }));
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
        };
        if (burst) {
          const list = [];
          let text = client.text(uri);
          for (const e of edits) {
            const { start, end } = editIn(text, e);
            list.push({ start, end, newText: e.insert });
            text = text.slice(0, start) + e.insert + text.slice(end);
          }
          client.burst(uri, list);
          await compare();
        } else {
          for (const e of edits) {
            const { start, end } = editIn(client.text(uri), e);
            await client.edit(uri, start, end, e.insert);
            await compare();
          }
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      fuzzParams(40),
    );
    const after = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    assert.ok(after.checksAfterEdit - before.checksAfterEdit >= 40, `${after.checksAfterEdit - before.checksAfterEdit} checks made around an edit`);
  });

  it('checks a one-character edit of a long draft around the edit', async () => {
    const uri = 'untitled:long.txt';
    const draft = Array.from({ length: 500 }, (_, i) => `${i + 1}. 第${i + 1}项工作\n\n今天召开会议，主要任务是总结工作,部署任务。\n`).join('\n');
    await client.open(uri, draft);
    await client.diagnosticsFor(uri);
    const before = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    const at = client.text(uri).indexOf('部署任务', draft.length / 2);
    await client.edit(uri, at, at, '的');
    const diags = await client.diagnosticsFor(uri);
    const after = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    assert.strictEqual(after.checksAfterEdit - before.checksAfterEdit, 1);
    const fresh = 'untitled:long-fresh.txt';
    await client.open(fresh, client.text(uri));
    assert.deepStrictEqual(withoutUri(diags, uri), withoutUri(await client.diagnosticsFor(fresh), fresh));
  });
});
