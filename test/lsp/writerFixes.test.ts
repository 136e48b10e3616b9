// Over LSP: a gap in the numbering offers first the lost heading from the
// 【提纲】 (inserted at the cut), then the cut itself, and only then
// renumbering, in a preview; a 【提纲】 item with no heading offers both
// directions; renumbering keeps the 【提纲】 with the body; the outline view's
// data shows the gap, the 【提纲】, the opening and the closing.

import * as assert from 'assert';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { allPairs, checkText, isStructural, pairOutlineBlock } from '../../server/src/core';
import type { HeadingTreeNode, HeadingTreeNodeKind, HeadingTreeResult } from '../../server/src/protocol';
import { readCorpus, requireCorpus } from '../helpers/corpus';
import { applyWorkspaceEdit, sliceRange, TestClient, type WorkspaceEditLike } from '../helpers/lspClient';
import { GAP_DRAFT, GAP_DRAFT_VIEW, WHOLE_DRAFT } from '../helpers/signalDrafts';

const uri = 'untitled:gap.txt';
const ALL_KINDS: HeadingTreeNodeKind[] = ['heading', 'runin', 'inline', 'gap', 'outlineBlock', 'outlineItem', 'opening', 'closing'];
type Annotated = WorkspaceEditLike & { changeAnnotations?: Record<string, { label: string; needsConfirmation?: boolean }> };

describe('fixes that respect the writer (over LSP)', function () {
  this.timeout(30000);
  let client: TestClient;
  const shown: unknown[] = [];
  afterEach(async () => client?.shutdown());

  async function start(text: string, annotations = true) {
    shown.length = 0;
    client = new TestClient({
      model: 'push',
      tweakCapabilities: (caps) => {
        if (annotations) caps.workspace!.workspaceEdit = { ...caps.workspace!.workspaceEdit, changeAnnotationSupport: { groupsOnLabel: true } };
        caps.window = { showDocument: { support: true } };
      },
    });
    client.connection.onRequest('window/showDocument', (p: unknown) => {
      shown.push(p);
      return { success: true };
    });
    await client.initialize();
    await client.open(uri, text);
    return client.diagnosticsFor(uri);
  }
  const find = (diags: Diagnostic[], rule: string) => diags.find((d) => d.code === rule)!;
  const needsConfirmation = (edit: unknown) => Object.values((edit as Annotated).changeAnnotations ?? {}).some((a) => a.needsConfirmation);

  it('offers for a gap: the heading from the 【提纲】 at the cut, the cut, and only then renumbering in a preview', async () => {
    const diags = await start(GAP_DRAFT);
    const gap = find(diags, 'numbering-sequence');
    assert.strictEqual(sliceRange(GAP_DRAFT, gap.range), '三、');
    const actions = (await client.codeActionsFor(uri, gap)).filter((a) => a.kind === 'quickfix');
    const titles = actions.map((a) => a.title);
    assert.strictEqual(titles[0], '从【提纲】插入缺失的“二、查找突出问题”标题', titles.join(' | '));
    assert.strictEqual(titles[1], '跳到可能被删去的位置');
    assert.strictEqual(titles[2], '重新编排这一组序号');
    assert.ok(actions[0].isPreferred && !actions.slice(1).some((a) => a.isPreferred), 'only the insertion is preferred');
    // The heading goes in after the download site's line, as a paragraph of its own.
    const inserted = applyWorkspaceEdit(GAP_DRAFT, actions[0].edit as WorkspaceEditLike, uri).text;
    assert.strictEqual(inserted, GAP_DRAFT.replace('点击下载全文）……\n\n', '点击下载全文）……\n\n二、查找突出问题\n\n'));
    assert.ok(!needsConfirmation(actions[0].edit), 'an insertion is applied at once');
    const after: string[] = checkText(inserted).findings.map((f) => f.rule);
    for (const gone of ['numbering-sequence', 'outline-consistency', 'announced-count']) assert.ok(!after.includes(gone), `${gone} after: ${after}`);
    // The cut is shown, selected.
    await client.request('workspace/executeCommand', actions[1].command);
    const residue = find(diags, 'web-residue');
    assert.deepStrictEqual(shown, [{ uri, selection: residue.range, takeFocus: true }]);
    // Renumbering asks for confirmation.
    assert.ok(needsConfirmation(actions[2].edit), JSON.stringify(actions[2].edit));
    assert.strictEqual(applyWorkspaceEdit(GAP_DRAFT, actions[2].edit as WorkspaceEditLike, uri).text, GAP_DRAFT.replace('\n三、压实', '\n二、压实'));
  });

  it('offers both directions for a 【提纲】 item with no heading: the heading into the body first, the 【提纲】 rewritten in a preview', async () => {
    const diags = await start(GAP_DRAFT);
    const item = find(diags, 'outline-consistency');
    const actions = (await client.codeActionsFor(uri, item)).filter((a) => a.kind === 'quickfix');
    assert.strictEqual(actions[0].title, '在正文中补上“二、查找突出问题”标题');
    assert.ok(actions[0].isPreferred);
    assert.strictEqual(applyWorkspaceEdit(GAP_DRAFT, actions[0].edit as WorkspaceEditLike, uri).text, GAP_DRAFT.replace('点击下载全文）……\n\n', '点击下载全文）……\n\n二、查找突出问题\n\n'));
    const rewrite = actions.find((a) => a.title === '按正文标题重写【提纲】')!;
    assert.ok(actions.indexOf(rewrite) > 0);
    assert.ok(needsConfirmation(rewrite.edit));
  });

  it('sends plain edits to a client without change annotations', async () => {
    const diags = await start(GAP_DRAFT, false);
    const actions = await client.codeActionsFor(uri, find(diags, 'numbering-sequence'));
    const renumber = actions.find((a) => a.title === '重新编排这一组序号')!;
    assert.strictEqual((renumber.edit as Annotated).changeAnnotations, undefined);
    assert.strictEqual(applyWorkspaceEdit(GAP_DRAFT, renumber.edit as WorkspaceEditLike, uri).text, GAP_DRAFT.replace('\n三、压实', '\n二、压实'));
  });

  it('renumbers and writes the 【提纲】 from the palette in a preview, the 【提纲】 following where it lists every heading', async () => {
    // The 【提纲】 written from the gapped body: both skip 二, and renumbering must keep them together.
    const both = GAP_DRAFT.replace('二、查找突出问题。', '');
    await start(both);
    const edit = await client.request<Annotated>('workspace/executeCommand', { command: 'speechDraft.server.renumber', arguments: [uri] });
    assert.ok(needsConfirmation(edit));
    assert.deepStrictEqual(client.appliedEdits, [edit]);
    const renumbered = applyWorkspaceEdit(both, edit, uri).text;
    assert.ok(renumbered.startsWith('【提纲】一、统一思想认识。二、压实工作责任。'), renumbered.slice(0, 40));
    assert.ok(renumbered.includes('\n二、压实工作责任\n'));
    const r = checkText(renumbered);
    assert.ok(!r.findings.some((f) => f.rule === 'outline-consistency' || f.rule === 'numbering-sequence'), r.findings.map((f) => f.message).join(' '));
    for (const p of allPairs(pairOutlineBlock(r.model))) assert.strictEqual(p.item.marker.value, p.heading.marker.value);
    const outline = await client.request<Annotated>('workspace/executeCommand', { command: 'speechDraft.server.updateOutline', arguments: [uri] });
    assert.ok(outline === null || needsConfirmation(outline));
  });

  it('never leaves the 【提纲】 and the body disagreeing without a finding after renumbering', async () => {
    // The 【提纲】 still lists the lost 二: it is left alone, and its finding stays.
    await start(GAP_DRAFT);
    const edit = await client.request<Annotated>('workspace/executeCommand', { command: 'speechDraft.server.renumber', arguments: [uri] });
    const renumbered = applyWorkspaceEdit(GAP_DRAFT, edit, uri).text;
    assert.ok(renumbered.startsWith('【提纲】一、统一思想认识。二、查找突出问题。三、压实工作责任。'));
    const r = checkText(renumbered);
    const disagree = allPairs(pairOutlineBlock(r.model)).some((p) => p.item.marker.value !== p.heading.marker.value);
    assert.ok(disagree, 'the body says 二 where the 【提纲】 says 三');
    assert.ok(r.findings.some((f) => f.rule === 'outline-consistency'), 'and a finding says they disagree');
  });

  it('gives the outline view the gap, the 【提纲】 and its items, the opening and the closing, each marked by its worst finding', async () => {
    const diags = await start(GAP_DRAFT);
    const { nodes } = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri }, kinds: ALL_KINDS });
    const shape = (n: HeadingTreeNode) => [n.kind, n.label ?? `${n.marker}${n.heading}`, n.worst ?? '-'];
    assert.deepStrictEqual(nodes.map(shape), GAP_DRAFT_VIEW);
    const [block, opening, , gap, , closing] = nodes;
    assert.deepStrictEqual(block.children.map(shape), [
      ['outlineItem', '一、统一思想认识', '-'],
      ['outlineItem', '二、查找突出问题', 'warning'],
      ['outlineItem', '三、压实工作责任', '-'],
    ]);
    assert.strictEqual(gap.heading, '查找突出问题', 'the heading the 【提纲】 gives it');
    assert.deepStrictEqual(gap.selectionRange, find(diags, 'web-residue').range, 'pointing at the cut');
    assert.strictEqual(gap.section, false);
    assert.strictEqual(opening.heading, '在全县安全生产工作会议上的讲话');
    assert.ok(opening.chars > 30);
    assert.strictEqual(sliceRange(GAP_DRAFT, closing.range), '同志们，做好安全生产工作责任重大，让我们共同努力！');
    // The lookalike with nothing lost: no gap, nothing marked.
    await client.open('untitled:whole.txt', WHOLE_DRAFT);
    const whole = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri: 'untitled:whole.txt' }, kinds: ALL_KINDS });
    assert.deepStrictEqual(whole.nodes.map((n) => n.kind), ['outlineBlock', 'opening', 'heading', 'heading', 'heading', 'closing']);
    assert.ok(whole.nodes.every((n) => n.worst === undefined));
    // A client that names no kinds gets the heading tree alone, as before.
    const plain = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri } });
    assert.deepStrictEqual(plain.nodes.map(shape), [
      ['heading', '一、统一思想认识', 'warning'],
      ['heading', '三、压实工作责任', 'warning'],
    ]);
    // Some kinds: those only.
    const some = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri }, kinds: ['heading', 'gap'] });
    assert.deepStrictEqual(some.nodes.map((n) => n.kind), ['heading', 'gap', 'heading']);
  });

  describe('on the model address', () => {
    let text: string;
    before(function () {
      text = readCorpus(requireCorpus(this), 'model-address.txt');
    });

    it('opens with at most 40 diagnostics, every structural finding among them; the gap’s first fix puts back 二 from the 【提纲】', async () => {
      const mUri = 'untitled:model-address.txt';
      await start('');
      await client.open(mUri, text);
      const diags = await client.diagnosticsFor(mUri);
      assert.ok(diags.length <= 40, `${diags.length} diagnostics`);
      const structural = checkText(text).findings.filter((f) => isStructural(f.rule));
      assert.ok(structural.length >= 15);
      for (const f of structural) assert.ok(diags.some((d) => d.code === f.rule && d.message === f.message), f.message);
      const gap = diags.find((d) => d.code === 'numbering-sequence' && sliceRange(text, d.range) === '三、')!;
      // The quick fixes as VS Code's light bulb lists them (source actions are not among them).
      const [first] = (await client.codeActionsFor(mUri, gap)).filter((a) => a.kind === 'quickfix');
      assert.strictEqual(first.title, '从【提纲】插入缺失的“二、直面问题……”标题');
      const inserted = applyWorkspaceEdit(text, first.edit as WorkspaceEditLike, mUri).text.split('\n');
      const lines = text.split('\n');
      assert.ok(/此处省略/.test(lines[7]));
      assert.strictEqual(inserted[8], '二、直面问题精准施策在攻坚克难中破解发展瓶颈', 'after the cut');
      assert.deepStrictEqual([...inserted.slice(0, 8), ...inserted.slice(9)], lines);
      const { nodes } = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri: mUri }, kinds: ALL_KINDS });
      const labels = (list: HeadingTreeNode[]): string[] => list.flatMap((n) => [n.label ?? n.marker, ...labels(n.children)]);
      assert.ok(labels(nodes).includes('（缺少 二、）'), labels(nodes).join(' '));
    });
  });
});


