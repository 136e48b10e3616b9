// Closed drafts leave nothing behind: their analysis, settings and compiled
// word lists go when they close, and drafts whose settings are equal share one
// compiled list while open. Checked on what the server says it holds
// (`speechDraft/serverStatus`), and on its heap as a second check.

import * as assert from 'assert';
import type { ServerStatusResult } from '../../server/src/protocol';
import { readFixture } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

// A short draft; 首先，要加强巡山护林 holds the one configured word that occurs.
const draft = readFixture('lsp/clients-draft.txt');
const DRAFTS = 400;

/** 5,000 entries of words no draft holds, and one it does. */
function largeWordUsage(): Array<{ wrong: string; right: string }> {
  const han = (k: number) => String.fromCharCode(0x4e00 + (k % 20000));
  const words = Array.from({ length: 4999 }, (_, i) => ({ wrong: han(i * 37) + han(i * 101 + 7) + han(i * 13 + 3), right: han(i) }));
  return [...words, { wrong: '巡山护林', right: '巡山护林工作' }];
}

describe('closing drafts', function () {
  this.timeout(300000);
  let client: TestClient;
  before(async () => {
    client = new TestClient({ model: 'push', settings: { wordUsage: largeWordUsage() }, nodeArgs: ['--expose-gc'] });
    await client.initialize();
  });
  after(async () => client.shutdown());
  const status = () => client.request<ServerStatusResult>('speechDraft/serverStatus', null);
  const close = (uri: string) => client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });

  async function openChecked(uri: string): Promise<void> {
    await client.open(uri, draft);
    assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'word-usage'), 'the configured words apply');
  }

  it('share one compiled configuration among open drafts with equal settings', async () => {
    const uris = Array.from({ length: 10 }, (_, i) => `untitled:shared-${i}.txt`);
    await Promise.all(uris.map(openChecked));
    const open = await status();
    assert.deepStrictEqual([open.documents, open.analyzed, open.cachedSettings, open.configs], [10, 10, 10, 1]);
    await Promise.all(uris.map(close));
  });

  it(`hold what they held before once ${DRAFTS} drafts with a 5,000-word list have opened and closed`, async () => {
    const baseline = await client.until(async () => {
      const s = await status();
      return s.documents === 0 && s.analyzed === 0 ? s : undefined;
    }, 'the first drafts to close');
    for (let i = 0; i < DRAFTS; i += 20) {
      const uris = Array.from({ length: 20 }, (_, k) => `untitled:closing-${i + k}.txt`);
      await Promise.all(uris.map(openChecked));
      await Promise.all(uris.map(close));
    }
    const after = await client.until(async () => {
      const s = await status();
      return s.documents === 0 && s.analyzed === 0 && s.cachedSettings === 0 && s.configs === 0 ? s : undefined;
    }, 'the state of closed drafts to go');
    assert.deepStrictEqual([after.analyzed, after.cachedSettings, after.configs], [baseline.analyzed, baseline.cachedSettings, baseline.configs]);
    // With --expose-gc the server collects before it measures.
    assert.ok(after.heapUsed < baseline.heapUsed + 40 * 2 ** 20, `heap ${baseline.heapUsed} → ${after.heapUsed}`);
  });
});
