// Over LSP: a paragraph's many half-width marks are one diagnostic, each mark
// given by `speechDraft/groupedMarks` and named by the hover; a quick fix for
// the paragraph and one for the draft (`全部改为全角（N 处）`); structure first;
// `halfWidthMarks: each` lists every mark.

import * as assert from 'assert';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/core';
import type { GroupedMarksResult } from '../../server/src/protocol';
import { applyWorkspaceEdit, positionIn, sliceRange, TestClient, type WorkspaceEditLike } from '../helpers/lspClient';
import { MARKS_DRAFT } from '../helpers/signalDrafts';

const uri = 'untitled:marks.txt';
const commas = (line: number) => {
  const out: number[] = [];
  const start = MARKS_DRAFT.split('\n').slice(0, line).join('\n').length + 1;
  const text = MARKS_DRAFT.split('\n')[line];
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) out.push(start + i);
  return out;
};

describe('grouped half-width marks over LSP', function () {
  this.timeout(30000);
  let client: TestClient;
  afterEach(async () => client?.shutdown());

  async function start(settings: Record<string, unknown> = {}) {
    client = new TestClient({
      model: 'push',
      settings,
      tweakCapabilities: (caps) => {
        caps.textDocument!.codeAction = { ...caps.textDocument!.codeAction, dataSupport: true, resolveSupport: { properties: ['edit'] } };
      },
    });
    await client.initialize();
    await client.open(uri, MARKS_DRAFT);
    return client.diagnosticsFor(uri);
  }

  it('sends one diagnostic for four marks, three for three, structure first', async () => {
    const diags = await start();
    const width = diags.filter((d) => d.code === 'punctuation-width');
    assert.deepStrictEqual(width.map((d) => d.range.start.line), [4, 8, 8, 8]);
    assert.strictEqual(width[0].message, '本段有 4 处半角标点（,），应改为全角。');
    assert.strictEqual(width[0].severity, 2, 'a warning, as the rule says: never lowered to a hint');
    const firstTypography = diags.findIndex((d) => d.code === 'punctuation-width');
    const structural = ['web-residue', 'placeholder'];
    assert.ok(diags.slice(firstTypography).every((d) => !structural.includes(d.code as string)), diags.map((d) => d.code).join(' '));
    assert.ok(structural.every((r) => diags.some((d) => d.code === r)));
  });

  it('gives each mark of the group, and names the mark under the cursor in the hover', async () => {
    await start();
    const marks = await client.request<GroupedMarksResult>('speechDraft/groupedMarks', { textDocument: { uri } });
    const offsets = commas(4);
    assert.deepStrictEqual(
      marks.marks.map((m) => m.range.start),
      offsets.map((o) => positionIn(MARKS_DRAFT, o)),
    );
    assert.ok(marks.marks.every((m) => sliceRange(MARKS_DRAFT, m.range) === ',' && m.rule === 'punctuation-width'));
    assert.strictEqual(marks.marks[2].message, '中文里用了半角“,”，应使用全角“，”。');
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionIn(MARKS_DRAFT, offsets[2]) });
    const value = (hover.contents as { value: string }).value;
    assert.ok(value.includes(`此处：${marks.marks[2].message.replace(/[!-/:-@[-`{-~]/g, '\\$&')}`), value);
    assert.ok(value.includes('本段有 4 处半角标点'), value);
  });

  it('offers at any mark the paragraph’s fix and the draft’s, which resolves to every mark shown', async () => {
    await start();
    const at = positionIn(MARKS_DRAFT, commas(4)[3]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } });
    const titles = actions.map((a) => a.title);
    const paragraph = actions.find((a) => a.title === '本段 4 处改为全角');
    assert.ok(paragraph, titles.join(' | '));
    const after = applyWorkspaceEdit(MARKS_DRAFT, paragraph.edit as WorkspaceEditLike, uri).text;
    assert.strictEqual(after.split('\n')[4], '今天召开会议，主要是总结工作，分析形势，部署任务，请大家抓好落实。');
    const all = actions.find((a) => a.title === '全部改为全角（7 处）');
    assert.ok(all, titles.join(' | '));
    const resolved = await client.request<CodeAction>('codeAction/resolve', all);
    const fixed = applyWorkspaceEdit(MARKS_DRAFT, resolved.edit as WorkspaceEditLike, uri).text;
    assert.strictEqual(fixed.split('\n')[8], '当前，全市安全生产形势总体平稳，但隐患仍然不少，必须高度警惕。');
    assert.strictEqual(fixed.split('\n')[12], MARKS_DRAFT.split('\n')[12], 'the line to remove is left to its own fix');
  });

  it('lists every mark on its own with halfWidthMarks: each', async () => {
    const diags = await start({ halfWidthMarks: 'each' });
    const expected = checkText(MARKS_DRAFT).findings.filter((f) => f.rule === 'punctuation-width').length;
    assert.strictEqual(diags.filter((d) => d.code === 'punctuation-width').length, expected);
    assert.strictEqual(expected, 7, 'the commas of lines 5 and 9: the marks of the download site’s text are not reported');
    const marks = await client.request<GroupedMarksResult>('speechDraft/groupedMarks', { textDocument: { uri } });
    assert.deepStrictEqual(marks.marks, []);
    // Back to grouped without reopening: the setting is read again.
    client.forgetDiagnostics(uri);
    await client.changeSettings({});
    const regrouped = await client.until(async () => {
      const m = await client.request<GroupedMarksResult>('speechDraft/groupedMarks', { textDocument: { uri } });
      return m.marks.length === 4 ? m : undefined;
    }, 'grouped marks again');
    assert.strictEqual(regrouped.marks.length, 4);
  });
});
