// Findings written into a copy of the .docx as Word comments: one comment a
// finding with its text, the range around the exact span, nothing else
// changed (the XML equal to the input's once the marks are taken out and the
// split runs joined again), the input untouched; LibreOffice opens the copy.

import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildModel, checkText } from '../../server/src/core';
import { exportDocx } from '../../server/src/export/docx';
import { annotateDocx, annotatedName, commentsOf, readDocx, writeCopyAtomically, type WordComment, type WordDraft } from '../../server/src/word/api';
import { DocxError } from '../../server/src/word/errors';
import { unzipParts, W_NS, zipParts } from '../helpers/wordDocs';
import { builtDocx, handDocx } from './documents';
import { skipBecause } from '../helpers/skip';

const DATE = new Date('2025-07-08T10:00:00Z');

/** The comment marks with these ids taken out, and runs split by them joined again; `w:t` tags made alike. */
function canonical(xml: string, ids: readonly number[]): string {
  let out = xml;
  for (const id of ids) {
    out = out
      .replace(new RegExp(`<w:commentRange(Start|End) w:id="${id}"/>`, 'g'), '')
      .replace(new RegExp(`<w:r><w:commentReference w:id="${id}"/></w:r>`, 'g'), '');
  }
  out = out.replace(/<w:t xml:space="preserve">|<w:t>/g, '<w:t>');
  // Adjacent runs with the same tag and properties become one; adjacent texts in a run too.
  const head = /<w:r(?:\s[^>]*)?>(?:<w:rPr>(?:(?!<\/w:rPr>)[\s\S])*<\/w:rPr>)?/y;
  const headAt = (at: number) => {
    head.lastIndex = at;
    return head.exec(out)?.[0];
  };
  for (let at = out.indexOf('</w:r><w:r'); at >= 0; at = out.indexOf('</w:r><w:r', at + 1)) {
    let open = at;
    do open = out.lastIndexOf('<w:r', open - 1);
    while (open >= 0 && /^<w:r[A-Za-z]/.test(out.slice(open, open + 5)));
    const next = headAt(at + 6);
    if (next !== undefined && /^<w:r[\s>]/.test(next) && headAt(open) === next) {
      out = out.slice(0, at) + out.slice(at + 6 + next.length);
      at = Math.max(0, open - 1);
    }
  }
  return out.replace(/<\/w:t><w:t>/g, '');
}

/** The visible text between a comment's range marks: run text, tabs, a paragraph break as a blank line. */
function rangeText(xml: string, id: number): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  assert.ok(start >= 0 && end >= start, `comment ${id}: range marks missing or reversed`);
  const between = xml
    .slice(start, end)
    .replace(/<w:instrText[^>]*>[^<]*<\/w:instrText>|<w:delText[^>]*>[^<]*<\/w:delText>/g, '')
    .replace(/<w:del [\s\S]*?<\/w:del>|<w:moveFrom [\s\S]*?<\/w:moveFrom>/g, '');
  return [...between.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<\/w:p>/g)]
    .map((m) => (m[0] === '<w:tab/>' ? '\t' : m[0] === '</w:p>' ? '\n\n' : m[1].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')))
    .join('');
}

function commentTexts(commentsXml: string): Map<number, { author: string; text: string[] }> {
  const out = new Map<number, { author: string; text: string[] }>();
  for (const m of commentsXml.matchAll(/<w:comment w:id="(\d+)" w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)) {
    const paragraphs = [...m[3].matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => [...p[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    out.set(Number(m[1]), { author: m[2], text: paragraphs });
  }
  return out;
}

function span(draft: WordDraft, text: string, from = 0): { start: number; end: number } {
  const start = draft.text.indexOf(text, from);
  assert.ok(start >= 0, `no ${text} in the draft`);
  return { start, end: start + text.length };
}

describe('Word annotator', () => {
  describe('on a document with comments, fields and tracked changes', () => {
    let input: Buffer;
    let before_: Buffer;
    let draft: WordDraft;
    let findings: WordComment[];
    let output: Uint8Array;
    let inParts: Record<string, string>;
    let outParts: Record<string, string>;

    before(async () => {
      input = await handDocx();
      before_ = Buffer.from(input);
      draft = readDocx(input);
      const inText = (t: string, message: string, suggestion?: string, from = 0) => ({ ...span(draft, t, from), message, suggestion, rule: 'word-usage' });
      findings = [
        inText('隐患', '“隐患”一词用得准确，这里只是试标。', '隐患'),
        { ...span(draft, '五、'), message: '序号“五、”前面缺少“三、”“四、”。', rule: 'numbering-sequence' },
        inText('地点 加粗', '跨越两个文字块的范围。'),
        inText('补充', '修订插入的文字上的批注。'),
        inText('3月', '域结果里的批注。', '三月'),
        { start: span(draft, '甲单位').start, end: span(draft, '乙单位').end, message: '跨段落的批注。', rule: 'announced-count' },
        { start: span(draft, '照常').start, end: span(draft, '照常').start, message: '这里缺一个字。', rule: 'placeholder' },
        inText('&B', '半角“&”应改为“和”。', '和'),
        inText('𠀀', '生僻字。'),
        inText('链接', '超链接里的批注。'),
        inText('已有批注', '与原有批注重叠。'),
      ];
      output = annotateDocx(input, findings, { date: DATE });
      inParts = await unzipParts(input);
      outParts = await unzipParts(output);
    });

    it('leaves the input bytes as they were', () => {
      assert.ok(input.equals(before_));
    });

    it('adds one comment per finding after the existing ones, author 讲稿助手, with the message, the suggestion and the rule', () => {
      const comments = commentTexts(outParts['word/comments.xml']);
      assert.deepStrictEqual(comments.get(3), { author: '办公室', text: ['原有意见'] });
      assert.strictEqual(comments.size, findings.length + 1);
      findings.forEach((f, i) => {
        const c = comments.get(4 + i)!;
        assert.ok(c, `comment ${4 + i}`);
        assert.strictEqual(c.author, '讲稿助手');
        const want = [f.message.replace(/&/g, '&amp;'), ...(f.suggestion ? [`建议：${f.suggestion.replace(/&/g, '&amp;')}`] : []), ...(f.rule ? [`规则：${f.rule}`] : [])];
        assert.deepStrictEqual(c.text, want);
      });
      assert.match(outParts['word/comments.xml'], /w:date="2025-07-08T10:00:00Z"/);
    });

    it('puts the range marks around the exact span of each finding', () => {
      const xml = outParts['word/document.xml'];
      findings.forEach((f, i) => {
        const id = 4 + i;
        const want = draft.text.slice(f.start, f.end);
        // A finding on a numbering label sits at the start of its paragraph: the label is not in the XML.
        if (draft.locate(f.start)?.label) {
          assert.strictEqual(rangeText(xml, id), '');
          assert.ok(xml.includes(`</w:pPr><w:commentRangeStart w:id="${id}"/><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r><w:r><w:t xml:space="preserve">加强应急演练`));
        } else assert.strictEqual(rangeText(xml, id), want, `comment ${id} on ${JSON.stringify(want)}`);
        assert.strictEqual(xml.split(`<w:commentReference w:id="${id}"/>`).length, 2, `one reference mark for ${id}`);
      });
    });

    it('keeps reference marks out of tracked insertions and field results', () => {
      const xml = outParts['word/document.xml'];
      const reference = (id: number) => xml.indexOf(`<w:commentReference w:id="${id}"/>`);
      const ins = xml.indexOf('<w:ins w:id="13"');
      assert.ok(xml.indexOf('</w:ins>', ins) < reference(4 + 3), 'after the insertion');
      const end = xml.indexOf(`<w:commentRangeEnd w:id="${4 + 4}"/>`);
      assert.ok(xml.indexOf('w:fldCharType="end"', end) < reference(4 + 4), 'after the field');
    });

    it('changes nothing else in document.xml: marks out and runs joined, it is the input', () => {
      const ids = findings.map((_, i) => 4 + i);
      assert.strictEqual(canonical(outParts['word/document.xml'], ids), canonical(inParts['word/document.xml'], []));
      // Paragraphs without a mark are byte for byte the same.
      const paragraphs = (xml: string) => [...xml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
      const was = paragraphs(inParts['word/document.xml']);
      const now = paragraphs(outParts['word/document.xml']);
      assert.strictEqual(now.length, was.length);
      let untouched = 0;
      now.forEach((p, i) => {
        if (/commentRange(Start|End) w:id="([4-9]|1\d)"/.test(p)) return;
        assert.strictEqual(p, was[i], `paragraph ${i}`);
        untouched++;
      });
      assert.ok(untouched > 20);
      // Run properties carried to both halves of a split run.
      assert.ok(outParts['word/document.xml'].includes('<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve"> 加粗</w:t></w:r><w:commentRangeEnd'));
    });

    it('keeps tracked changes, other parts and the draft text as they were', () => {
      for (const tag of ['<w:ins ', '<w:del ', '<w:moveFrom ', '<w:moveTo ', '<w:delText>', '<w:fldChar ']) {
        assert.strictEqual(outParts['word/document.xml'].split(tag).length, inParts['word/document.xml'].split(tag).length, tag);
      }
      for (const name of Object.keys(inParts)) if (!/document\.xml$|comments\.xml$/.test(name)) assert.strictEqual(outParts[name], inParts[name], name);
      assert.strictEqual(readDocx(output).text, draft.text);
    });
  });

  describe('on a document without comments', () => {
    it('creates the comments part, its relationship and its content type', async () => {
      const text = '在全区志愿服务工作会议上的讲话\n\n同志们：\n\n　　今年要办好三件实事,一是建好服务站。';
      const bytes = await exportDocx(buildModel(text));
      const draft = readDocx(bytes);
      const result = checkText(draft.text);
      const comments = commentsOf(result.findings);
      assert.ok(comments.some((c) => c.rule === 'punctuation-width'), 'the half-width comma is found');
      const before_ = await unzipParts(bytes);
      assert.strictEqual(before_['word/comments.xml'], undefined);
      const parts = await unzipParts(annotateDocx(bytes, comments, { date: DATE }));
      assert.strictEqual(commentTexts(parts['word/comments.xml']).size, comments.length);
      assert.match(parts['word/_rels/document.xml.rels'], /relationships\/comments" Target="comments.xml"/);
      assert.match(parts['[Content_Types].xml'], /<Override PartName="\/word\/comments.xml" ContentType="application\/vnd.openxmlformats-officedocument.wordprocessingml.comments\+xml"\/>/);
      const comma = comments.find((c) => c.rule === 'punctuation-width')!;
      const id = [...commentTexts(parts['word/comments.xml']).keys()][comments.indexOf(comma)];
      assert.strictEqual(rangeText(parts['word/document.xml'], id), draft.text.slice(comma.start, comma.end));
    });

    it('writes into a document that has WordprocessingML as its default namespace', async () => {
      const body = `<?xml version="1.0" encoding="UTF-8"?><document xmlns="${W_NS}" xmlns:w="${W_NS}"><body><p><r><t>默认命名空间的正文</t></r></p></body></document>`;
      const bytes = await zipParts({ 'word/document.xml': body });
      const draft = readDocx(bytes);
      assert.strictEqual(draft.text, '默认命名空间的正文');
      const out = annotateDocx(bytes, [{ ...span(draft, '命名空间'), message: '试标。' }]);
      assert.strictEqual(readDocx(out).text, draft.text);
      const xml = (await unzipParts(out))['word/document.xml'];
      assert.ok(xml.includes(`<t xml:space="preserve">默认</t></r><commentRangeStart xmlns:w="${W_NS}" w:id="0"/><r><t xml:space="preserve">命名空间</t></r><commentRangeEnd xmlns:w="${W_NS}" w:id="0"/>`), xml);
    });

    it('returns the input unchanged when there is nothing to say', async () => {
      const bytes = await builtDocx();
      assert.ok(Buffer.from(annotateDocx(bytes, [])).equals(bytes));
    });
  });

  describe('writing the copy', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-annotate-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('names the copy 批注 beside the input', () => {
      assert.strictEqual(annotatedName('/稿件/讲话稿（第三稿）.docx'), '/稿件/讲话稿（第三稿）.批注.docx');
    });

    it('writes through a temporary file and a rename, and never over the input (a hard link neither)', async () => {
      const input = path.join(dir, '讲话稿.docx');
      const bytes = await builtDocx();
      fs.writeFileSync(input, bytes);
      const copy = annotateDocx(bytes, [{ start: 0, end: 2, message: '试标。' }]);
      assert.throws(() => writeCopyAtomically(input, input, copy), (e: DocxError) => e.code === 'same-file' && /讲话稿\.docx/.test(e.zh) && /never overwritten/.test(e.en));
      const link = path.join(dir, '链接.docx');
      fs.linkSync(input, link);
      assert.throws(() => writeCopyAtomically(input, link, copy), (e: DocxError) => e.code === 'same-file');
      const out = path.join(dir, annotatedName('讲话稿.docx'));
      writeCopyAtomically(input, out, copy);
      assert.ok(fs.readFileSync(out).equals(Buffer.from(copy)));
      assert.ok(fs.readFileSync(input).equals(bytes));
      assert.deepStrictEqual(fs.readdirSync(dir).sort(), ['讲话稿.docx', '讲话稿.批注.docx', '链接.docx'].sort());
      assert.throws(() => writeCopyAtomically(input, path.join(dir, 'missing', 'x.docx'), copy), (e: DocxError) => e.code === 'write' && /x\.docx/.test(e.message));
    });
  });

  describe('through LibreOffice', function () {
    this.timeout(240000);
    before(function () {
      if (spawnSync('sh', ['-c', 'command -v soffice']).status !== 0) {
        skipBecause(this, 'LibreOffice (libreoffice-writer) is not installed; .ci/run installs it');
      }
    });

    it('opens the annotated copy: its .odt has every comment as an annotation', async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'speech-draft-lo-'));
      try {
        const input = await handDocx();
        const draft = readDocx(input);
        const comments = [span(draft, '隐患'), span(draft, '补充'), span(draft, '3月'), span(draft, '五、'), span(draft, '链接')].map((s) => ({ ...s, message: '试标。' }));
        const file = path.join(dir, 'annotated.docx');
        fs.writeFileSync(file, annotateDocx(input, comments));
        execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo-profile`, '--headless', '--convert-to', 'odt', '--outdir', dir, file], { stdio: 'pipe', timeout: 180000 });
        const content = (await unzipParts(fs.readFileSync(path.join(dir, 'annotated.odt'))))['content.xml'];
        const annotations = content.match(/<office:annotation[ >]/g) ?? [];
        // The five new comments and the one the document had.
        assert.strictEqual(annotations.length, comments.length + 1);
        assert.strictEqual((content.match(/讲稿助手/g) ?? []).length, comments.length);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
