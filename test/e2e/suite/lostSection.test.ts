// A section lost at a download site's cut, inside VS Code in Chinese: the
// 讲话提纲 view shows the 【提纲】, the opening, the gap itself and the closing,
// each marked by its worst finding, and the gap's node goes to the cut; the
// gap's first quick fix puts the heading back from the 【提纲】, at the cut.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { HeadingTreeNode } from '../../../server/src/protocol';
import { GAP_DRAFT, GAP_DRAFT_VIEW, WHOLE_DRAFT } from '../../helpers/signalDrafts';
import { api, codeOf, diagnosticsWhere, waitFor, workspaceFile } from './util';

describe('A lost section in the editor', () => {
  const gapFile = workspaceFile('lost-section.speech');
  const wholeFile = workspaceFile('whole-section.speech');

  before(async () => {
    await api();
    await vscode.workspace.fs.writeFile(gapFile, Buffer.from(GAP_DRAFT, 'utf8'));
    await vscode.workspace.fs.writeFile(wholeFile, Buffer.from(WHOLE_DRAFT, 'utf8'));
  });
  afterEach(async () => {
    for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file')) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(async () => {
    for (const f of [gapFile, wholeFile]) await vscode.workspace.fs.delete(f).then(undefined, () => undefined);
  });

  /** The view's nodes once it shows `doc` with its findings counted (a node marked). */
  async function viewOf(doc: vscode.TextDocument, ready: (nodes: HeadingTreeNode[]) => boolean): Promise<HeadingTreeNode[]> {
    const a = await api();
    await a.headingTree.refresh();
    return waitFor([a.headingTree.onDidRefresh], () => (a.headingTree.document === doc && ready(a.headingTree.nodes) ? a.headingTree.nodes : undefined), 'the 讲话提纲 view');
  }

  it('shows the 【提纲】, the opening, the gap where 二、 is lost and the closing, each marked by its worst finding, in Chinese', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument(gapFile);
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'the gap reported');
    const nodes = await viewOf(doc, (n) => n.some((x) => x.kind === 'gap' && x.worst));
    const items = nodes.map((n) => a.headingTree.getTreeItem(n));
    const iconOf = (item: vscode.TreeItem) => (item.iconPath as vscode.ThemeIcon).id;
    // As the server gives them (test/lsp/writerFixes.test.ts), labelled so in the tree.
    assert.deepStrictEqual(nodes.map((n, i) => [n.kind, items[i].label, n.worst ?? '-']), GAP_DRAFT_VIEW);
    // The icon says the worst finding; a node without one keeps its kind's.
    nodes.forEach((n, i) => n.worst && assert.strictEqual(iconOf(items[i]), n.worst, `${n.kind}: icon ${iconOf(items[i])}`));
    assert.strictEqual(iconOf(items[5]), 'debug-stop');
    const [block, opening, , gap, , closing] = items;
    assert.strictEqual(gap.description, '查找突出问题', 'the gap names the heading the 【提纲】 gives it');
    assert.match(String(opening.description), /^在全县安全生产工作会议上的讲话 · \d+ 字 · [\d.]+ 分钟$/);
    assert.match(String(closing.description), /^同志们，做好安全生产工作责任重大…? · \d+ 字/);
    assert.strictEqual(block.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed, 'the 【提纲】 folded: it repeats the headings');
    assert.deepStrictEqual(
      nodes[0].children.map((n) => a.headingTree.getTreeItem(n).label),
      ['一、统一思想认识', '二、查找突出问题', '三、压实工作责任'],
    );
    // Only sections move: the gap, the 【提纲】, the opening and closing have no move actions.
    assert.deepStrictEqual(items.map((i) => i.contextValue), ['outlineBlock', 'opening', 'section', 'gap', 'section', 'closing']);
    assert.match((gap.tooltip as vscode.MarkdownString).value, /可能有一节被删去/);

    // The gap's node goes to the likely cut: the download site's line.
    await vscode.commands.executeCommand(gap.command!.command, ...(gap.command!.arguments ?? []));
    const editor = vscode.window.activeTextEditor!;
    assert.strictEqual(editor.document, doc);
    assert.match(doc.lineAt(editor.selection.start.line).text, /^……（www\.example\.com此处省略500字/);
  });

  it('shows no gap and marks nothing in the lookalike with nothing lost', async () => {
    const doc = await vscode.workspace.openTextDocument(wholeFile);
    await vscode.window.showTextDocument(doc);
    const nodes = await viewOf(doc, (n) => n.some((x) => x.kind === 'closing'));
    assert.deepStrictEqual(
      nodes.map((n) => n.kind),
      ['outlineBlock', 'opening', 'heading', 'heading', 'heading', 'closing'],
    );
    assert.ok(nodes.every((n) => n.worst === undefined), JSON.stringify(nodes.map((n) => n.worst)));
  });

  it('puts the lost heading back from the 【提纲】, at the cut, with the gap’s first quick fix', async () => {
    const doc = await vscode.workspace.openTextDocument(gapFile);
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'numbering-sequence'), 'the gap reported');
    const gap = diags.find((d) => codeOf(d) === 'numbering-sequence')!;
    assert.strictEqual(doc.getText(gap.range), '三、');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, gap.range, vscode.CodeActionKind.QuickFix.value);
    const fixes = actions.filter((x) => x.kind?.value === vscode.CodeActionKind.QuickFix.value);
    const titles = fixes.map((x) => x.title);
    assert.strictEqual(titles[0], '从【提纲】插入缺失的“二、查找突出问题”标题', titles.join(' | '));
    assert.strictEqual(titles[1], '跳到可能被删去的位置', titles.join(' | '));
    assert.ok(titles.indexOf('重新编排这一组序号') > 1, `renumbering only after: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!));
    assert.strictEqual(doc.getText(), GAP_DRAFT.replace('点击下载全文）……\n\n', '点击下载全文）……\n\n二、查找突出问题\n\n'));
    await diagnosticsWhere(doc.uri, (d) => !d.some((x) => ['numbering-sequence', 'outline-consistency', 'announced-count'].includes(codeOf(x))), 'the gap and its echoes gone');
    // The view follows: no gap node, 二、 back in its place.
    const nodes = await viewOf(doc, (n) => !n.some((x) => x.kind === 'gap') && n.filter((x) => x.kind === 'heading').length === 3);
    assert.deepStrictEqual(
      nodes.filter((n) => n.kind === 'heading').map((n) => n.marker + n.heading),
      ['一、统一思想认识', '二、查找突出问题', '三、压实工作责任'],
    );
  });
});
