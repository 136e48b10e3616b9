// The server under random incremental edits: after each one its view of the
// text equals the client's, its diagnostics are sound, and it stays alive; and
// the diagnostics of a document edited change by change (each check made
// around the changes since the last one) equal those of the same text opened
// fresh, positions, messages and related information included.

import * as assert from 'assert';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core';
import { fnv1a } from '../../server/src/core';
import type { DocumentInfoResult, ServerStatusResult } from '../../server/src/protocol';
import { draftArbitrary, FRAGMENTS, fuzzParams, fuzzTimeout, uniformFraction } from '../helpers/drafts';
import { TestClient } from '../helpers/lspClient';

/** An edit as fractions of the text, so that it fits whatever text it meets. */
const editArbitrary = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 60 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...FRAGMENTS), fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((a) => a.join(''))),
});


async function assertInSync(client: TestClient, uri: string): Promise<void> {
  const info = await client.request<DocumentInfoResult>('speechDraft/documentInfo', { textDocument: { uri } });
  const text = client.text(uri);
  assert.deepStrictEqual([info.version, info.length, info.hash], [client.version(uri), text.length, fnv1a(text)]);
  const diags = await client.diagnosticsFor(uri);
  const starts = new LineIndex(text).lineStarts;
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  for (const d of diags as Diagnostic[]) {
    assert.ok(d.range.start.line < starts.length && d.range.end.line < starts.length, JSON.stringify(d.range));
    const [s, e] = [offset(d.range.start), offset(d.range.end)];
    assert.ok(0 <= s && s <= e && e <= text.length, JSON.stringify(d.range));
    // No range may end past its line's end or split a surrogate pair.
    const lineEnd = d.range.end.line + 1 < starts.length ? starts[d.range.end.line + 1] : text.length;
    assert.ok(e <= lineEnd);
    assert.ok(!/[\udc00-\udfff]/.test(text[s] ?? '') || s === 0, `starts inside a pair: ${JSON.stringify(d.range)}`);
  }
}

/** Edits for the comparison with a fresh open: longer deletions, and what moves paragraph bounds. */
const boundEdit = fc.record({
  at: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), uniformFraction),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 200 })),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...FRAGMENTS, '\n\n', '\n二、加强领导\n', '𠀀，', '<!-- speech-draft-disable -->\n'),
    fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 6 }).map((a) => a.join('')),
  ),
});

/** Lines of prose parted by blank lines and line breaks: drafts split around an edit. */
const proseDraft = fc
  .array(fc.tuple(fc.array(fc.constantFrom(...FRAGMENTS.filter((f) => !/```|~~~|---|<|\t| {4}/.test(f))), { maxLength: 8 }), fc.constantFrom('\n', '\n\n')), { minLength: 3, maxLength: 30 })
  .map((lines) => lines.map(([parts, end]) => parts.join('') + end).join(''));

/** An edit of `text` at the fractions `e` gives: it cuts characters the way an editor may not, except surrogate pairs. */
function editIn(text: string, e: { at: number; remove: number }): { start: number; end: number } {
  let start = Math.floor(e.at * text.length);
  if (start > 0 && /[\udc00-\udfff]/.test(text[start] ?? '')) start--;
  let end = Math.min(text.length, start + e.remove);
  if (end > 0 && end < text.length && /[\udc00-\udfff]/.test(text[end])) end++;
  // Nor the middle of a CRLF, which no LSP position can name.
  if (start > 0 && text[start - 1] === '\r' && text[start] === '\n') start--;
  if (end > 0 && text[end - 1] === '\r' && text[end] === '\n') end++;
  return { start, end };
}

/** Diagnostics as JSON with the document's address taken out, to compare two documents' diagnostics. */
const withoutUri = (diags: Diagnostic[], uri: string) => JSON.parse(JSON.stringify(diags).split(JSON.stringify(uri).slice(1, -1)).join('<uri>'));

describe('language server under random edits (fast-check, fixed seed)', function () {
  this.timeout(fuzzTimeout(300000));
  let client: TestClient;
  before(async () => {
    client = new TestClient({ model: 'pull' });
    await client.initialize();
  });
  after(async () => client.shutdown());

  it('keeps its text equal to the client’s and its diagnostics sound', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(draftArbitrary, fc.array(editArbitrary, { minLength: 1, maxLength: 12 }), async (draft, edits) => {
        const uri = `untitled:fuzz-${n++}.txt`;
        await client.open(uri, draft);
        await assertInSync(client, uri);
        for (const e of edits) {
          const { start, end } = editIn(client.text(uri), e);
          await client.edit(uri, start, end, e.insert);
          await assertInSync(client, uri);
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      fuzzParams(60),
    );
    assert.strictEqual(client.child.exitCode, null, 'the server is alive');
  });

  it('survives deleting the whole document and pasting a megabyte at once', async () => {
    const uri = 'untitled:big.txt';
    await client.open(uri, '在全市会议上的讲话\n\n同志们：\n\n一、加强领导\n\n三、压实责任\n');
    await client.edit(uri, 0, client.text(uri).length, '');
    await assertInSync(client, uri);
    const paste = '　　今天召开会议,部署工作。一是抓落实，二是抓考核。\n'.repeat(40000);
    assert.ok(paste.length >= 1_000_000);
    await client.edit(uri, 0, 0, paste);
    await assertInSync(client, uri);
    await client.edit(uri, 500_000, 500_010, '');
    await assertInSync(client, uri);
  });

  it('gives after each random edit, and after bursts of edits checked once, the diagnostics of the same text opened fresh', async () => {
    let n = 0;
    const before = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    await fc.assert(
      fc.asyncProperty(fc.oneof(draftArbitrary, proseDraft), fc.array(boundEdit, { minLength: 1, maxLength: 8 }), fc.boolean(), async (draft, edits, burst) => {
        const uri = `untitled:incremental-${n}.txt`;
        const fresh = `untitled:fresh-${n++}.txt`;
        await client.open(uri, draft);
        await client.diagnosticsFor(uri);
        const compare = async () => {
          const text = client.text(uri);
          await client.open(fresh, text);
          assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh), JSON.stringify({ draft, edits }));
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
        };
        if (burst) {
          const list = [];
          let text = client.text(uri);
          for (const e of edits) {
            const { start, end } = editIn(text, e);
            list.push({ start, end, newText: e.insert });
            text = text.slice(0, start) + e.insert + text.slice(end);
          }
          client.burst(uri, list);
          await compare();
        } else {
          for (const e of edits) {
            const { start, end } = editIn(client.text(uri), e);
            await client.edit(uri, start, end, e.insert);
            await compare();
          }
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      fuzzParams(40),
    );
    const after = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    assert.ok(after.checksAfterEdit - before.checksAfterEdit >= 40, `${after.checksAfterEdit - before.checksAfterEdit} checks made around an edit`);
  });

  it('gives after characters typed over others (the length kept) in drafts with many half-width marks and download-site lines the diagnostics of a fresh open', async () => {
    // The grouping after such an edit gives again what the findings given again gave (`groupChecked`): drafts whose
    // paragraphs cross the four marks a group needs, with residue lines (text to remove) and findings made anew.
    const residue = ['……(某某文库www.example.com此处省略300字,不往下看了,点击下载全文)……', '本文来源于网络,仅供参考,如有侵权请联系删除。', '第3 页共 12 页'];
    const halfWidth = fc.tuple(proseDraft, fc.array(fc.constantFrom(...residue), { maxLength: 3 })).map(([d, lines]) => {
      const ls = d.replace(/，/g, ',').split('\n');
      lines.forEach((l, i) => ls.splice(Math.floor(((i + 1) * ls.length) / (lines.length + 1)), 0, l));
      return ls.join('\n');
    });
    const typedOver = fc.record({ at: uniformFraction, typed: fc.array(fc.constantFrom(',', '，', '要', '\n', '。', 'w', '“', '一'), { minLength: 1, maxLength: 3 }).map((a) => a.join('')) });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(halfWidth, fc.array(typedOver, { minLength: 1, maxLength: 8 }), async (draft, edits) => {
        const uri = `untitled:typed-${n}.txt`;
        const fresh = `untitled:typed-fresh-${n++}.txt`;
        await client.open(uri, draft);
        await client.diagnosticsFor(uri);
        for (const e of edits) {
          const text = client.text(uri);
          const { start, end } = editIn(text, { at: e.at, remove: e.typed.length });
          if (end - start !== e.typed.length) continue;
          await client.edit(uri, start, end, e.typed);
          await client.open(fresh, client.text(uri));
          assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh), JSON.stringify({ draft, edits }));
          await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
        }
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      fuzzParams(40),
    );
  });

  it('gives after edits of prose in a long draft with structure findings (its structure moved) the diagnostics of a fresh open', async () => {
    const uri = 'untitled:structure.txt';
    const parts = ['在全市工作会议上的讲话', '同志们：', '今天召开会议。'];
    for (let i = 1; i <= 120; i++) parts.push(`${i}. 第${i}项工作`, `这方面要抓好${i % 2 ? '三' : '两'}项工作：`, '（一）加强组织领导。', '（三）压实工作责任。', `我们要推动第${i}项工作高质量发展,取得实效。`);
    await client.open(uri, parts.join('\n\n') + '\n');
    await client.diagnosticsFor(uri);
    for (const [n, insert, remove] of [[60, '的', 0], [30, '𠀀', 1], [90, '', 2]] as const) {
      const at = client.text(uri).indexOf(`推动第${n}项`) + 2;
      await client.edit(uri, at, at + remove, insert);
      const fresh = `untitled:structure-fresh-${n}.txt`;
      await client.open(fresh, client.text(uri));
      assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh), `after the edit at ${n}`);
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    }
  });

  it('gives after edits next to each part of a long draft (front matter, 【提纲】, suppression comments, closing, cut) the diagnostics of a fresh open', async () => {
    const uri = 'untitled:parts.txt';
    const parts = ['在全市工作会议上的讲话', '（2025年6月3日）', '同志们：', '【提纲】一、加强组织领导。二、压实工作责任。', '下面，我讲两点意见。'];
    for (let i = 1; i <= 80; i++) {
      parts.push(`${i % 2 ? '一' : '二'}、第${i}项工作`, `今天召开会议,主要任务是总结第${i}项工作，部署任务。`);
      if (i % 20 === 5) parts.push('<!-- speech-draft-disable-next-line punctuation-width -->', `我们要加强第${i}项组织领导,压实责任。`);
      if (i % 20 === 15) parts.push('<!-- speech-draft-disable punctuation-width -->', `推动第${i}项发展,落实任务。`, '<!-- speech-draft-enable punctuation-width -->');
    }
    parts.push('同志们，让我们团结一心，真抓实干！', '谢谢大家！', '……（未完，全文共5290字，当前仅显示2399字）', '本文6元');
    await client.open(uri, parts.join('\n\n') + '\n');
    await client.diagnosticsFor(uri);
    const places = ['全市', '压实工作责任。', 'speech-draft-disable-next-line', '项组织领导,', 'speech-draft-enable', '团结一心', '未完', '本文'];
    for (const [i, place] of places.entries()) {
      for (const [insert, remove] of [['的', 0], ['要', 1], ['', 1], ['\n\n', 0]] as const) {
        const text = client.text(uri);
        const at = text.indexOf(place, place.startsWith('speech') || place.startsWith('项') ? text.length / 2 : 0) + 1;
        await client.edit(uri, at, at + remove, insert);
        const fresh = `untitled:parts-fresh-${i}.txt`;
        await client.open(fresh, client.text(uri));
        assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh), `after ${JSON.stringify(insert)} at ${place}`);
        await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
      }
    }
  });

  it('moves the diagnostics after an edit that breaks a line without changing the length (the findings keep their offsets, not their lines)', async () => {
    const uri = 'untitled:line-break.txt';
    const draft = Array.from({ length: 200 }, (_, i) => `${i + 1}. 第${i + 1}项工作\n\n今天召开第${i + 1}次会议，主要任务是总结工作,部署任务。\n`).join('\n');
    await client.open(uri, draft);
    await client.diagnosticsFor(uri);
    const at = client.text(uri).indexOf('主要任务', draft.length / 2) - 1;
    await client.edit(uri, at, at + 1, '\n');
    const fresh = 'untitled:line-break-fresh.txt';
    await client.open(fresh, client.text(uri));
    assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh));
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    // A paragraph added: the findings after it move by characters and by lines.
    const next = client.text(uri).indexOf('部署任务', draft.length / 3);
    await client.edit(uri, next, next, '加强领导。\n\n今天');
    await client.open(fresh, client.text(uri));
    assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh));
  });

  it('gives a fresh open\'s diagnostics after an edit between paragraphs of the same text (whose findings are placed again at each)', async () => {
    const uri = 'untitled:same-texts.txt';
    const draft = Array.from({ length: 200 }, (_, i) => `${i + 1}. 第${i + 1}项工作\n\n今天召开会议，主要任务是总结工作,部署任务。\n`).join('\n');
    await client.open(uri, draft);
    await client.diagnosticsFor(uri);
    const at = client.text(uri).indexOf('项工作', draft.length / 2);
    await client.edit(uri, at, at, '的');
    const fresh = 'untitled:same-texts-fresh.txt';
    await client.open(fresh, client.text(uri));
    assert.deepStrictEqual(withoutUri(await client.diagnosticsFor(uri), uri), withoutUri(await client.diagnosticsFor(fresh), fresh));
  });

  it('checks a one-character edit of a long draft around the edit, with the diagnostics of a fresh open', async () => {
    const uri = 'untitled:long.txt';
    // Paragraphs of distinct texts (a text met twice is placed again at each of its places).
    const draft = Array.from({ length: 500 }, (_, i) => `${i + 1}. 第${i + 1}项工作\n\n今天召开第${i + 1}次会议，主要任务是总结工作,部署任务。\n`).join('\n');
    await client.open(uri, draft);
    await client.diagnosticsFor(uri);
    const before = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    const at = client.text(uri).indexOf('部署任务', draft.length / 2);
    await client.edit(uri, at, at, '的');
    const diags = await client.diagnosticsFor(uri);
    const after = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
    assert.strictEqual(after.checksAfterEdit - before.checksAfterEdit, 1);
    // The findings before the edit keep their diagnostics, and so do those moved on the lines after it (it adds no line):
    // only those of the paragraphs split again, and the speech's length, are made again.
    const made = after.diagnosticsMade - before.diagnosticsMade;
    assert.ok(diags.length >= 500 && made <= 10, `${made} of ${diags.length} diagnostics made again`);
    const fresh = 'untitled:long-fresh.txt';
    await client.open(fresh, client.text(uri));
    assert.deepStrictEqual(withoutUri(diags, uri), withoutUri(await client.diagnosticsFor(fresh), fresh));
  });


  /**
   * Types a character over another at 部署任务 past the middle, then one in: each time at most ten
   * diagnostics are made again, and the list is a fresh open's of the same text.
   */
  async function typeTwiceMakingFew(uri: string, draft: string, name: string): Promise<void> {
    for (const [n, [from, to, text]] of [
      [0, 1, '布'],
      [0, 0, '的'],
    ].entries()) {
      const before = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
      const at = client.text(uri).indexOf('部署任务', draft.length / 2);
      await client.edit(uri, at + (from as number), at + (to as number), text as string);
      const diags = await client.diagnosticsFor(uri);
      const after = await client.request<ServerStatusResult>('speechDraft/serverStatus', undefined);
      const made = after.diagnosticsMade - before.diagnosticsMade;
      assert.ok(made <= 10, `edit ${n}: ${made} of ${diags.length} diagnostics made again`);
      const fresh = `untitled:${name}-fresh-${n}.txt`;
      await client.open(fresh, client.text(uri));
      assert.deepStrictEqual(withoutUri(diags, uri), withoutUri(await client.diagnosticsFor(fresh), fresh));
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
    }
  }
  it('keeps the diagnostics of a document rule\'s findings (made anew by each check) before and after a one-character edit, with those of a fresh open', async () => {
    const uri = 'untitled:pairs.txt';
    // Each paragraph opens a quotation it never closes: a punctuation-pairs finding each, a document rule's, made anew by every check.
    const draft = Array.from({ length: 300 }, (_, i) => `${i + 1}. 第${i + 1}项工作\n\n今天召开第${i + 1}次会议，“主要任务是总结工作，部署任务。\n`).join('\n');
    await client.open(uri, draft);
    const opened = await client.diagnosticsFor(uri);
    assert.ok(opened.filter((d) => d.code === 'punctuation-pairs').length >= 300, 'a finding per paragraph');
    // A character typed over another (the findings after it in place), then one typed in (those after it moved by a character).
    await typeTwiceMakingFew(uri, draft, 'pairs');
  });

  it('keeps the diagnostics of paragraphs with many half-width marks (one group each) before and after a one-character edit, with those of a fresh open', async () => {
    const uri = 'untitled:groups.txt';
    // Each paragraph has five half-width commas: one grouped finding (本段有 5 处半角标点) per paragraph.
    const draft = Array.from({ length: 300 }, (_, i) => `${i + 1}. 第${i + 1}项工作\n\n今天召开第${i + 1}次会议,研究工作,部署任务,明确分工,压实责任,推动落实。\n`).join('\n');
    await client.open(uri, draft);
    const opened = await client.diagnosticsFor(uri);
    assert.ok(opened.filter((d) => d.code === 'punctuation-width' && /5/.test(String(d.message))).length >= 300, 'a group per paragraph');
    // A character typed over another (the groups after it given again in place), then one typed in (those after it moved):
    // only the edited paragraph's group (and the length) are made again.
    await typeTwiceMakingFew(uri, draft, 'groups');
  });
});
