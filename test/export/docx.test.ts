// The Word export: the .docx itself, unzipped, in the official layout
// (GB/T 9704): page and margins in twips, fonts and sizes per level, indents,
// line spacing, page numbers on odd and even pages.

import * as assert from 'assert';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import { buildModel, checkText } from '../../server/src/core';
import { exportDocx, paragraphsOf } from '../../server/src/export/docx';
import { DEFAULT_LAYOUT, grid } from '../../server/src/export/layout';
import { preflight } from '../../server/src/export/preflight';
import { publishedFiles, readCorpus, repoRoot, requireCorpus } from '../helpers/corpus';
import { fixtureDir } from '../helpers/fixtures';

async function unzip(bytes: Buffer): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (/\.(xml|rels)$/.test(name)) out[name] = await zip.files[name].async('string');
  return out;
}

/** The XML of one style, by its id. */
function style(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(m, `no style ${id}`);
  return m[0];
}

/** The text of each paragraph and its style, in order. */
function paragraphs(document: string): Array<{ style: string; text: string; fonts: string[] }> {
  return [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p\/>/g)].map((m) => {
    const xml = m[1] ?? '';
    return {
      style: /<w:pStyle w:val="([^"]+)"/.exec(xml)?.[1] ?? '',
      text: [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      fonts: [...xml.matchAll(/<w:rFonts [^>]*w:eastAsia="([^"]+)"/g)].map((f) => f[1]),
    };
  });
}

const clean = fs.readFileSync(path.join(repoRoot, 'examples', 'clean-draft.speech'), 'utf8');

describe('Word export', () => {
  let xml: Record<string, string>;
  before(async () => {
    xml = await unzip(await exportDocx(buildModel(clean)));
  });

  it('sets A4 and the GB/T 9704 margins, a 22-line grid, different odd and even footers', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(xml['word/document.xml'])![0];
    assert.match(sect, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(sect, /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    assert.match(sect, new RegExp(`<w:docGrid w:type="lines" w:linePitch="${grid(DEFAULT_LAYOUT).linePitch}"`));
    assert.strictEqual(grid(DEFAULT_LAYOUT).linePitch * 22 <= 12756, true, '22 lines fit the 225 mm type area');
    assert.match(sect, /<w:footerReference w:type="default"/);
    assert.match(sect, /<w:footerReference w:type="even"/);
    assert.match(xml['word/settings.xml'], /<w:evenAndOddHeaders\/>/);
  });

  it('styles the body, the title, the date and each heading level', () => {
    const styles = xml['word/styles.xml'];
    const body = style(styles, 'SpeechBody');
    const { linePitch, letterSpacing } = grid(DEFAULT_LAYOUT);
    assert.match(body, /w:eastAsia="仿宋_GB2312"/);
    assert.match(body, /<w:sz w:val="32"\/>/);
    assert.match(body, /<w:ind w:firstLine="640"\/>/);
    assert.match(body, new RegExp(`<w:spacing w:after="0" w:before="0" w:line="${linePitch}" w:lineRule="exact"/>|<w:spacing w:before="0" w:after="0" w:line="${linePitch}" w:lineRule="exact"/>|w:line="${linePitch}" w:lineRule="exact"`));
    assert.match(body, new RegExp(`<w:spacing w:val="${letterSpacing}"/>`));
    assert.ok(letterSpacing < 0 && (320 + letterSpacing) * 28 <= 8844, '28 characters fit the 156 mm line');
    const title = style(styles, 'SpeechTitle');
    assert.match(title, /w:eastAsia="方正小标宋简体"/);
    assert.match(title, /<w:sz w:val="44"\/>/);
    assert.match(title, /<w:jc w:val="center"\/>/);
    const date = style(styles, 'SpeechDate');
    assert.match(date, /w:eastAsia="楷体_GB2312"/);
    assert.match(date, /<w:jc w:val="center"\/>/);
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312'];
    fonts.forEach((f, i) => {
      const h = style(styles, `SpeechHeading${i + 1}`);
      assert.match(h, new RegExp(`w:eastAsia="${f}"`), `level ${i + 1}`);
      assert.match(h, /<w:sz w:val="32"\/>/);
    });
  });

  it('puts “— N —” in 4号 宋体 at the outside edge, one character in', () => {
    const footers = Object.entries(xml).filter(([n]) => /word\/footer\d\.xml/.test(n)).map(([, x]) => x);
    assert.strictEqual(footers.length, 2);
    const right = footers.find((f) => /<w:jc w:val="right"\/>/.test(f))!;
    const left = footers.find((f) => /<w:jc w:val="left"\/>/.test(f))!;
    assert.ok(right && left, 'one footer right (odd pages), one left (even pages)');
    assert.match(right, /<w:ind w:right="280"\/>/);
    assert.match(left, /<w:ind w:left="280"\/>/);
    for (const f of [right, left]) {
      assert.match(f, /<w:instrText[^>]*>PAGE<\/w:instrText>/);
      assert.match(f, /<w:t[^>]*>— <\/w:t>/);
      assert.match(f, /<w:t[^>]*> —<\/w:t>/);
      assert.match(f, /w:eastAsia="宋体"/);
      assert.match(f, /<w:sz w:val="28"\/>/);
    }
    const rels = xml['word/_rels/document.xml.rels'];
    const ids = /w:type="default" r:id="(\w+)"/.exec(xml['word/document.xml'])![1];
    assert.match(rels, new RegExp(`Id="${ids}"[^>]*footer`));
  });

  it('lays out the speech: title, blank line, date, salutation, headings, body; the 【提纲】 left out', () => {
    const ps = paragraphs(xml['word/document.xml']);
    assert.deepStrictEqual(ps.slice(0, 5).map((p) => [p.style, p.text]), [
      ['SpeechTitle', '在全区城市更新工作推进会上的讲话'],
      ['SpeechTitle', ''],
      ['SpeechDate', '（2025年7月8日）'],
      ['SpeechSalutation', '同志们：'],
      ['SpeechBody', ps[4].text],
    ]);
    assert.ok(!ps.some((p) => p.text.includes('【提纲】')));
    assert.deepStrictEqual(
      ps.filter((p) => p.style === 'SpeechHeading1').map((p) => p.text),
      ['一、回顾成效，找准差距，在攻坚克难中坚定更新信心', '二、正视问题，补齐短板，在精细管理中提升城市品质', '三、压实责任，强化保障，在真抓实干中推动任务落地'],
    );
  });

  it('gives a salutation over several lines each its line, and leaves one run into its paragraph body text', () => {
    const roles = (text: string) => paragraphsOf(buildModel(text), DEFAULT_LAYOUT).map((p) => [p.role, p.runs.map((r) => r.text).join('')]);
    assert.deepStrictEqual(roles('在全市春节团拜会上的致辞\n\n尊敬的李主席，\n\n女士们，先生们：\n\n值此新春佳节来临之际。').slice(1), [
      ['salutation', '尊敬的李主席，'],
      ['salutation', '女士们，先生们：'],
      ['body', '值此新春佳节来临之际。'],
    ]);
    assert.deepStrictEqual(roles('在全区青年干部座谈会上的讲话\n\n同志们：今天召开座谈会。\n\n谢谢大家！').slice(1), [
      ['body', '同志们：今天召开座谈会。'],
      ['body', '谢谢大家！'],
    ]);
  });

  it('keeps the 【提纲】 when asked', async () => {
    const ps = paragraphs((await unzip(await exportDocx(buildModel(clean), { layout: { keepOutlineBlock: true } })))['word/document.xml']);
    assert.ok(ps.some((p) => p.text === '【提纲】'));
  });

  it('drops Markdown marks and suppression comments, and keeps run-in headings’ body in the body font', async () => {
    const md = fs.readFileSync(path.join(fixtureDir, 'export-draft.md'), 'utf8');
    const ps = paragraphs((await unzip(await exportDocx(buildModel(md), { markdown: true })))['word/document.xml']);
    const all = ps.map((p) => p.text).join('\n');
    assert.ok(!/[#*]|speech-draft-disable/.test(all), all);
    assert.ok(all.includes('今天召开会议，专题部署秋粮收购工作。'));
    const runIn = ps.find((p) => p.text.startsWith('（一）强化组织领导。'))!;
    assert.strictEqual(runIn.style, 'SpeechHeading2');
    assert.deepStrictEqual(runIn.fonts, ['仿宋_GB2312'], 'the sentence after the heading is in the body font');
  });

  it('is stopped by placeholders and download-site text, and lists warnings', () => {
    const defects = fs.readFileSync(path.join(repoRoot, 'examples', 'draft-with-defects.txt'), 'utf8');
    const { blocking, warnings } = preflight(checkText(defects).findings);
    assert.ok(blocking.some((f) => f.rule === 'placeholder'));
    assert.ok(blocking.some((f) => f.rule === 'web-residue'));
    assert.ok(warnings.some((f) => f.rule === 'numbering-sequence'));
    assert.deepStrictEqual(preflight(checkText(clean).findings).blocking, []);
  });

  it('exports a published speech with its run-in （一）…（十） headings', async function () {
    const dir = requireCorpus(this);
    const file = publishedFiles(dir).find((f) => f.includes('/10-'))!;
    const ps = paragraphs((await unzip(await exportDocx(buildModel(readCorpus(dir, file)))))['word/document.xml']);
    const level2 = ps.filter((p) => p.style === 'SpeechHeading2');
    assert.strictEqual(level2.length, 10);
    assert.ok(level2.every((p) => p.fonts.length === 1), 'heading sentence in 楷体, the rest in the body font');
    assert.strictEqual(ps.filter((p) => p.style === 'SpeechHeading1').length, 3);
  });
});
