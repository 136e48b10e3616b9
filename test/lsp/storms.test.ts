// Storms: a thousand config-file change events with twenty drafts open (a
// branch switch), and a burst of keystrokes with debounce 0. The work done is
// counted (`speechDraft/serverStatus`), and diagnostics are never published
// for an older version after a newer one.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { ServerStatusResult } from '../../server/src/protocol';
import { readFixture } from '../helpers/fixtures';
import { frame, TestClient } from '../helpers/lspClient';

// A short draft: an ASCII comma in section 一 (a punctuation-width finding).
const draft = readFixture('lsp/clients-draft.txt');
const DRAFTS = 20;
const EVENTS = 1000;

describe('storms', function () {
  this.timeout(120000);
  let client: TestClient;
  let dir: string | undefined;
  afterEach(async () => client?.shutdown());
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));
  const status = () => client.request<ServerStatusResult>('speechDraft/serverStatus', null);

  it(`re-reads settings and re-checks each of ${DRAFTS} drafts a bounded number of times for ${EVENTS} watched-file events`, async () => {
    client = new TestClient({ model: 'push' });
    await client.initialize();
    const folder = (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-storm-')));
    const rc = path.join(folder, '.speechdraftrc.json');
    fs.writeFileSync(rc, '{}');
    const uris = Array.from({ length: DRAFTS }, (_, i) => pathToFileURL(path.join(folder, `d${i}.txt`)).href);
    for (const uri of uris) await client.open(uri, draft);
    for (const uri of uris) assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'punctuation-width'));
    const before = await status();

    // The storm, in one write; the config file changes during it.
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'punctuation-width': 'off' } }));
    const event = frame({ jsonrpc: '2.0', method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] } });
    client.child.stdin!.write(Buffer.concat(Array.from({ length: EVENTS }, () => event)));

    // Every draft is checked again under the new file…
    const lastPublished = (uri: string) => client.publishLog.filter((p) => p.uri === uri).at(-1)!;
    await client.until(() => uris.every((uri) => !lastPublished(uri).codes.includes('punctuation-width')) || undefined, 'every draft re-checked', 60000);
    // …and after a quiet moment nothing more is going on.
    await new Promise((r) => setTimeout(r, 1500));
    const after = await status();
    const loads = after.settingsLoads - before.settingsLoads;
    const checks = after.checks - before.checks;
    assert.ok(loads <= 3 * DRAFTS, `${loads} settings loads for ${EVENTS} events`);
    assert.ok(checks <= 3 * DRAFTS, `${checks} checks for ${EVENTS} events`);
    assert.ok(after.rss < before.rss + 300 * 2 ** 20, `resident memory ${before.rss} → ${after.rss}`);
  });

  it('with debounce 0, checks a burst of keystrokes once it is read, and never publishes an older version after a newer one', async () => {
    client = new TestClient({ model: 'push', settings: { debounce: 0 } });
    await client.initialize();
    const uri = 'untitled:burst.txt';
    await client.open(uri, draft);
    await client.diagnosticsFor(uri);
    const before = await status();
    const at = draft.indexOf('入秋以来');
    const keystrokes = Array.from({ length: 50 }, (_, i) => ({ start: at + i, end: at + i, newText: '的' }));
    client.burst(uri, keystrokes);
    assert.strictEqual(client.version(uri), 51);
    await client.diagnosticsFor(uri);
    await new Promise((r) => setTimeout(r, 300));
    const versions = client.publishLog.filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepStrictEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      'published in version order',
    );
    assert.strictEqual(versions.at(-1), 51);
    const checks = (await status()).checks - before.checks;
    assert.ok(checks >= 1 && checks <= 10, `${checks} checks for a burst of 50 keystrokes read together`);
  });
});
