// What XML 1.0 cannot hold (U+FFFE, U+FFFF, lone surrogates, C0 controls but
// tab, line feed and carriage return) never reaches the .docx: each is
// written as U+FFFD and counted, and the export says so, on the command line
// and in the server's `speechDraft/exportDocx` answer.

import * as assert from 'assert';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { buildModel } from '../../server/src/core';
import { exportDocx } from '../../server/src/export/docx';
import { buildCli, runCli, tempDir } from '../cli/runCli';
import { TestClient } from '../helpers/lspClient';
import { xmlProblem } from './xmlWellFormed';

// Five characters XML forbids, one in the title; 😀 and 𠀀 are well-formed pairs and stay.
const HOSTILE = '在全县\u0001会议上的讲话\n\n同志们：\n\n今天\uFFFE开会\uFFFF，\uD800讨论😀工作\uDC00，𠀀。\n';

async function documentXml(docx: Buffer): Promise<{ bytes: Uint8Array; text: string }> {
  const zip = await JSZip.loadAsync(docx);
  const bytes = await zip.file('word/document.xml')!.async('uint8array');
  return { bytes, text: Buffer.from(bytes).toString('utf8') };
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

describe('characters XML cannot hold, in an export', function () {
  this.timeout(120000);

  it('the well-formedness check itself refuses what Word refuses', () => {
    const enc = (s: string) => Buffer.from(s, 'utf8');
    assert.strictEqual(xmlProblem(enc('<a><b x="1"/>&amp;&#x4e2d;</a>')), undefined);
    assert.match(xmlProblem(enc('<a>\u0001</a>'))!, /U\+0001/);
    assert.match(xmlProblem(enc('<a>\uFFFE</a>'))!, /U\+fffe/);
    assert.match(xmlProblem(enc('<a>&#1;</a>'))!, /&#1;/);
    assert.match(xmlProblem(Uint8Array.from([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80, 0x3c, 0x2f, 0x61, 0x3e]))!, /not UTF-8/);
    assert.match(xmlProblem(enc('<a><b></a>'))!, /closes nothing/);
  });

  it('writes each as U+FFFD, counts them, and document.xml is well-formed', async () => {
    const report = { replaced: 0 };
    const docx = await exportDocx(buildModel(HOSTILE), {}, report);
    assert.strictEqual(report.replaced, 5);
    const xml = await documentXml(docx);
    assert.strictEqual(xmlProblem(xml.bytes), undefined);
    assert.strictEqual(count(xml.text, '\uFFFD'), 5);
    assert.ok(xml.text.includes('讨论😀工作\uFFFD，𠀀'), 'well-formed pairs are kept');
    // A clean draft: nothing replaced.
    const clean = { replaced: 0 };
    await exportDocx(buildModel('在全县会议上的讲话\n\n同志们：\n\n今天开会。\n'), {}, clean);
    assert.strictEqual(clean.replaced, 0);
  });

  it('the command line says how many were replaced', async () => {
    buildCli();
    const dir = tempDir();
    const file = path.join(dir, 'draft.txt');
    // UTF-8 can carry U+FFFE, U+FFFF and C0 controls (a lone surrogate cannot be UTF-8).
    fs.writeFileSync(file, '在全县会议上的讲话\n\n同志们：\n\n今天\uFFFE开会\uFFFF，讨论\u0002工作。\n');
    const r = runCli(['export', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /draft\.docx：有 3 个 Word 文档无法容纳的字符（U\+FFFE、U\+FFFF、不成对的代理项、控制字符），已写为 U\+FFFD。/);
    const xml = await documentXml(fs.readFileSync(path.join(dir, 'draft.docx')));
    assert.strictEqual(xmlProblem(xml.bytes), undefined);
    assert.strictEqual(count(xml.text, '\uFFFD'), 3);
  });

  it('the server counts them in its answer to speechDraft/exportDocx', async () => {
    const dir = tempDir();
    const uri = pathToFileURL(path.join(dir, 'draft.txt')).href;
    const client = new TestClient({ model: 'push' });
    try {
      await client.initialize();
      await client.open(uri, HOSTILE);
      await client.diagnosticsFor(uri);
      const answer = await client.request<{ status: string; data: string; replaced: number }>('speechDraft/exportDocx', { textDocument: { uri }, force: true });
      assert.strictEqual(answer.status, 'done');
      assert.strictEqual(answer.replaced, 5);
      const xml = await documentXml(Buffer.from(answer.data, 'base64'));
      assert.strictEqual(xmlProblem(xml.bytes), undefined);
      assert.strictEqual(count(xml.text, '\uFFFD'), 5);
    } finally {
      await client.shutdown();
    }
  });
});
