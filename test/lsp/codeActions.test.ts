// Code actions at the cursor cost what the findings at the cursor cost: fix-all
// is computed when it is resolved, run or asked for by `only`, never to answer
// a cursor move (VS Code asks on every one). Counted, not timed: the calls of
// applyFixes in process, and the server's own count over LSP.

import * as assert from 'assert';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { checkText, mergeConfig, translator } from '../../server/src/core';
import { Commands, type ServerStatusResult } from '../../server/src/protocol';
import type { Analysis } from '../../server/src/server/analysis';
import { codeActions, FIX_ALL_KIND, resolveFixAll, type ActionSupport } from '../../server/src/server/codeActions';
import { commaDraft } from '../helpers/commaDraft';
import { applyWorkspaceEdit, editsOf, positionIn, TestClient, type WorkspaceEditLike } from '../helpers/lspClient';

// The module object the server's code reaches applyFixes through (CommonJS: replacing the export is seen by every caller).
const fixesModule = require('../../server/src/core/fixes') as { applyFixes: (...args: never[]) => unknown };

/** Runs `f`, counting the calls of applyFixes it makes. */
function countingApplyFixes<T>(f: () => T): { result: T; calls: number } {
  const original = fixesModule.applyFixes;
  let calls = 0;
  fixesModule.applyFixes = (...args: never[]) => {
    calls++;
    return original(...args);
  };
  try {
    return { result: f(), calls };
  } finally {
    fixesModule.applyFixes = original;
  }
}

const uri = 'untitled:commas.txt';
const t = translator('zh-cn');

function analysisOf(text: string, version: number): Analysis {
  const config = mergeConfig();
  const settings = { config, run: 'onType' as const, halfWidthMarks: 'grouped' as const, debounce: 0, problems: [], languages: undefined, ignored: false, generation: 0, trusted: true };
  const result = checkText(text, { config });
  return { uri, version, text, result, checked: result, config, settings };
}

/** A code-action request at the n-th half-width comma, as VS Code sends it when the cursor lands there. */
function atComma(text: string, n: number) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = text.indexOf(',', at + 1);
  const p = positionIn(text, at);
  return { textDocument: { uri }, range: { start: p, end: p }, context: { diagnostics: [] } };
}

const RESOLVE: ActionSupport = { relatedInformation: true, resolveEdit: true, applyEdit: true, documentChanges: true, changeAnnotations: false, showDocument: false, clientCommands: new Set() };
const COMMAND: ActionSupport = { ...RESOLVE, resolveEdit: false };
const NEITHER: ActionSupport = { ...RESOLVE, resolveEdit: false, applyEdit: false };

const editCount = (a: CodeAction) => (a.edit ? editsOf(a.edit as WorkspaceEditLike, uri).edits.length : 0);

describe('code actions at the cursor (in process)', () => {
  for (const commas of [300, 1200]) {
    it(`compute no fix-all on a draft of ${commas} half-width commas, and offer it to be resolved`, () => {
      const text = commaDraft(commas);
      const a = analysisOf(text, 7);
      const { result: actions, calls } = countingApplyFixes(() => codeActions(a, atComma(text, Math.floor(commas / 2)), t, RESOLVE));
      assert.strictEqual(calls, 0, 'applyFixes ran for a cursor move');
      const titles = actions.map((x) => x.title);
      assert.ok(titles.includes('改为“，”'), titles.join(' | '));
      const draftWide = actions.find((x) => x.kind === FIX_ALL_KIND)!;
      const ruleWide = actions.find((x) => x.title === `全部改为全角（${commas} 处）`)!;
      for (const lazy of [draftWide, ruleWide]) {
        assert.strictEqual(lazy.edit, undefined, `${lazy.title} carries an edit`);
        assert.deepStrictEqual(lazy.data, { fixAll: true, uri, version: 7, rule: lazy === ruleWide ? 'punctuation-width' : undefined });
      }
      // The quick fixes at the cursor edit only there, naming the version they were computed from.
      assert.ok(actions.every((x) => editCount(x) <= 1), 'no whole-document edit');
      const fix = actions.find((x) => x.title === '改为“，”')!;
      assert.strictEqual(editsOf(fix.edit as WorkspaceEditLike, uri).version, 7);

      const { result: resolved, calls: resolveCalls } = countingApplyFixes(() => resolveFixAll(a, ruleWide, RESOLVE));
      assert.strictEqual(resolveCalls, 1);
      assert.strictEqual(editCount(resolved), commas);
      assert.strictEqual(editsOf(resolved.edit as WorkspaceEditLike, uri).version, 7);
      assert.strictEqual(applyWorkspaceEdit(text, resolved.edit as WorkspaceEditLike, uri).text, text.replace(/,/g, '，'));
    });
  }

  it('hands a client that cannot resolve a command instead, still computing nothing', () => {
    const text = commaDraft(1000);
    const a = analysisOf(text, 1);
    const { result: actions, calls } = countingApplyFixes(() => codeActions(a, atComma(text, 10), t, COMMAND));
    assert.strictEqual(calls, 0);
    const ruleWide = actions.find((x) => x.title.startsWith('全部改为全角'))!;
    assert.deepStrictEqual(ruleWide.command, { title: ruleWide.title, command: Commands.fixAllOfRule, arguments: [uri, 'punctuation-width'] });
    assert.deepStrictEqual(actions.find((x) => x.kind === FIX_ALL_KIND)!.command?.arguments, [uri]);
    assert.ok(actions.every((x) => editCount(x) <= 1));
  });

  it('computes the whole-draft edit at once when `only` asks for source.fixAll, or for a client that can neither resolve nor apply', () => {
    const text = commaDraft(1000);
    const a = analysisOf(text, 1);
    const onSave = { ...atComma(text, 0), context: { diagnostics: [], only: ['source.fixAll'] } };
    const asked = countingApplyFixes(() => codeActions(a, onSave, t, RESOLVE));
    assert.strictEqual(asked.calls, 1);
    assert.deepStrictEqual(asked.result.map((x) => [x.kind, editCount(x)]), [[FIX_ALL_KIND, 1000]]);
    // Any source action (the Source Action menu) is a list to pick from: still lazy.
    const menu = countingApplyFixes(() => codeActions(a, { ...onSave, context: { diagnostics: [], only: ['source'] } }, t, RESOLVE));
    assert.strictEqual(menu.calls, 0);
    const old = countingApplyFixes(() => codeActions(a, atComma(text, 0), t, NEITHER));
    assert.strictEqual(old.calls, 2, 'the draft and the rule');
  });
});

/** Every mark its own finding: at a comma, its own quick fix (grouping is `test/lsp/grouping.test.ts`'s). */
const EACH_MARK = { halfWidthMarks: 'each' };

describe('code actions at the cursor (over LSP)', function () {
  this.timeout(60000);
  let client: TestClient;
  afterEach(async () => client?.shutdown());
  const status = () => client.request<ServerStatusResult>('speechDraft/serverStatus', null);

  it('offers fix-all unresolved to a client that resolves, and fills it in on codeAction/resolve', async () => {
    client = new TestClient({
      model: 'push',
      settings: EACH_MARK,
      tweakCapabilities: (caps) => {
        caps.textDocument!.codeAction = { ...caps.textDocument!.codeAction, dataSupport: true, resolveSupport: { properties: ['edit'] } };
      },
    });
    const init = await client.initialize();
    assert.strictEqual((init.capabilities as { codeActionProvider: { resolveProvider?: boolean } }).codeActionProvider.resolveProvider, true);
    const text = commaDraft(1000);
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const before = (await status()).fixAllRuns;
    // Cursor moves over ten commas.
    let actions: CodeAction[] = [];
    for (let i = 0; i < 10; i++) actions = await client.request<CodeAction[]>('textDocument/codeAction', atComma(text, i * 90));
    assert.strictEqual((await status()).fixAllRuns, before, 'fix-all computed for a cursor move');
    assert.ok(actions.every((x) => editCount(x) <= 1), 'no whole-document edit');
    const ruleWide = actions.find((x) => x.title === '全部改为全角（1000 处）')!;
    assert.strictEqual(ruleWide.edit, undefined);
    const resolved = await client.request<CodeAction>('codeAction/resolve', ruleWide);
    assert.strictEqual((await status()).fixAllRuns, before + 1);
    assert.strictEqual(editsOf(resolved.edit as WorkspaceEditLike, uri).version, client.version(uri));
    assert.strictEqual(applyWorkspaceEdit(text, resolved.edit as WorkspaceEditLike, uri).text, text.replace(/,/g, '，'));
  });

  it('offers fix-all as a command to a client that does not resolve, computed only when run', async () => {
    client = new TestClient({ model: 'push', settings: EACH_MARK });
    await client.initialize();
    const text = commaDraft(1000);
    await client.open(uri, text);
    await client.diagnosticsFor(uri);
    const before = (await status()).fixAllRuns;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', atComma(text, 100));
    assert.strictEqual((await status()).fixAllRuns, before);
    const ruleWide = actions.find((x) => x.title === '全部改为全角（1000 处）')!;
    assert.strictEqual(ruleWide.edit, undefined);
    const edit = await client.request<WorkspaceEditLike>('workspace/executeCommand', ruleWide.command);
    assert.strictEqual((await status()).fixAllRuns, before + 1);
    assert.deepStrictEqual(client.appliedEdits, [edit]);
    assert.strictEqual(applyWorkspaceEdit(text, edit, uri).text, text.replace(/,/g, '，'));
  });
});
