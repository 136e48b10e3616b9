// The language server as an editor sees it: spawned over stdio, spoken to in
// JSON-RPC, once with a client that only takes pushed diagnostics and once
// with one that pulls them.

import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FoldingRange, Hover, SelectionRange } from 'vscode-languageserver-protocol';
import { fnv1a } from '../../server/src/core';
import type { HeadingTreeResult, StatsResult, DocumentInfoResult } from '../../server/src/protocol';
import { readCorpus, repoRoot, requireCorpus } from '../helpers/corpus';
import { fixtureDir } from '../helpers/fixtures';
import { applyWorkspaceEdit, positionIn, serverPath, sliceRange, TestClient, type DiagnosticsModel } from '../helpers/lspClient';

const draftText = fs.readFileSync(path.join(fixtureDir, 'lsp', 'draft.txt'), 'utf8');

const applyEditTo = applyWorkspaceEdit;

before(() => {
  if (!fs.existsSync(serverPath)) execFileSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot });
});

for (const model of ['push', 'pull'] as DiagnosticsModel[]) {
  describe(`language server (${model} diagnostics)`, function () {
    this.timeout(30000);
    let client: TestClient;
    const uri = 'untitled:draft.txt';

    beforeEach(async () => {
      client = new TestClient({ model });
      const init = await client.initialize();
      const caps = init.capabilities as Record<string, unknown>;
      assert.deepStrictEqual((caps.textDocumentSync as { change: number }).change, 2, 'incremental sync');
      assert.strictEqual(!!caps.diagnosticProvider, model === 'pull');
    });
    afterEach(async () => client.shutdown());

    describe('on the model address', () => {
      let text: string;
      const mUri = 'untitled:model-address.txt';
      before(function () {
        text = readCorpus(requireCorpus(this), 'model-address.txt');
      });

      it('reports the numbering gaps at exact ranges, with code, source and a doc link', async () => {
        await client.open(mUri, text);
        const diags = await client.diagnosticsFor(mUri);
        const numbering = diags.filter((d) => d.code === 'numbering-sequence');
        assert.deepStrictEqual(numbering.map((d) => d.range.start.line).sort(), [12, 9].sort());
        const gap = numbering.find((d) => d.range.start.line === 12)!;
        assert.strictEqual(sliceRange(text, gap.range), '三、');
        assert.strictEqual(sliceRange(text, numbering.find((d) => d.range.start.line === 9)!.range), '第二,');
        assert.strictEqual(gap.source, 'speech-draft');
        assert.match(gap.codeDescription!.href, /docs\/rules\/numbering-sequence\.md$/);
        assert.strictEqual(sliceRange(text, gap.relatedInformation![0].location.range), '一、');
        assert.match(gap.message as string, /缺少“二、”/);
        for (const rule of ['outline-consistency', 'announced-count', 'placeholder', 'web-residue', 'punctuation-width', 'heading-parallelism']) {
          assert.ok(diags.some((d) => d.code === rule), rule);
        }
        const residue = diags.filter((d) => d.code === 'web-residue');
        assert.ok(residue.every((d) => d.tags?.includes(1)), 'residue is marked unnecessary');
      });

      it('applies a quick fix and sees its finding go', async () => {
        await client.open(mUri, text);
        const diags = await client.diagnosticsFor(mUri);
        const comma = diags.find((d) => d.code === 'punctuation-width' && d.range.start.line === 0)!;
        const actions = await client.codeActionsFor(mUri, comma);
        // The 【提纲】 line has four half-width commas: one finding, fixed for the paragraph.
        const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred)!;
        assert.strictEqual(fix.title, '本段 4 处改为全角');
        const { spans } = applyEditTo(text, fix.edit as never, mUri);
        assert.strictEqual(spans.length, 4);
        // Each edit replaces one mark by one: the offsets of the others stay.
        for (const s of spans) await client.edit(mUri, s.start, s.end, s.newText);
        const after = await client.diagnosticsFor(mUri);
        assert.strictEqual(after.filter((d) => d.code === 'punctuation-width').length, diags.filter((d) => d.code === 'punctuation-width').length - 1);
        assert.ok(!after.some((d) => d.code === 'punctuation-width' && d.range.start.line === 0 && d.range.start.character === comma.range.start.character));
        const info = await client.request<DocumentInfoResult>('speechDraft/documentInfo', { textDocument: { uri: mUri } });
        assert.strictEqual(info.hash, fnv1a(client.text(mUri)));
      });
    });

    it('gives document symbols, folding and selection ranges', async () => {
      await client.open(uri, draftText);
      const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepStrictEqual(
        symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
        [
          ['【提纲】', []],
          ['一、认清形势，坚定信心', []],
          ['二、突出重点，狠抓落实', ['首先，要抓好隐患排查', '其次，要抓好应急值守']],
        ],
      );
      assert.match(symbols[1].detail!, /^\d+ 字 · [\d.]+ 分钟$/);
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(folds.some((f) => f.startLine === 7 && f.endLine === 9), JSON.stringify(folds));
      const [sel] = await client.request<SelectionRange[]>('textDocument/selectionRange', {
        textDocument: { uri },
        positions: [{ line: 11, character: 1 }],
      });
      const chain: string[] = [];
      for (let s: SelectionRange | undefined = sel; s; s = s.parent) chain.push(sliceRange(draftText, s.range));
      assert.strictEqual(chain[0], '二、');
      assert.strictEqual(chain[1], '二、突出重点，狠抓落实');
      assert.ok(chain[chain.length - 1] === draftText);
    });

    it('hovers a heading with its length, and a finding with its rule and examples', async () => {
      await client.open(uri, draftText);
      const onHeading = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 3 } });
      const value = (onHeading.contents as { value: string }).value;
      assert.match(value, /二、突出重点，狠抓落实/);
      assert.match(value, /\d+ 字，按每分钟 200 字计约 [\d.]+ 分钟/);
      assert.match(value, /下设 2 项/);
      const comma = draftText.indexOf(',');
      const onFinding = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionIn(draftText, comma) });
      const v2 = (onFinding.contents as { value: string }).value;
      assert.match(v2, /punctuation-width/);
      assert.match(v2, /错误示例/);
      assert.match(v2, /正确示例/);
    });

    it('completes the next marker of the list at a paragraph start', async () => {
      await client.open(uri, draftText);
      const afterQici = draftText.indexOf('\n', draftText.indexOf('其次，')) + 1;
      await client.edit(uri, afterQici, afterQici, '\n');
      const items = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: positionIn(client.text(uri), afterQici + 1),
      });
      const labels = items.map((i) => i.label);
      assert.deepStrictEqual(labels.slice(0, 3), ['再次，', '最后，', '三、']);
      const afterOne = draftText.indexOf('\n', draftText.indexOf('事故起数')) + 1;
      const items2 = await client.request<CompletionItem[]>('textDocument/completion', {
        textDocument: { uri },
        position: positionIn(client.text(uri), afterOne),
      });
      assert.strictEqual(items2[0].label, '二、');
    });

    it('answers the outline and stats requests', async () => {
      await client.open(uri, draftText);
      const outline = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri } });
      assert.deepStrictEqual(
        outline.nodes.map((n) => [n.marker, n.heading, n.children.map((c) => c.marker)]),
        [
          ['一、', '认清形势，坚定信心', []],
          ['二、', '突出重点，狠抓落实', ['首先，', '其次，']],
        ],
      );
      assert.strictEqual(outline.nodes[0].findings.warning, 1, 'the ASCII comma in section 一');
      // 二、突出重点，狠抓落实 · 首先，要抓好隐患排查。 · 其次，要抓好应急值守。
      assert.strictEqual(outline.nodes[1].chars, 11 + 11 + 11);
      const stats = await client.request<StatsResult>('speechDraft/stats', { textDocument: { uri } });
      assert.strictEqual(stats.speakingRate, 200);
      assert.strictEqual(stats.minutes, Math.round((stats.chars / 200) * 10) / 10);
      assert.strictEqual(stats.findings.warning, 1);
    });

    it('keeps ranges exact through incremental edits around characters outside the BMP', async () => {
      await client.open(uri, draftText);
      const lineStart = draftText.indexOf('今年以来');
      await client.edit(uri, lineStart, lineStart, '𠀀😀');
      let diags = await client.diagnosticsFor(uri);
      let comma = diags.find((d) => d.code === 'punctuation-width')!;
      assert.strictEqual(sliceRange(client.text(uri), comma.range), ',');
      assert.strictEqual(comma.range.start.character, draftText.indexOf(',') - lineStart + 4);
      await client.edit(uri, lineStart + 2, lineStart + 4, '');
      diags = await client.diagnosticsFor(uri);
      comma = diags.find((d) => d.code === 'punctuation-width')!;
      assert.strictEqual(sliceRange(client.text(uri), comma.range), ',');
      const info = await client.request<DocumentInfoResult>('speechDraft/documentInfo', { textDocument: { uri } });
      assert.deepStrictEqual([info.length, info.hash], [client.text(uri).length, fnv1a(client.text(uri))]);
    });

    it('follows configuration changes', async () => {
      await client.open(uri, draftText);
      assert.ok((await client.diagnosticsFor(uri)).some((d) => d.code === 'punctuation-width'));
      client.forgetDiagnostics(uri);
      await client.changeSettings({ rules: { 'punctuation-width': 'off', 'speech-structure': 'error' } });
      if (model === 'push') await new Promise((r) => setTimeout(r, 0));
      const after = await client.diagnosticsFor(uri);
      assert.ok(!after.some((d) => d.code === 'punctuation-width'));
    });

    it('shows one message for a broken config file and keeps working on defaults', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-lsp-'));
      fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), '{ "rules": { "no-such-rule": "off" } }');
      fs.writeFileSync(path.join(dir, 'a.txt'), draftText);
      const a = pathToFileURL(path.join(dir, 'a.txt')).href;
      const b = pathToFileURL(path.join(dir, 'b.txt')).href;
      await client.open(a, draftText);
      await client.open(b, draftText);
      const diags = await client.diagnosticsFor(a);
      assert.ok(diags.some((d) => d.code === 'punctuation-width'));
      await client.diagnosticsFor(b);
      await client.until(() => client.messages.length > 0 || undefined, 'a message');
      await client.edit(a, 0, 0, ' ');
      await client.diagnosticsFor(a);
      const messages = client.messages.filter((m) => m.message.includes('.speechdraftrc.json'));
      assert.strictEqual(messages.length, 1, JSON.stringify(client.messages));
      assert.match(messages[0].message, /rules\.no-such-rule/);
      assert.match(messages[0].message, /未知的规则 id/);
    });

    it('renumbers the draft and writes the 【提纲】 through workspace/applyEdit', async () => {
      const gappy = draftText.replace('\n二、突出重点', '\n三、突出重点');
      await client.open(uri, gappy);
      const edit = await client.request<{ changes: Record<string, unknown[]> }>('workspace/executeCommand', {
        command: 'speechDraft.server.renumber',
        arguments: [uri],
      });
      assert.strictEqual(applyEditTo(gappy, edit as never, uri).text, draftText);
      assert.strictEqual(client.appliedEdits.length, 1);
      const noOutline = draftText.slice(draftText.indexOf('\n') + 1).replace('二、突出重点', '二、全面突出重点');
      await client.open('untitled:b.txt', noOutline);
      const e2 = await client.request<unknown>('workspace/executeCommand', { command: 'speechDraft.server.updateOutline', arguments: ['untitled:b.txt'] });
      const written = applyEditTo(noOutline, e2 as never, 'untitled:b.txt').text;
      assert.ok(written.startsWith('【提纲】\n一、认清形势，坚定信心\n二、全面突出重点，狠抓落实\n\n在全县'), written.slice(0, 60));
    });

    it('offers fix-all, suppression and source.fixAll actions that touch only their ranges', async () => {
      const text = draftText.replace('总体平稳,事故', '总体平稳,事故起数,同比');
      await client.open(uri, text);
      const diags = await client.diagnosticsFor(uri);
      const comma = diags.find((d) => d.code === 'punctuation-width')!;
      const actions = await client.codeActionsFor(uri, comma);
      const titles = actions.map((a) => a.title);
      assert.ok(titles.includes('全部改为全角（2 处）'), titles.join(' | '));
      const disable = actions.find((a) => a.title === '在这一行停用“全角标点”（punctuation-width）')!;
      const disabled = applyEditTo(text, disable.edit as never, uri).text;
      assert.ok(disabled.includes('<!-- speech-draft-disable-next-line punctuation-width -->\n今年以来'));
      const all = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      assert.strictEqual(all.length, 1);
      assert.strictEqual(all[0].kind, 'source.fixAll.speech-draft');
      const fixed = applyEditTo(text, all[0].edit as never, uri).text;
      assert.strictEqual(fixed, text.replace(/,/g, '，'));
    });

    it('re-reads a changed .speechdraftrc.json on didChangeWatchedFiles', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-lsp-'));
      const rc = path.join(dir, '.speechdraftrc.json');
      fs.writeFileSync(rc, '{}');
      const file = pathToFileURL(path.join(dir, 'c.txt')).href;
      await client.open(file, draftText);
      assert.ok((await client.diagnosticsFor(file)).some((d) => d.code === 'punctuation-width'));
      fs.writeFileSync(rc, JSON.stringify({ rules: { 'punctuation-width': 'off' } }));
      client.forgetDiagnostics(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(rc).href, type: 2 }] });
      const after = await client.diagnosticsFor(file);
      assert.ok(!after.some((d) => d.code === 'punctuation-width'));
    });

    it('checks on save only, when so configured', async () => {
      client.settings = { run: 'onSave' };
      await client.open(uri, draftText);
      const before = await client.diagnosticsFor(uri);
      const at = draftText.indexOf('今年以来');
      await client.edit(uri, at, at, '项目*个。');
      // The saved text is what counts until the next save.
      const unsaved = await client.request<Diagnostic[] | { items: Diagnostic[] }>(
        model === 'pull' ? 'textDocument/diagnostic' : 'speechDraft/documentInfo',
        { textDocument: { uri } },
      );
      if (model === 'pull') assert.strictEqual((unsaved as { items: Diagnostic[] }).items.length, before.length);
      client.forgetDiagnostics(uri);
      await client.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
      const saved = await client.diagnosticsFor(uri);
      assert.ok(saved.some((d) => d.code === 'placeholder'));
    });

    it('rewrites a heading from its 【提纲】 item', async () => {
      const drifted = draftText.replace('\n二、突出重点，狠抓落实', '\n二、突出重点，全力抓好落实');
      await client.open(uri, drifted);
      const line = drifted.split('\n').findIndex((l) => l.startsWith('二、突出重点'));
      const edit = await client.request<unknown>('workspace/executeCommand', {
        command: 'speechDraft.server.syncHeadingFromOutline',
        arguments: [uri, { line, character: 4 }],
      });
      assert.strictEqual(applyEditTo(drifted, edit as never, uri).text, draftText);
    });

    it('writes nothing but protocol on stdout', async () => {
      await client.open(uri, draftText);
      await client.diagnosticsFor(uri);
      await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 1 } });
      let raw = Buffer.concat(client.rawStdout);
      let frames = 0;
      while (raw.length) {
        const header = /^Content-Length: (\d+)\r\n\r\n/.exec(raw.subarray(0, 64).toString('latin1'));
        assert.ok(header, `not a protocol frame: ${raw.subarray(0, 40).toString()}`);
        const start = header[0].length;
        const body = raw.subarray(start, start + Number(header[1]));
        JSON.parse(body.toString('utf8'));
        raw = raw.subarray(start + Number(header[1]));
        frames++;
      }
      assert.ok(frames >= 3);
    });
  });
}
