// The server with clients other than VS Code: one in English, one that pushes
// its settings instead of answering workspace/configuration, one with no
// dynamic registration and no related information, and a pull client that
// re-pulls by result id and cancels.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { CancellationTokenSource } from 'vscode-languageserver-protocol/node';
import type { CodeAction, Diagnostic, DocumentSymbol, Hover } from 'vscode-languageserver-protocol';
import { Commands } from '../../server/src/protocol';
import { repoRoot } from '../helpers/corpus';
import { readFixture } from '../helpers/fixtures';
import { applyWorkspaceEdit, positionIn, serverPath, sliceRange, TestClient, type ClientOptions } from '../helpers/lspClient';

// A short draft: an ASCII comma in section 一, a 【提纲】 on one line, 首先 and 其次 under 二、.
const draft = readFixture('lsp/clients-draft.txt');
// 【提纲】 one item per line; the body's （二） and 二、 have drifted from it.
const outlineDraft = readFixture('lsp/outline-draft.txt');

const applyEdit = (text: string, edit: Parameters<typeof applyWorkspaceEdit>[1], uri: string) => applyWorkspaceEdit(text, edit, uri).text;

before(() => {
  if (!fs.existsSync(serverPath)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot });
});

describe('language server with other clients', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'untitled:draft.txt';
  async function start(options: ClientOptions): Promise<Record<string, unknown>> {
    client = new TestClient(options);
    return client.initialize();
  }
  afterEach(async () => client?.shutdown());

  it('speaks English to a client whose locale is en', async () => {
    await start({ model: 'push', locale: 'en-US' });
    await client.open(uri, draft);
    const comma = (await client.diagnosticsFor(uri)).find((d) => d.code === 'punctuation-width')!;
    const message = comma.message as string;
    assert.match(message, /“,”/);
    assert.doesNotMatch(message, /\p{Script=Han}/u, 'an English message');
    const actions = await client.codeActionsFor(uri, comma);
    assert.deepStrictEqual(
      actions.filter((a) => a.title.startsWith('Disable')).map((a) => a.title),
      ['Disable “Full-width punctuation” for this line (punctuation-width)', 'Disable “Full-width punctuation” for this file (punctuation-width)'],
    );
    const heading = draft.split('\n').findIndex((l) => l.startsWith('二、'));
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: heading, character: 1 } });
    assert.match((hover.contents as { value: string }).value, /\d+ characters, about [\d.]+ minutes at 200 a minute\./);
  });

  it('takes settings from initializationOptions and didChangeConfiguration when the client has no workspace/configuration', async () => {
    await start({
      model: 'push',
      initializationOptions: { speechDraft: { rules: { 'punctuation-width': 'off' } } },
      tweakCapabilities: (caps) => {
        caps.workspace!.configuration = false;
      },
    });
    await client.open(uri, draft);
    const before = await client.diagnosticsFor(uri);
    assert.ok(!before.some((d) => d.code === 'punctuation-width'), JSON.stringify(before.map((d) => d.code)));
    client.forgetDiagnostics(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { speechDraft: { rules: {} } } });
    const after = await client.diagnosticsFor(uri);
    const comma = after.find((d) => d.code === 'punctuation-width');
    assert.ok(comma, JSON.stringify(after.map((d) => d.code)));
    assert.strictEqual(sliceRange(draft, comma.range), ',');
  });

  it('registers nothing dynamically and sends no related information to a client that supports neither', async () => {
    await start({
      model: 'push',
      tweakCapabilities: (caps) => {
        caps.workspace!.didChangeConfiguration = { dynamicRegistration: false };
        caps.workspace!.didChangeWatchedFiles = { dynamicRegistration: false };
        caps.textDocument!.publishDiagnostics = {};
      },
    });
    const gappy = draft.replace('\n二、明确任务', '\n三、明确任务');
    await client.open(uri, gappy);
    const gap = (await client.diagnosticsFor(uri)).find((d) => d.code === 'numbering-sequence')!;
    assert.strictEqual(sliceRange(gappy, gap.range), '三、');
    assert.strictEqual(gap.relatedInformation, undefined);
    assert.deepStrictEqual(client.registrations, []);
  });

  it('registers the config-file watcher and configuration changes with a client that allows it', async () => {
    await start({ model: 'push' });
    await client.until(() => (client.registrations.length >= 2 ? true : undefined), 'two registrations');
    assert.deepStrictEqual([...client.registrations].sort(), ['workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles']);
  });

  it('reports a config file that is not JSON once, in the client’s language, and keeps answering', async () => {
    await start({ model: 'push', locale: 'en' });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-lsp-'));
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), '{ "rules": { "placeholder": "off", } ');
    const a = pathToFileURL(path.join(dir, 'a.txt')).href;
    const b = pathToFileURL(path.join(dir, 'b.txt')).href;
    await client.open(a, draft);
    await client.open(b, draft);
    assert.ok((await client.diagnosticsFor(a)).some((d) => d.code === 'punctuation-width'));
    await client.diagnosticsFor(b);
    await client.edit(a, 0, 0, '\n');
    await client.diagnosticsFor(a);
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: b } });
    assert.ok(symbols.some((s) => s.name === '二、明确任务，抓好落实'));
    const messages = client.messages.filter((m) => m.message.includes('.speechdraftrc.json'));
    assert.strictEqual(messages.length, 1, JSON.stringify(client.messages));
    assert.strictEqual(messages[0].type, 1, 'an error message');
    assert.match(messages[0].message, /^Speech Draft configuration problem/);
  });

  it('rewrites a heading from its 【提纲】 item by index, even with outline-consistency off', async () => {
    await start({ model: 'push', settings: { rules: { 'outline-consistency': 'off' } } });
    await client.open(uri, outlineDraft);
    assert.ok(!(await client.diagnosticsFor(uri)).some((d) => d.code === 'outline-consistency'));
    const edit = await client.request<never>('workspace/executeCommand', {
      command: Commands.syncHeadingFromOutlineBlock,
      arguments: [uri, 3],
    });
    assert.strictEqual(applyEdit(outlineDraft, edit, uri), outlineDraft.replace('二、压实责任，全面强化落实', '二、压实责任，强化落实'));
    assert.deepStrictEqual(client.appliedEdits, [edit]);
    const none = await client.request<unknown>('workspace/executeCommand', {
      command: Commands.syncHeadingFromOutlineBlock,
      arguments: [uri, { index: 0 }],
    });
    assert.strictEqual(none, null, 'heading 一 already agrees with its item');
  });

  it('offers to renumber a list from its marker and to disable a rule for the file', async () => {
    await start({ model: 'push' });
    const gappy = draft.replace('\n其次，要做好', '\n再次，要做好');
    await client.open(uri, gappy);
    const diags = await client.diagnosticsFor(uri);
    const comma = diags.find((d) => d.code === 'punctuation-width')!;
    const actions = await client.codeActionsFor(uri, comma);
    const forFile = actions.find((a) => a.title === '在整个文件停用“全角标点”（punctuation-width）')!;
    assert.strictEqual(applyEdit(gappy, forFile.edit as never, uri), '<!-- speech-draft-disable-file punctuation-width -->\n' + gappy);
    // On the marker 首先 of a list that is not wrong there: still renumbering on offer where the list is wrong.
    const first = positionIn(gappy, gappy.indexOf('首先，'));
    const onMarker = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: first, end: first },
      context: { diagnostics: [] },
    });
    const renumber = onMarker.find((a) => a.title === '重新编排这一组序号');
    assert.ok(renumber, onMarker.map((a) => a.title).join(' | '));
    assert.strictEqual(applyEdit(gappy, renumber.edit as never, uri), draft);
  });

  it('inserts a disable-next-line comment after a byte order mark and with the line’s indentation', async () => {
    await start({ model: 'push' });
    const text = '\uFEFF全区气候干燥,火险等级偏高。\n\n\u3000\u3000各地要加强巡查,严防火灾。\n';
    await client.open(uri, text);
    const commas = (await client.diagnosticsFor(uri)).filter((d) => d.code === 'punctuation-width');
    assert.deepStrictEqual(
      commas.map((d) => d.range.start.line),
      [0, 2],
    );
    const disabled: string[] = [];
    for (const comma of commas) {
      const actions = await client.codeActionsFor(uri, comma);
      disabled.push(applyEdit(text, actions.find((a) => a.title === '在这一行停用“全角标点”（punctuation-width）')!.edit as never, uri));
    }
    const comment = '<!-- speech-draft-disable-next-line punctuation-width -->';
    assert.strictEqual(disabled[0], `\uFEFF${comment}\n${text.slice(1)}`);
    assert.strictEqual(disabled[1], text.replace('\n\n\u3000', `\n\n\u3000\u3000${comment}\n\u3000`));
  });

  describe('pulling diagnostics', () => {
    it('answers unchanged for the same result id and full after an edit', async () => {
      await start({ model: 'pull' });
      await client.open(uri, draft);
      const first = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
      assert.strictEqual(first.kind, 'full');
      assert.ok(first.resultId && first.items.length > 0);
      const again = await client.request<{ kind: string; resultId: string }>('textDocument/diagnostic', {
        textDocument: { uri },
        previousResultId: first.resultId,
      });
      assert.deepStrictEqual(again, { kind: 'unchanged', resultId: first.resultId });
      const comma = draft.indexOf(',');
      await client.edit(uri, comma, comma + 1, '，');
      const edited = await client.request<{ kind: string; resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', {
        textDocument: { uri },
        previousResultId: first.resultId,
      });
      assert.strictEqual(edited.kind, 'full');
      assert.notStrictEqual(edited.resultId, first.resultId);
      assert.strictEqual(edited.items.length, first.items.length - 1);
    });

    it('asks the client to re-pull when the configuration changes', async () => {
      await start({ model: 'pull' });
      await client.open(uri, draft);
      await client.diagnosticsFor(uri);
      const before = client.refreshRequests;
      await client.changeSettings({ rules: { 'punctuation-width': 'off' } });
      await client.until(() => (client.refreshRequests > before ? true : undefined), 'workspace/diagnostic/refresh');
      assert.ok(!(await client.diagnosticsFor(uri)).some((d) => d.code === 'punctuation-width'));
    });

    it('never answers a cancelled pull with an empty report, and goes on answering', async () => {
      await start({ model: 'pull' });
      await client.open(uri, draft);
      const source = new CancellationTokenSource();
      const pending = client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
      source.cancel();
      const outcome = await pending.then(
        (r) => ({ items: (r as { items: Diagnostic[] }).items }),
        (e: { code?: number }) => ({ code: e.code }),
      );
      if ('code' in outcome) assert.strictEqual(outcome.code, -32800, 'RequestCancelled');
      else assert.ok(outcome.items.length > 0, 'a report, if any, is complete');
      assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'punctuation-width'));
    });
  });
});
