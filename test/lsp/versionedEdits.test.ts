// Edits name the document version they were computed from (documentChanges),
// so a keystroke that lands between the server computing an edit and the
// client applying it makes the client refuse the edit, never misplace it.

import * as assert from 'assert';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { Commands } from '../../server/src/protocol';
import { readFixture } from '../helpers/fixtures';
import { applyWorkspaceEdit, editsOf, positionIn, TestClient, type WorkspaceEditLike } from '../helpers/lspClient';

// A short draft: an ASCII comma in section 一, a 【提纲】 on one line, 首先 and 其次 under 二、.
const draft = readFixture('lsp/clients-draft.txt');
const gappy = draft.replace('\n二、明确任务', '\n三、明确任务');
const uri = 'untitled:versioned.txt';

describe('versioned edits', function () {
  this.timeout(30000);
  let client: TestClient;
  afterEach(async () => client?.shutdown());

  it('renumbers from the version it read: a keystroke racing the command makes the client refuse the edit', async () => {
    client = new TestClient({ model: 'push' });
    await client.initialize();
    await client.open(uri, gappy);
    await client.diagnosticsFor(uri);
    // The command, then a keystroke at the top before the server's edit comes back.
    const pending = client.request<WorkspaceEditLike>('workspace/executeCommand', { command: Commands.renumber, arguments: [uri] });
    await client.edit(uri, 0, 0, '\n');
    const raced = await pending;
    assert.strictEqual(editsOf(raced, uri).version, 1, 'the edit names the version it was computed from');
    assert.strictEqual(applyWorkspaceEdit(gappy, raced, uri).text, draft, 'and fits that version');
    assert.deepStrictEqual(client.refusedEdits, [raced], 'the client, at version 2, refuses it');
    // Asked again, the server renumbers version 2.
    const again = await client.request<WorkspaceEditLike>('workspace/executeCommand', { command: Commands.renumber, arguments: [uri] });
    assert.strictEqual(editsOf(again, uri).version, 2);
    assert.strictEqual(applyWorkspaceEdit(client.text(uri), again, uri).text, '\n' + draft);
    assert.strictEqual(client.refusedEdits.length, 1);
  });

  it('names the version in every command edit and in the quick fixes', async () => {
    client = new TestClient({ model: 'push' });
    await client.initialize();
    await client.open(uri, gappy);
    await client.edit(uri, 0, 0, '\n');
    await client.edit(uri, 0, 1, '');
    const diags = await client.diagnosticsFor(uri);
    assert.strictEqual(client.version(uri), 3);
    const commands: Array<[string, unknown[]]> = [
      [Commands.renumber, [uri]],
      [Commands.updateOutlineBlock, [uri]],
      [Commands.fixAllOfRule, [uri, 'punctuation-width']],
      [Commands.fixAll, [uri]],
    ];
    for (const [command, args] of commands) {
      const edit = await client.request<WorkspaceEditLike | null>('workspace/executeCommand', { command, arguments: args });
      assert.ok(edit, command);
      assert.strictEqual(edit.changes, undefined, command);
      assert.strictEqual(editsOf(edit, uri).version, 3, command);
    }
    assert.deepStrictEqual(client.refusedEdits, []);
    const comma = diags.find((d) => d.code === 'punctuation-width')!;
    const actions = await client.codeActionsFor(uri, comma);
    const withEdits = actions.filter((a) => a.edit);
    assert.ok(withEdits.length >= 3, actions.map((a) => a.title).join(' | '));
    for (const a of withEdits) assert.strictEqual(editsOf(a.edit as WorkspaceEditLike, uri).version, 3, a.title);
  });

  it('sends plain `changes` to a client without documentChanges', async () => {
    client = new TestClient({
      model: 'push',
      tweakCapabilities: (caps) => {
        delete caps.workspace!.workspaceEdit;
      },
    });
    await client.initialize();
    await client.open(uri, gappy);
    const edit = await client.request<WorkspaceEditLike>('workspace/executeCommand', { command: Commands.renumber, arguments: [uri] });
    assert.strictEqual(edit.documentChanges, undefined);
    assert.strictEqual(applyWorkspaceEdit(gappy, edit, uri).text, draft);
    const first = positionIn(gappy, gappy.indexOf(','));
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: first, end: first }, context: { diagnostics: [] } });
    assert.ok(actions.some((a) => (a.edit as WorkspaceEditLike | undefined)?.changes?.[uri]?.length === 1));
  });
});
