// Files that are not honest .docx files: each gets a DocxError with its code
// and a message in Chinese and English naming the file; none crashes the
// reader or makes it unpack what a zip bomb holds.

import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { annotateDocx, DocxError, readDocx, readDocxFile } from '../../server/src/word/api';
import { repoRoot } from '../helpers/corpus';
import JSZip from 'jszip';
import { handMadeDocx, para, unzipParts, zipParts } from '../helpers/wordDocs';
import { builtDocx } from './documents';

const ENCRYPTED = path.join(repoRoot, 'test', 'fixtures', 'word', 'encrypted.docx');

function refused(bytes: Uint8Array, file: string, code: string, reason: RegExp): DocxError {
  let error: unknown;
  try {
    readDocx(bytes, { file });
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof DocxError, `${file}: expected a DocxError, got ${String(error)}`);
  assert.strictEqual(error.code, code, error.message);
  assert.ok(error.zh.includes(file) && error.en.includes(file), `the message names the file: ${error.message}`);
  assert.match(error.en, reason);
  assert.match(error.zh, /[\u4e00-\u9fff]/);
  // The annotator reads the same way and refuses the same way.
  assert.throws(() => annotateDocx(bytes, [{ start: 0, end: 1, message: '试标' }], { file }), (e: DocxError) => e.code === code);
  return error;
}

/** A compound file (OLE2) with a stream of this name in its directory. */
function compoundFile(stream: string): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes);
  bytes.write(stream, 1024, 'utf16le');
  return bytes;
}

/** A zip's central and local size fields of one entry, set to `size`. */
function declareSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  const n = Buffer.from(name);
  for (let at = out.indexOf(n); at >= 0; at = out.indexOf(n, at + 1)) {
    if (out.readUInt32LE(at - 46) === 0x02014b50) out.writeUInt32LE(size, at - 46 + 24);
    if (out.readUInt32LE(at - 30) === 0x04034b50) out.writeUInt32LE(size, at - 30 + 22);
  }
  return out;
}

const simple = (body: string) => handMadeDocx({ body: para('', body) });

describe('Word reader on hostile files', () => {
  it('refuses a zip bomb by its declared size, before unpacking anything', async () => {
    const bytes = declareSize(await simple('正文'), 'word/document.xml', 300 * 2 ** 20);
    refused(bytes, '炸弹.docx', 'too-large', /more than 200 MB/);
  });

  it('stops unpacking a part that inflates to more than it declares', async () => {
    // 3 MB of one character deflate to a few KB; the directory says 2 KB.
    const huge = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${'啊'.repeat(2 ** 20)}</w:t></w:r></w:p></w:body></w:document>`;
    const zip = await zipParts({ 'word/document.xml': huge });
    assert.ok(zip.length < 200_000);
    refused(declareSize(zip, 'word/document.xml', 2048), '谎报.docx', 'too-large', /more than it declares/);
  });

  it('applies the limit it is given', async () => {
    const bytes = await simple('很长的正文'.repeat(100_000));
    assert.ok(readDocx(bytes).text.length === 500_000);
    assert.throws(() => readDocx(bytes, { file: '超限.docx', limits: { maxTotalBytes: 2 ** 20, maxEntries: 100 } }), (e: DocxError) => e.code === 'too-large' && /超限\.docx.*1 MB/.test(e.en));
  }).timeout(60000);

  it('refuses a package of very many parts', async () => {
    const parts: Record<string, string> = {};
    for (let i = 0; i < 50; i++) parts[`x/${i}.xml`] = '<a/>';
    const bytes = await zipParts(parts);
    assert.throws(() => readDocx(bytes, { file: '多.docx', limits: { maxTotalBytes: 2 ** 20, maxEntries: 20 } }), (e: DocxError) => e.code === 'too-large' && /20/.test(e.en));
  });

  it('refuses a DTD: entity expansion and external entities are never processed', async () => {
    const laughs = `<!DOCTYPE w:document [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`;
    const external = `<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>`;
    for (const [doctype, entity, file] of [
      [laughs, '&c;', '笑声.docx'],
      [external, '&secret;', '外部实体.docx'],
    ]) {
      const body = `<?xml version="1.0"?>${doctype}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${entity}</w:t></w:r></w:p></w:body></w:document>`;
      refused(await zipParts({ 'word/document.xml': body }), file, 'doctype', /declares a DTD/);
    }
    // In another part too (styles).
    const styles = await handMadeDocx({ body: para('', '正文'), styles: '<w:style w:styleId="a"/>' });
    const parts = await unzipParts(styles);
    parts['word/styles.xml'] = parts['word/styles.xml'].replace('<w:styles', `${external.replace('w:document', 'w:styles')}<w:styles`);
    const e = refused(await zipParts(parts), '样式.docx', 'doctype', /word\/styles\.xml/);
    assert.match(e.zh, /DTD/);
  });

  it('gives an undefined entity or broken XML as damage, not a crash', async () => {
    refused(await simple('&nbsp;'), '实体.docx', 'xml', /not well-formed XML/);
    const parts = { 'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p>' };
    refused(await zipParts(parts), '残缺.docx', 'xml', /not well-formed XML/);
  });

  it('tells a renamed .zip, a text file, an XML file, an RTF and an empty file from a .docx', async () => {
    refused(await zipParts({ '照片/说明.txt': '不是文档' }), '压缩包.docx', 'not-docx', /zip package but not a Word document/);
    refused(Buffer.from('同志们：\n\n今天召开会议。\n'), '文本.docx', 'not-zip', /text file/);
    refused(Buffer.from('<?xml version="1.0"?><html/>'), '网页.docx', 'not-zip', /XML or HTML/);
    refused(Buffer.from('{\\rtf1\\ansi 讲话}'), '富文本.docx', 'rtf', /RTF/);
    refused(Buffer.alloc(0), '空.docx', 'empty', /empty/);
    refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), '图片.docx', 'not-zip', /neither a zip package nor an Office file/);
  });

  it('refuses .doc and .wps with a message to save as .docx', () => {
    const doc = refused(compoundFile('WordDocument'), '旧稿.doc', 'doc', /Word 97–2003.*save it as \.docx/);
    assert.match(doc.zh, /另存为 \.docx/);
    refused(compoundFile('WordDocument'), '金山.wps', 'wps', /WPS document.*save it as \.docx/);
    refused(compoundFile('Workbook'), '表格.docx', 'compound', /older Office file/);
  });

  it('says a password-protected .docx is encrypted (the committed fixture), naming the file', () => {
    const error = refused(fs.readFileSync(ENCRYPTED), 'encrypted.docx', 'encrypted', /password-protected/);
    assert.match(error.zh, /密码/);
    assert.throws(() => readDocxFile(ENCRYPTED), (e: DocxError) => e.code === 'encrypted' && e.en.includes(ENCRYPTED));
  });

  it('says zip entries are encrypted', async () => {
    const bytes = Buffer.from(await builtDocx());
    // Set the "encrypted" flag of every entry, in the directory and the local headers.
    for (let at = bytes.indexOf('PK\u0001\u0002'); at >= 0; at = bytes.indexOf('PK\u0001\u0002', at + 4)) bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
    refused(bytes, '加密条目.docx', 'encrypted', /password-protected/);
  });

  it('says a truncated file is incomplete, and a damaged part damaged', async () => {
    const bytes = await builtDocx();
    refused(bytes.subarray(0, bytes.length - 10), '截断.docx', 'truncated', /truncated/);
    refused(bytes.subarray(0, Math.floor(bytes.length / 2)), '半截.docx', 'truncated', /truncated/);
    // document.xml's deflated bytes changed in the middle.
    const zip = Buffer.from(await simple('正文'.repeat(200)));
    const at = zip.indexOf('word/document.xml') + 'word/document.xml'.length + 20;
    zip[at] ^= 0xff;
    zip[at + 1] ^= 0xff;
    const e = refused(zip, '损坏.docx', 'corrupt', /damaged/);
    assert.match(e.en, /word\/document\.xml/);
  });

  it('reads a stored (uncompressed) part and a part with a data descriptor', async () => {
    const xml = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>未压缩</w:t></w:r></w:p></w:body></w:document>`;
    const zip = new JSZip();
    zip.file('word/document.xml', xml, { compression: 'STORE' });
    assert.strictEqual(readDocx(await zip.generateAsync({ type: 'nodebuffer', streamFiles: true })).text, '未压缩');
  });

  it('never throws anything but a DocxError on damaged copies of a real document (property)', async () => {
    const bytes = await builtDocx();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.boolean(), (at, xor, cut) => {
        const damaged = cut ? bytes.subarray(0, at) : Buffer.from(bytes);
        if (!cut) damaged[at] ^= xor;
        try {
          readDocx(damaged, { file: '随机.docx' });
        } catch (e) {
          assert.ok(e instanceof DocxError, String((e as Error).stack));
          assert.ok(e.en.includes('随机.docx'));
        }
      }),
      { numRuns: 300 },
    );
  }).timeout(60000);
});
