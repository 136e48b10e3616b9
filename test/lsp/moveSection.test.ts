// `speechDraft/moveSection` over stdio: the server returns the edit that moves
// a section (the client only applies it), made for the version it names; it
// applies nothing itself, and says why a section cannot move.

import * as assert from 'assert';
import type { MoveSectionResult, HeadingTreeResult } from '../../server/src/protocol';
import { applyWorkspaceEdit, positionIn, TestClient } from '../helpers/lspClient';

describe('language server: moving a section', function () {
  this.timeout(30000);
  let client: TestClient;
  const uri = 'untitled:move.txt';
  // Full-width digits, and a character outside the BMP before the list: positions are UTF-16.
  const draft = '关于𠀀项目的讲话\n\n同志们：\n\n一、总体要求\n\n１．稳增长\n\n２．促改革\n\n３．惠民生\n\n二、保障措施\n\n一是抓投资，二是抓消费。\n';

  beforeEach(async () => {
    client = new TestClient({ model: 'push', locale: 'zh-cn' });
    await client.initialize();
    await client.open(uri, draft);
  });
  afterEach(async () => client.shutdown());

  const ask = (text: string, at: string, to: 'up' | 'down' | string) =>
    client.request<MoveSectionResult | null>('speechDraft/moveSection', {
      textDocument: { uri },
      position: positionIn(text, text.indexOf(at)),
      to: to === 'up' || to === 'down' ? to : positionIn(text, text.indexOf(to)),
    });

  it('returns the edit for a move down, keeping full-width digits, and applies nothing itself', async () => {
    const r = await ask(draft, '２．促改革', 'down');
    assert.ok(r && r.status === 'moved', JSON.stringify(r));
    assert.strictEqual(r.version, 1);
    const moved = applyWorkspaceEdit(draft, r.edit as never, uri).text;
    assert.strictEqual(moved, draft.replace('２．促改革\n\n３．惠民生', '２．惠民生\n\n３．促改革'));
    assert.deepStrictEqual(client.appliedEdits, [], 'the client applies the edit, not the server');
  });

  it('moves to the place of a sibling the section is dropped on, and up', async () => {
    const drop = await ask(draft, '３．惠民生', '１．稳增长');
    assert.ok(drop && drop.status === 'moved');
    assert.strictEqual(applyWorkspaceEdit(draft, drop.edit as never, uri).text, draft.replace('１．稳增长\n\n２．促改革\n\n３．惠民生', '１．惠民生\n\n２．稳增长\n\n３．促改革'));
    const up = await ask(draft, '二、保障措施', 'up');
    assert.ok(up && up.status === 'moved');
    const text = applyWorkspaceEdit(draft, up.edit as never, uri).text;
    assert.ok(text.includes('同志们：\n\n一、保障措施\n\n一是抓投资，二是抓消费。\n\n二、总体要求\n\n１．稳增长'), text);
  });

  it('answers with the edit the outline request sees next', async () => {
    const r = await ask(draft, '一、总体要求', 'down');
    assert.ok(r && r.status === 'moved');
    const moved = applyWorkspaceEdit(draft, r.edit as never, uri);
    assert.strictEqual(moved.spans.length, 1);
    await client.edit(uri, moved.spans[0].start, moved.spans[0].end, moved.spans[0].newText);
    const outline = await client.request<HeadingTreeResult>('speechDraft/outline', { textDocument: { uri } });
    assert.deepStrictEqual(outline.nodes.map((n) => n.marker + n.heading), ['一、保障措施', '二、总体要求']);
    assert.deepStrictEqual(outline.nodes[1].children.map((n) => [n.marker, n.section]), [['１．', true], ['２．', true], ['３．', true]]);
    assert.deepStrictEqual(outline.nodes[0].children.map((n) => [n.marker, n.section]), [['一是', false], ['二是', false]]);
  });

  it('says in the writer’s language why a section cannot move, and gives null past the end or for bad params', async () => {
    const inline = await ask(draft, '二是抓消费', 'up');
    assert.deepStrictEqual(inline, { status: 'refused', message: '这一项不是独立成行的，不能移动。' });
    const across = await ask(draft, '２．促改革', '二、保障措施');
    assert.deepStrictEqual(across, { status: 'refused', message: '只能在同级的各部分之间移动。' });
    assert.strictEqual(await ask(draft, '同志们', 'down'), null);
    assert.strictEqual(await ask(draft, '二、保障措施', 'down'), null);
    const bad = await client.request<unknown>('speechDraft/moveSection', { textDocument: { uri }, position: { line: 'x' }, to: 'sideways' });
    assert.strictEqual(bad, null);
    // Still serving.
    assert.ok(await ask(draft, '一、总体要求', 'down'));
  });
});
