// `check`, `outline` and `annotate` on Word documents built here with the
// `docx` package: the defects written into the paragraphs, positions given as
// paragraph numbers, --fix leaving the document alone, annotate's copy.

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PARAGRAPHS, speechDocx } from '../helpers/speechDocx';
import { unzipParts } from '../helpers/wordDocs';
import { buildCli, copyFixtures, runCli, tempDir, type JsonFinding } from './runCli';

/** ¶ and column (1-based, in characters) of the first occurrence of `needle` in the paragraphs as the reader gives them. */
function placeOf(needle: string): { paragraph: number; column: number } {
  const i = PARAGRAPHS.findIndex((p) => p.shown.includes(needle));
  assert.ok(i >= 0, needle);
  return { paragraph: i + 1, column: [...PARAGRAPHS[i].shown.slice(0, PARAGRAPHS[i].shown.indexOf(needle))].length + 1 };
}

async function docxIn(dir: string, name = '讲话稿.docx'): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, await speechDocx());
  return file;
}

function json(r: { stdout: string }): JsonFinding[] {
  return JSON.parse(r.stdout) as JsonFinding[];
}

describe('speech-draft on Word documents', function () {
  this.timeout(60000);
  before(buildCli);

  it('check: positions are paragraph numbers (file:¶paragraph:column), the automatic numbering read as text', async () => {
    const file = await docxIn(tempDir());
    const r = runCli(['check', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    const at = placeOf('×××');
    assert.match(r.stdout, new RegExp(`^${escape(file)}:¶${at.paragraph}:${at.column}  warning  .*  placeholder$`, 'm'), r.stdout);
    const comma = placeOf(',备足');
    assert.match(r.stdout, new RegExp(`^${escape(file)}:¶${comma.paragraph}:${comma.column}  warning  .*  punctuation-width$`, 'm'));
    // The twins are quiet; the numbering 一、二、（一） given by Word is seen and in order.
    const findings = json(runCli(['check', '--format', 'json', file]));
    const paragraphsWith = new Set(findings.map((f) => f.line));
    assert.ok(!paragraphsWith.has(placeOf('张明').paragraph) && !paragraphsWith.has(placeOf('要做到：').paragraph), r.stdout);
    assert.ok(!findings.some((f) => f.rule.startsWith('numbering')), r.stdout);
  });

  it('check --format json: line is the paragraph number and `paragraph: true` says so; a text draft has no such field', async () => {
    const dir = copyFixtures('defects.txt');
    const file = await docxIn(dir);
    const r = runCli(['check', '--format', 'json', dir]);
    assert.strictEqual(r.status, 0, r.stderr);
    const findings = json(r);
    const ofDocx = findings.filter((f) => f.file === file);
    const ofText = findings.filter((f) => f.file.endsWith('defects.txt'));
    assert.ok(ofDocx.length > 0 && ofText.length > 0, 'the folder’s .docx is checked with its .txt');
    for (const f of ofText) assert.ok(!('paragraph' in f), JSON.stringify(f));
    const placeholder = ofDocx.find((f) => f.rule === 'placeholder')!;
    const at = placeOf('×××');
    assert.deepStrictEqual(
      { line: placeholder.line, column: placeholder.column, endLine: placeholder.endLine, endColumn: placeholder.endColumn, paragraph: placeholder.paragraph },
      { line: at.paragraph, column: at.column, endLine: at.paragraph, endColumn: at.column + 3, paragraph: true },
    );
    const widths = ofDocx.filter((f) => f.rule === 'punctuation-width').map((f) => f.line);
    const two = placeOf(',备足').paragraph;
    const four = placeOf(':查险情').paragraph;
    assert.deepStrictEqual(widths, [two, two, four, four, four, four]);
  });

  it('outline: the heading tree of the document, numbering labels included', async () => {
    const r = runCli(['outline', await docxIn(tempDir())]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.deepStrictEqual(
      r.stdout.trimEnd().split('\n').slice(0, -1).map((l) => l.replace(/ {2}\d+ 字，\d+\.\d 分钟$/, '')),
      ['一、提高思想认识', '二、落实防汛责任', '  （一）压实乡镇责任', '  （二）备足防汛物资'],
    );
  });

  it('check --fix: the document is named and left byte for byte; the text draft beside it is fixed', async () => {
    const dir = copyFixtures('defects.txt');
    const file = await docxIn(dir);
    const before = fs.readFileSync(file);
    const text = fs.readFileSync(path.join(dir, 'defects.txt'), 'utf8');
    const r = runCli(['check', '--fix', dir]);
    assert.strictEqual(r.status, 2, r.stderr);
    assert.ok(fs.readFileSync(file).equals(before), 'the .docx is untouched');
    assert.notStrictEqual(fs.readFileSync(path.join(dir, 'defects.txt'), 'utf8'), text, 'the text draft is fixed');
    assert.match(r.stderr, /讲话稿\.docx：未修复：--fix 不改写 Word 文档.* \/ .*not fixed: a Word document is not rewritten by --fix/);
    // Its findings are still listed.
    assert.match(r.stdout, new RegExp(`${escape(file)}:¶4:`));
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['defects.txt', '讲话稿.docx'], 'no temporary file left');
  });

  it('refuses a .doc, a text file named .docx and a truncated .docx with the reader’s message, exit 2', async () => {
    const dir = tempDir();
    const doc = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(doc);
    doc.write('WordDocument', 1024, 'utf16le');
    fs.writeFileSync(path.join(dir, '旧稿.doc'), doc);
    fs.writeFileSync(path.join(dir, '假的.docx'), '一、这是文本\n');
    fs.writeFileSync(path.join(dir, '半截.docx'), (await speechDocx()).subarray(0, 600));
    for (const [name, reason] of [
      ['旧稿.doc', /另存为 \.docx.* \/ .*save it as \.docx/],
      ['假的.docx', /.+ \/ .+/],
      ['半截.docx', /.+ \/ .+/],
    ] as const) {
      const r = runCli(['check', path.join(dir, name)]);
      assert.strictEqual(r.status, 2, `${name}: ${r.stderr}`);
      assert.ok(r.stderr.startsWith('speech-draft: ') && r.stderr.includes(name), r.stderr);
      assert.match(r.stderr, reason);
      assert.doesNotMatch(r.stderr, /internal error|at .*\.js:\d+/);
    }
  });

  it('export refuses a Word document (it is one already)', async () => {
    const r = runCli(['export', await docxIn(tempDir())]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /已是 Word 文档/);
  });
});

describe('speech-draft annotate', function () {
  this.timeout(60000);
  before(buildCli);

  it('writes draft.批注.docx with one comment per finding, many half-width marks of a paragraph as one; the input untouched', async () => {
    const dir = tempDir();
    const file = await docxIn(dir);
    const before = fs.readFileSync(file);
    const findings = json(runCli(['check', '--format', 'json', file]));
    const r = runCli(['annotate', file]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.readFileSync(file).equals(before), 'the input is untouched');
    const out = path.join(dir, '讲话稿.批注.docx');
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['讲话稿.docx', '讲话稿.批注.docx']);
    const parts = await unzipParts(fs.readFileSync(out));
    const comments = [...parts['word/comments.xml'].matchAll(/<w:comment [^>]*w:author="讲稿助手"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) =>
      [...m[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
    // One paragraph has four marks: one comment for them; the other findings one each.
    const four = placeOf(':查险情').paragraph;
    const grouped4 = (f: JsonFinding) => f.rule === 'punctuation-width' && f.line === four;
    assert.strictEqual(findings.filter(grouped4).length, 4);
    assert.strictEqual(comments.length, findings.length - 4 + 1, comments.join('\n'));
    assert.match(r.stderr, new RegExp(`已将 ${comments.length} 条批注（${findings.length} 个问题）写入`));
    for (const f of findings.filter((f) => !grouped4(f))) {
      assert.ok(comments.some((c) => c.includes(f.message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;'))), `no comment says: ${f.message}`);
    }
    const grouped = comments.filter((c) => c.startsWith('本段有 4 处半角标点'));
    assert.strictEqual(grouped.length, 1, comments.join('\n'));
    assert.match(grouped[0], /（: ,）/);
    // The grouped comment sits on the paragraph's first mark, as the editor's finding does.
    const doc = parts['word/document.xml'];
    const ranges = [...doc.matchAll(/<w:commentRangeStart w:id="(\d+)"\/>([\s\S]*?)<w:commentRangeEnd w:id="\1"\/>/g)];
    assert.strictEqual(ranges.length, comments.length);
    const texts = ranges.map((m) => [...m[2].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    assert.strictEqual(texts.filter((x) => x === ':').length, 1, texts.join(' | '));
    assert.strictEqual(texts.filter((x) => x === ',').length, 2, 'the two marks of the other paragraph, one comment each');
    assert.ok(texts.includes('×××'), texts.join(' | '));
  });

  it('--out names the copy; an --out that is the input, or a link to it, is refused and the input kept', async () => {
    const dir = tempDir();
    const file = await docxIn(dir);
    const before = fs.readFileSync(file);
    const out = path.join(dir, '返回', '审阅稿.docx');
    fs.mkdirSync(path.dirname(out));
    assert.strictEqual(runCli(['annotate', '--out', out, file]).status, 0);
    assert.match((await unzipParts(fs.readFileSync(out)))['word/comments.xml'], /讲稿助手/);
    fs.symlinkSync(file, path.join(dir, '链接.docx'));
    for (const target of [file, path.join(dir, '.', '讲话稿.docx'), path.join(dir, '链接.docx')]) {
      const r = runCli(['annotate', '--out', target, file]);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /.+ \/ .*is the input document/);
      assert.ok(fs.readFileSync(file).equals(before), `${target}: the input is untouched`);
    }
    assert.ok(fs.lstatSync(path.join(dir, '链接.docx')).isSymbolicLink());
    const notDocx = runCli(['annotate', '--out', path.join(dir, '审阅稿.txt'), file]);
    assert.strictEqual(notDocx.status, 2);
    assert.match(notDocx.stderr, /须以 \.docx 结尾/);
    const ofText = runCli(['annotate', path.join(copyFixtures('defects.txt'), 'defects.txt')]);
    assert.strictEqual(ofText.status, 2);
    assert.match(ofText.stderr, /annotate 只处理 Word 文档/);
    assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['讲话稿.docx', '返回', '链接.docx']);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
