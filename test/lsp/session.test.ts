// The work one document costs the server, counted through
// `speechDraft/serverStatus`: in on-save mode the saved text's analysis is
// kept beside the live one (three edits, three checks; a single slot
// alternating between the two texts made seven), and a diagnostics round
// resolves the document's settings once.

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ServerStatusResult, StatsResult } from '../../server/src/protocol';
import { readFixture } from '../helpers/fixtures';
import { TestClient, type DiagnosticsModel } from '../helpers/lspClient';

const draft = readFixture('lsp/draft.txt');
const uri = 'untitled:session.txt';

for (const model of ['push', 'pull'] as DiagnosticsModel[]) {
  describe(`document sessions (${model} diagnostics)`, function () {
    this.timeout(30000);
    let client: TestClient;
    afterEach(async () => client.shutdown());
    const status = () => client.request<ServerStatusResult>('speechDraft/serverStatus', null);
    const liveStats = () => client.request<StatsResult>('speechDraft/stats', { textDocument: { uri } });
    const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).sort();

    it('in on-save mode, checks each edit once while the diagnostics stay those of the saved text', async () => {
      client = new TestClient({ model, settings: { run: 'onSave' } });
      await client.initialize();
      await client.open(uri, draft);
      const savedCodes = codes(await client.diagnosticsFor(uri));
      assert.ok(!savedCodes.includes('placeholder'));
      const before = await status();
      const at = draft.indexOf('今年以来');
      for (let i = 0; i < 3; i++) {
        await client.edit(uri, at, at, '项目*个。');
        // A request about the live text (the tree view and status bar ask after every change)…
        assert.strictEqual((await liveStats()).version, client.version(uri));
        // …and the diagnostics, still of the text saved.
        if (model === 'pull') assert.deepStrictEqual(codes(await client.diagnosticsFor(uri)), savedCodes);
      }
      assert.strictEqual((await status()).checks - before.checks, 3, 'one check per edit');
      // Saving the text last checked needs no check: the live analysis is of it.
      client.forgetDiagnostics(uri);
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      assert.ok(codes(await client.diagnosticsFor(uri)).includes('placeholder'), 'the saved text is checked');
      assert.strictEqual((await status()).checks - before.checks, 3, 'the save took the live analysis');
    });

    it('resolves the settings once per diagnostics round', async () => {
      client = new TestClient({ model });
      await client.initialize();
      await client.open(uri, draft);
      await client.diagnosticsFor(uri);
      const before = await status();
      const at = draft.indexOf('今年以来');
      for (let i = 0; i < 3; i++) {
        await client.edit(uri, at, at, '一');
        await client.diagnosticsFor(uri);
      }
      const after = await status();
      assert.strictEqual(after.settingsResolutions - before.settingsResolutions, 3, 'settings resolved per round');
      assert.strictEqual(after.checks - before.checks, 3, 'checks per round');
      assert.strictEqual(after.settingsLoads, before.settingsLoads, 'nothing changed: nothing loaded again');
    });
  });
}
