// What the server sends after an edit: nothing new when the list of
// diagnostics (in LSP positions) is the one the client holds, a publish or a
// full report when a finding changed or moved; the shape of the list; and
// the editor's settings asked once per workspace folder and language.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers/fixtures';
import { TestClient, type ClientOptions } from '../helpers/lspClient';

// Four half-width commas in one line of section 一 (one grouped finding), a gap （一）→（三） under 二、;
// the line after the commas has no finding: a character typed there changes nothing.
const draft = readFixture('lsp/quiet-lists-draft.txt');
const quietAt = draft.indexOf('各乡镇要立足早') + '各乡镇'.length;
const commaLine = draft.indexOf('今年以来,');
/** A character outside the BMP: two UTF-16 code units. */
const WIDE = '\u{20000}';

type Report = { kind: 'full' | 'unchanged'; resultId: string; items?: Diagnostic[] };

describe('lists sent only when they change', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'untitled:quiet.txt';
  async function start(options: ClientOptions): Promise<void> {
    client = new TestClient(options);
    await client.initialize();
  }
  afterEach(async () => client?.shutdown());

  const publishes = () => client.publishLog.filter((p) => p.uri === uri).map((p) => p.version);
  const commaOf = (items: Diagnostic[]) => items.find((d) => d.code === 'punctuation-width');

  it('pushing: an edit that changes no finding gets no publish; one that moves or removes a finding does', async () => {
    await start({ model: 'push', settings: { debounce: 0 } });
    await client.open(uri, draft);
    const first = await client.diagnosticsFor(uri);
    assert.ok(commaOf(first) && first.some((d) => d.code === 'numbering-sequence'));
    await client.edit(uri, quietAt, quietAt, '都');
    assert.deepStrictEqual(await client.diagnosticsFor(uri), first, 'the list held stays the list');
    assert.deepStrictEqual(publishes(), [1], 'no publish for version 2');
    // A wide character before the commas moves the finding by two code units: a new list.
    await client.edit(uri, commaLine, commaLine, WIDE);
    const moved = await client.diagnosticsFor(uri);
    assert.deepStrictEqual(publishes(), [1, 3]);
    assert.strictEqual(commaOf(moved)!.range.start.character, commaOf(first)!.range.start.character + 2);
    // The commas typed full-width: the finding goes.
    const lineEnd = client.text(uri).indexOf('\n', commaLine);
    for (let at = client.text(uri).indexOf(',', commaLine); at >= 0 && at < lineEnd; at = client.text(uri).indexOf(',', at)) await client.edit(uri, at, at + 1, '，');
    const fixed = await client.diagnosticsFor(uri);
    assert.strictEqual(commaOf(fixed), undefined);
    assert.strictEqual(publishes().at(-1), client.version(uri));
    assert.strictEqual(fixed.length, first.length - 1);
  });

  it('pulling: an edit that changes no finding is answered unchanged, with the same result id', async () => {
    await start({ model: 'pull', settings: { debounce: 0 } });
    await client.open(uri, draft);
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri }, previousResultId });
    const first = await pull();
    assert.strictEqual(first.kind, 'full');
    await client.edit(uri, quietAt, quietAt, '都');
    assert.deepStrictEqual(await pull(first.resultId), { kind: 'unchanged', resultId: first.resultId });
    await client.edit(uri, commaLine, commaLine, WIDE);
    const moved = await pull(first.resultId);
    assert.strictEqual(moved.kind, 'full');
    assert.notStrictEqual(moved.resultId, first.resultId);
    assert.strictEqual(commaOf(moved.items!)!.range.start.character, commaOf(first.items!)!.range.start.character + 2);
    // A client that lost its list (no result id) gets it whole again.
    assert.strictEqual((await pull()).kind, 'full');
  });

  it('keeps each diagnostic to its own fields: a paragraph’s half-width marks are one diagnostic, related places only where a finding has them', async () => {
    await start({ model: 'push', settings: { debounce: 0 } });
    await client.open(uri, draft);
    const items = await client.diagnosticsFor(uri);
    const FIELDS = new Set(['range', 'severity', 'code', 'codeDescription', 'source', 'message', 'tags', 'relatedInformation']);
    for (const d of items) assert.deepStrictEqual(Object.keys(d).filter((k) => !FIELDS.has(k)), [], JSON.stringify(d));
    const commas = items.filter((d) => d.code === 'punctuation-width');
    assert.strictEqual(commas.length, 1, 'four commas of one paragraph, one diagnostic');
    assert.match(commas[0].message as string, /4/);
    assert.strictEqual(commas[0].relatedInformation, undefined);
    const gap = items.find((d) => d.code === 'numbering-sequence')!;
    assert.strictEqual(gap.relatedInformation?.length, 1);
  });
});

describe('editor settings asked once per workspace folder and language', function () {
  this.timeout(30000);
  let client: TestClient;
  let root: string;
  afterEach(async () => {
    await client?.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('asks when the first draft of a folder and language opens and when settings change, not for every draft', async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-settings-'));
    const folderA = path.join(root, 'a');
    const folderB = path.join(root, 'b');
    const files = { a1: path.join(folderA, '一.txt'), a2: path.join(folderA, '二.txt'), a3: path.join(folderA, '分册', '三.txt'), md: path.join(folderA, '四.md'), b1: path.join(folderB, '五.txt') };
    for (const f of Object.values(files)) {
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.writeFileSync(f, draft);
    }
    client = new TestClient({ model: 'push', settings: { debounce: 0 }, workspaceFolders: [folderA, folderB] });
    await client.initialize();
    const uris = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, pathToFileURL(f).href]));
    const open = async (key: keyof typeof files, languageId = 'plaintext') => {
      await client.open(uris[key], draft, languageId);
      return client.diagnosticsFor(uris[key]);
    };
    await open('a1');
    await open('a2');
    await open('a3');
    assert.strictEqual(client.configurationScopes.length, 1, 'three drafts of one folder, one request');
    await open('md', 'markdown');
    await open('b1');
    assert.strictEqual(client.configurationScopes.length, 3, 'another language, another folder');
    // Settings change: asked again, once per folder and language, and the drafts checked under the new ones.
    for (const u of Object.values(uris)) client.forgetDiagnostics(u);
    await client.changeSettings({ debounce: 0, rules: { 'punctuation-width': 'off' } });
    for (const u of Object.values(uris)) assert.ok(!(await client.diagnosticsFor(u)).some((d) => d.code === 'punctuation-width'));
    assert.strictEqual(client.configurationScopes.length, 6);
  });
});
