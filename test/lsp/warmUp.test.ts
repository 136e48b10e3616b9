// The server's warm-up after `initialized` (server/src/server/warmUp.ts): its
// texts give every rule something to find, so that each rule's paths (the
// wording rules' included) have run before the first real draft; left alone it
// runs all its rounds and stops; a draft opened at once stops it for good, and
// gets the wording rules' data, which the server reads ahead from its start.

import * as assert from 'assert';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { allRules, checkText } from '../../server/src/core';
import type { ServerStatusResult } from '../../server/src/protocol';
import { WARM_UP_CONFIG, warmUpTexts } from '../../server/src/server/warmUp';
import { repoRoot } from '../helpers/corpus';
import { readFixture } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

/** docs/rules/*.md by rule id, as ruleDocs.ts embeds them in the bundle. */
function ruleDocs(): Record<string, string> {
  const dir = path.join(repoRoot, 'docs', 'rules');
  return Object.fromEntries(readdirSync(dir).map((f) => [path.basename(f, '.md'), readFileSync(path.join(dir, f), 'utf8')]));
}

describe('warm-up texts', () => {
  it('give every rule of the catalogue a finding, in short pieces', () => {
    const texts = warmUpTexts(ruleDocs());
    const found = new Set<string>();
    for (const text of texts) for (const f of checkText(text, { config: WARM_UP_CONFIG }).findings) found.add(f.rule);
    const silent = allRules.map((r) => r.id).filter((id) => !found.has(id));
    assert.deepStrictEqual(silent, [], 'rules the warm-up never exercises up to a finding');
    for (const text of texts) assert.ok(text.length < 3000, `a round's text stays short (${text.length} characters)`);
  });
});

describe('warm-up over LSP', function () {
  this.timeout(60000);
  let client: TestClient;
  afterEach(async () => client.shutdown());
  const status = async () => (await client.request<ServerStatusResult>('speechDraft/serverStatus', null)).warmUp;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('left alone, runs every planned round, then stops', async () => {
    client = new TestClient({ model: 'pull' });
    await client.initialize();
    let s = await status();
    assert.ok(s.planned > 0);
    // Asked rarely: a request pauses the warm-up for a moment.
    for (let i = 0; i < 200 && s.rounds < s.planned; i++) {
      await pause(300);
      s = await status();
    }
    assert.deepStrictEqual(s, { rounds: s.planned, planned: s.planned, stopped: false });
    await pause(300);
    assert.strictEqual((await status()).rounds, s.planned, 'no round past the plan');
  });

  it('stops for good when a draft opens right after initialized', async () => {
    client = new TestClient({ model: 'pull' });
    await client.initialize();
    const uri = 'untitled:warm-up-open.txt';
    await client.open(uri, readFixture('lsp/draft.txt'));
    await client.diagnosticsFor(uri);
    const s = await status();
    assert.ok(s.stopped && s.rounds < s.planned, `stopped early: ${JSON.stringify(s)}`);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await pause(500);
    assert.strictEqual((await status()).rounds, s.rounds, 'no round after the stop, the draft closed or not');
  });

  it('hands the wording rules their data, read ahead, to a draft opened right after initialized', async () => {
    client = new TestClient({ model: 'pull' });
    await client.initialize();
    const uri = 'untitled:warm-up-typo.txt';
    await client.open(uri, '今年以来，全县上下大力宏扬实干精神。当前形势依然严竣。\n');
    const codes = (await client.diagnosticsFor(uri)).map((d) => d.code);
    assert.deepStrictEqual(codes.filter((c) => c === 'typo'), ['typo', 'typo']);
  });
});
