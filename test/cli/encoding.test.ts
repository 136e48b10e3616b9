// Drafts must be UTF-8 (a BOM is fine). A GB18030/GBK or UTF-16 file is
// refused and named, never re-encoded; a binary file is skipped with a notice.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildCli, copyFixtures, runCli, tempDir } from './runCli';

// 中文 in GBK (and GB18030), then an ASCII comma and a line end.
const GBK_BYTES = Buffer.concat([Buffer.from('d6d0cec4', 'hex'), Buffer.from(',\n')]);

describe('speech-draft and file encodings', function () {
  this.timeout(60000);
  before(buildCli);

  it('refuses a GB18030 draft with exit status 2, naming the file and the place, and leaves it as it was', () => {
    const dir = tempDir();
    const file = path.join(dir, '通知稿.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('第一行是 UTF-8 也没用。\n'), GBK_BYTES]));
    const before = fs.readFileSync(file);
    const r = runCli(['check', '--fix', file]);
    assert.strictEqual(r.status, 2);
    const offset = Buffer.byteLength('第一行是 UTF-8 也没用。\n');
    assert.match(r.stderr, new RegExp(`通知稿\\.txt：不是有效的 UTF-8 编码：字节偏移 ${offset}（第 2 行）处是不完整的字节序列；GB18030/GBK 编码的文稿请先另存为 UTF-8。文件未作任何改动。`));
    assert.match(r.stderr, new RegExp(`通知稿\\.txt: invalid UTF-8 at byte offset ${offset} \\(line 2\\): a sequence cut short; a GB18030/GBK draft must be saved as UTF-8 first\\. The file was not changed\\.`));
    assert.ok(fs.readFileSync(file).equals(before), 'never re-encoded');
  });

  it('goes on with the other drafts of a folder after refusing one', () => {
    const dir = copyFixtures('defects.txt');
    fs.writeFileSync(path.join(dir, 'gbk.txt'), GBK_BYTES);
    const r = runCli(['check', dir]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /gbk\.txt：不是有效的 UTF-8 编码/);
    assert.match(r.stdout, /defects\.txt:11:1 /);
    assert.match(r.stdout, /文件 1 个。/);
  });

  it('refuses UTF-16 as not UTF-8 rather than skipping it as binary', () => {
    const dir = tempDir();
    const file = path.join(dir, 'word-export.txt');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('同志们：\n', 'utf16le')]));
    const r = runCli(['check', file]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /word-export\.txt：文件是 UTF-16 编码，不是 UTF-8/);
  });

  it('skips a binary file with a notice, and does not count it as a failure', () => {
    const dir = copyFixtures('defects.txt');
    const image = path.join(dir, 'scan.txt');
    fs.writeFileSync(image, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    const r = runCli(['check', '--fix', dir]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stderr, /scan\.txt：是二进制文件，已跳过。 \/ .*scan\.txt: skipped: it is a binary file\./);
    assert.match(r.stdout, /文件 1 个。/);
    assert.strictEqual(fs.readFileSync(image).length, 12);
  });

  it('reads UTF-8 with a BOM and without one alike', () => {
    const dir = tempDir();
    const text = '在全镇会议上的讲话\n\n同志们:\n';
    fs.writeFileSync(path.join(dir, 'plain.txt'), text);
    fs.writeFileSync(path.join(dir, 'bom.txt'), '\uFEFF' + text);
    const r = runCli(['check', '--format', 'json', dir]);
    const found = JSON.parse(r.stdout) as Array<{ file: string; line: number; column: number; rule: string }>;
    const where = (name: string) => found.filter((f) => path.basename(f.file) === name).map((f) => [f.rule, f.line, f.column]);
    assert.deepStrictEqual(where('bom.txt'), where('plain.txt'));
    assert.ok(where('plain.txt').some(([rule, line, column]) => rule === 'punctuation-width' && line === 3 && column === 4));
  });
});
