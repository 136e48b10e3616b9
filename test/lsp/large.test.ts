// Large and strange input: the server answers every request with bounded
// work, says when a limit applies, and gives memory back when a draft closes.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import type { HeadingTreeResult, ServerStatusResult } from '../../server/src/protocol';
import { fixtureDir } from '../helpers/fixtures';
import { TestClient } from '../helpers/lspClient';

const base = fs.readFileSync(path.join(fixtureDir, 'lsp', 'draft.txt'), 'utf8');

/** About `size` characters of distinct paragraphs (a counter keeps each one new, so no cache helps). */
function bigDraft(size: number): string {
  const paras = base.split('\n').filter(Boolean);
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const p = `${paras[i % paras.length]}${i}`;
    out.push(p);
    length += p.length + 1;
  }
  return out.join('\n');
}

async function answersEverything(client: TestClient, uri: string): Promise<void> {
  const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(Array.isArray(symbols));
  await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  const outline = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri } });
  assert.ok(outline && Array.isArray(outline.nodes));
  await client.request('textDocument/foldingRange', { textDocument: { uri } });
}

describe('language server on large and strange input', function () {
  this.timeout(180000);
  let client: TestClient;
  before(async () => {
    client = new TestClient({ model: 'pull', nodeArgs: ['--expose-gc'] });
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('checks the start of a 10 MB draft, says so in one info finding, answers every request, and frees it when closed', async () => {
    const status = () => client.request<ServerStatusResult>('speechDraft/serverStatus', null);
    const before = await status();
    const uri = 'untitled:ten-megabytes.txt';
    const text = bigDraft(10_000_000);
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri);
    const notice = diags.filter((d) => /只检查了前 \d+ 个字符/.test(String(d.message)));
    assert.strictEqual(notice.length, 1);
    assert.strictEqual(notice[0].severity, 3);
    assert.ok(diags.length <= 5002, `${diags.length} diagnostics`);
    await answersEverything(client, uri);
    const open = await status();
    assert.strictEqual(open.analyzed, before.analyzed + 1);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await client.until(async () => {
      const s = await status();
      return s.analyzed === before.analyzed ? s : undefined;
    }, 'the analysis to be dropped');
    // The text and its analysis are gone (with --expose-gc the server collects before it measures).
    assert.ok(closed.heapUsed < open.heapUsed - 20 * 2 ** 20, `heap ${open.heapUsed} → ${closed.heapUsed}`);
  });

  it('answers on a single line of a megabyte', async () => {
    const uri = 'untitled:one-line.txt';
    await client.open(uri, base.replace(/\n/g, '').repeat(Math.ceil(1_000_000 / base.length)).slice(0, 1_000_000));
    const diags = await client.diagnosticsFor(uri);
    assert.ok(diags.length > 0);
    await answersEverything(client, uri);
  });

  it('answers on 100,000 lines, showing at most 5,000 diagnostics and counting the rest', async () => {
    const uri = 'untitled:many-lines.txt';
    await client.open(uri, '今天召开会议,部署工作。\n'.repeat(100_000));
    const diags = await client.diagnosticsFor(uri);
    assert.strictEqual(diags.length, 5001);
    const more = /另有 (\d+) 处问题未显示/.exec(String(diags[5000].message));
    assert.ok(more && Number(more[1]) >= 95000, String(diags[5000].message));
    await answersEverything(client, uri);
  });

  it('answers on binary content opened as text', async () => {
    const uri = 'untitled:binary.txt';
    const bytes = Array.from({ length: 300_000 }, (_, k) => String.fromCharCode((k * 7919) % 0xd7ff)).join('');
    await client.open(uri, bytes);
    await client.diagnosticsFor(uri);
    await answersEverything(client, uri);
  });
});
