// Word documents through the language server over stdio: the .docx read for
// the client's view (speechDraft/readWordDocument), the view checked as any
// draft with the settings of the .docx's folder, its findings written into a
// copy (speechDraft/annotateWordDocument); hostile files answered with an
// error naming the file, and the server still there.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  AnnotateWordDocumentRequest,
  ReadWordDocumentRequest,
  ServerStatusRequest,
  WORD_DOCUMENT_SCHEME,
  type AnnotateWordDocumentResult,
  type ReadWordDocumentResult,
} from '../../server/src/protocol';
import { TestClient } from '../helpers/lspClient';
import { PARAGRAPHS, SPEECH_DOCX_TEXT, speechDocx } from '../helpers/speechDocx';
import { unzipParts } from '../helpers/wordDocs';

const viewUri = (file: string) => `${WORD_DOCUMENT_SCHEME}:${pathToFileURL(file).pathname}`;

async function rejection(p: Promise<unknown>): Promise<{ code: number; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { code: number; message: string };
  }
  assert.fail('expected an error response');
}

describe('language server: Word documents', function () {
  this.timeout(30000);
  let client: TestClient;
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-word-'));
    file = path.join(dir, '讲话 稿.docx');
    fs.writeFileSync(file, await speechDocx());
    client = new TestClient({ model: 'push', initializationOptions: { trusted: true } });
    await client.initialize();
  });
  afterEach(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a .docx: the text with the numbering labels, a paragraph every other line', async () => {
    const r = await client.request<ReadWordDocumentResult>(ReadWordDocumentRequest.method, { uri: pathToFileURL(file).href });
    assert.strictEqual(r.text, SPEECH_DOCX_TEXT);
    assert.deepStrictEqual(
      r.paragraphs.map((p) => [p.line, p.label]),
      PARAGRAPHS.map((p, k) => [2 * k, p.shown.slice(0, p.shown.length - p.text.length)]),
    );
  });

  it('checks the view as a draft, with the config file of the .docx’s folder', async () => {
    const uri = viewUri(file);
    const { text } = await client.request<ReadWordDocumentResult>(ReadWordDocumentRequest.method, { uri: pathToFileURL(file).href });
    await client.open(uri, text, 'speech');
    const diags = await client.diagnosticsFor(uri);
    const placeholder = diags.find((d) => d.code === 'placeholder');
    const k = PARAGRAPHS.findIndex((p) => p.shown.includes('×××'));
    assert.deepStrictEqual(placeholder?.range.start, { line: 2 * k, character: PARAGRAPHS[k].shown.indexOf('×××') });
    // The settings are those of the folder: a config file there switches the rule off.
    fs.writeFileSync(path.join(dir, '.speechdraftrc.json'), JSON.stringify({ rules: { placeholder: 'off' } }));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, '.speechdraftrc.json')).href, type: 1 }] });
    await client.until(async () => {
      const now = await client.diagnosticsFor(uri);
      return now.some((d) => d.code === 'placeholder') ? undefined : now;
    }, 'the placeholder rule switched off by the folder’s config');
  });

  it('writes the view’s findings into a copy; never over the .docx itself', async () => {
    const uri = viewUri(file);
    const before = fs.readFileSync(file);
    const { text } = await client.request<ReadWordDocumentResult>(ReadWordDocumentRequest.method, { uri: pathToFileURL(file).href });
    await client.open(uri, text, 'speech');
    const diags = await client.diagnosticsFor(uri);
    const target = path.join(dir, '审阅.docx');
    const r = await client.request<AnnotateWordDocumentResult>(AnnotateWordDocumentRequest.method, { textDocument: { uri }, target: pathToFileURL(target).href });
    // The findings as the editor shows them: four half-width marks of one paragraph are one, and one comment.
    assert.strictEqual(diags.filter((d) => d.code === 'punctuation-width').length, 3);
    assert.ok(diags.some((d) => String(d.message).startsWith('本段有 4 处半角标点')));
    assert.deepStrictEqual([r.findings, r.comments], [diags.length, diags.length]);
    const comments = (await unzipParts(fs.readFileSync(target)))['word/comments.xml'].match(/<w:comment /g) ?? [];
    assert.strictEqual(comments.length, r.comments);
    for (const same of [file, path.join(dir, '.', '讲话 稿.docx')]) {
      const e = await rejection(client.request(AnnotateWordDocumentRequest.method, { textDocument: { uri }, target: pathToFileURL(same).href }));
      assert.strictEqual(e.code, -32803);
      assert.match(e.message, /是输入的文档|input/);
    }
    const notDocx = await rejection(client.request(AnnotateWordDocumentRequest.method, { textDocument: { uri }, target: pathToFileURL(path.join(dir, 'a.txt')).href }));
    assert.match(notDocx.message, /须以 \.docx 结尾/);
    assert.ok(fs.readFileSync(file).equals(before), 'the .docx is untouched');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['审阅.docx', '讲话 稿.docx']);
  });

  it('answers a hostile or missing file with an error naming it, and goes on', async () => {
    const cases: Array<[string, Buffer | undefined]> = [
      ['文本.docx', Buffer.from('一、这不是 Word 文档\n')],
      ['半截.docx', (await speechDocx()).subarray(0, 700)],
      ['旧稿.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from('WordDocument', 'utf16le'), Buffer.alloc(1000)])],
      ['没有.docx', undefined],
    ];
    for (const [name, bytes] of cases) {
      const p = path.join(dir, name);
      if (bytes) fs.writeFileSync(p, bytes);
      const e = await rejection(client.request(ReadWordDocumentRequest.method, { uri: pathToFileURL(p).href }));
      assert.strictEqual(e.code, -32803, `${name}: ${e.message}`);
      assert.ok(e.message.includes(name) && /[\u4e00-\u9fff]/.test(e.message), e.message);
    }
    const notFile = await rejection(client.request(ReadWordDocumentRequest.method, { uri: 'https://example.org/a.docx' }));
    assert.strictEqual(notFile.code, -32803);
    const status = await client.request<{ pid: number }>(ServerStatusRequest.method, undefined);
    assert.strictEqual(status.pid, client.child.pid);
    assert.strictEqual(client.child.exitCode, null);
  });
});
