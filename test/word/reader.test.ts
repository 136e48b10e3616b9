// Reading a .docx as a draft: the text equals the draft a writer sees in
// Word (numbering labels included), each paragraph's style, and the way back
// from every character to its run in document.xml.

import * as assert from 'assert';
import fc from 'fast-check';
import { buildModel } from '../../server/src/core';
import { exportDocx } from '../../server/src/export/docx';
import { readDocx, type WordDraft } from '../../server/src/word/api';
import { formatNumber } from '../../server/src/word/numberFormats';
import { runTexts, unzipParts } from '../helpers/wordDocs';
import { BUILT_TEXT, builtDocx, HAND_PARAGRAPHS, HAND_TEXT, handDocx } from './documents';

/** For every character of the draft: the run text (or label) at its mapped place holds it. */
function assertMapsBack(draft: WordDraft, documentXml: string, offsets: number[]): void {
  const runs = runTexts(documentXml);
  for (const offset of offsets) {
    const place = draft.locate(offset);
    const ch = draft.text[offset];
    if (!place) {
      assert.ok(ch === '\n', `offset ${offset} (${JSON.stringify(ch)}) maps nowhere`);
      continue;
    }
    const from = place.label ? draft.paragraphs[place.paragraph].label : runs[place.xmlParagraph]?.[place.run];
    assert.ok(from !== undefined, `offset ${offset}: no run ${place.run} in paragraph ${place.xmlParagraph}`);
    assert.strictEqual(from[place.offset], ch, `offset ${offset}: ${JSON.stringify(from)}[${place.offset}] is not ${JSON.stringify(ch)}`);
    const p = draft.paragraphs[place.paragraph];
    assert.ok(offset >= p.start && offset < p.end);
  }
}

describe('Word reader', () => {
  describe('a document made with the docx package', () => {
    let bytes: Buffer;
    let draft: WordDraft;
    before(async () => {
      bytes = await builtDocx();
      draft = readDocx(bytes, { file: '社区服务.docx' });
    });

    it('reads the draft as Word shows it: numbering labels, tracked changes accepted, field results, table cells row by row', () => {
      assert.strictEqual(draft.text, BUILT_TEXT);
    });

    it('leaves out the comment and the footnote, which are in the file', async () => {
      const parts = await unzipParts(bytes);
      assert.match(parts['word/comments.xml'], /这句请再斟酌/);
      assert.match(parts['word/footnotes.xml'], /统计口径为全区/);
      assert.match(parts['word/document.xml'], /<w:delText[^>]*>马虎<\/w:delText>/);
      assert.doesNotMatch(draft.text, /斟酌|统计口径|马虎|PAGEREF/);
    });

    it('gives each paragraph its style: the title, a heading, numbered body paragraphs, table cells', () => {
      const [title, heading, first] = draft.paragraphs;
      assert.strictEqual(title.kind, 'title');
      assert.strictEqual(heading.kind, 'heading');
      assert.strictEqual(heading.level, 1);
      assert.strictEqual(first.label, '一、');
      assert.strictEqual(first.kind, 'body');
      const cells = draft.paragraphs.filter((p) => p.cell);
      assert.deepStrictEqual(
        cells.map((p) => [draft.text.slice(p.start, p.end), p.cell!.row, p.cell!.column]),
        [
          ['项目', 0, 0],
          ['进度', 0, 1],
          ['老旧小区', 1, 0],
          ['已开工', 1, 1],
          ['过半', 1, 1],
        ],
      );
    });

    it('maps every character back to the run it came from', async () => {
      const xml = (await unzipParts(bytes))['word/document.xml'];
      assertMapsBack(draft, xml, [...draft.text].map((_, i) => i));
    });
  });

  describe('a hand-made document', () => {
    let bytes: Buffer;
    let draft: WordDraft;
    let xml: string;
    before(async () => {
      bytes = await handDocx();
      draft = readDocx(bytes, { file: '安全生产.docx' });
      xml = (await unzipParts(bytes))['word/document.xml'];
    });

    it('reads numbering overrides, restarts, legal and Chinese formats, fields, moves, a deleted paragraph mark, hidden text', () => {
      const got = draft.paragraphs.map((p) => draft.text.slice(p.start, p.end));
      const want = HAND_TEXT.split('\n\n');
      for (let i = 0; i < Math.max(got.length, want.length); i++) assert.strictEqual(got[i], want[i], `paragraph ${i}`);
      assert.strictEqual(draft.text, HAND_TEXT);
    });

    it('knows title and headings by Chinese style names and outline levels, through basedOn', () => {
      const byText = (t: string) => draft.paragraphs.find((p) => draft.text.slice(p.start, p.end).endsWith(t))!;
      assert.strictEqual(byText('全区安全生产工作会议讲话').kind, 'title');
      assert.deepStrictEqual([byText('统一思想认识').kind, byText('统一思想认识').level], ['heading', 1]);
      assert.deepStrictEqual([byText('明确工作目标').kind, byText('明确工作目标').level], ['heading', 2]);
      assert.strictEqual(byText('明确工作目标').styleName, '二级');
      assert.deepStrictEqual([byText('不编号的标题').kind, byText('不编号的标题').label], ['heading', '']);
      assert.strictEqual(byText('会议时间：2025年3月1日。').kind, 'body');
    });

    it('counts paragraphs as document.xml has them: empty ones and deleted marks included, text boxes not', () => {
      const merged = draft.paragraphs.find((p) => draft.text.slice(p.start, p.end) === '前半句，后半句。')!;
      assert.strictEqual(merged.lastIndex, merged.index + 1);
      const inXml = runTexts(xml).length;
      const last = draft.paragraphs[draft.paragraphs.length - 1];
      assert.strictEqual(last.index, inXml - 1, 'the last table cell is the last w:p');
      // Paragraphs before the text box: one per entry of the list, the table's four cells and the deleted row's two after.
      const textBox = draft.paragraphs.find((p) => draft.text.slice(p.start, p.end) === '正文继续')!;
      assert.strictEqual(textBox.index, HAND_PARAGRAPHS.findIndex(([, t]) => t === '正文继续'));
    });

    it('maps every character back to its run (a label to its paragraph), characters outside the BMP included', () => {
      assertMapsBack(draft, xml, [...draft.text].map((_, i) => i));
      const label = draft.locate(draft.text.indexOf('五、'))!;
      assert.deepStrictEqual([label.label, label.run, label.offset], [true, -1, 0]);
      const astral = draft.text.indexOf('𠀀');
      assert.strictEqual(draft.locate(astral + 1)!.offset, draft.locate(astral)!.offset + 1);
    });

    it('maps random offsets back (property)', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: draft.text.length - 1 }), (offset) => {
          assertMapsBack(draft, xml, [offset]);
        }),
        { numRuns: 300 },
      );
    });

    it('finds the paragraph of an offset, between paragraphs the one before', () => {
      const second = draft.paragraphs[1];
      assert.strictEqual(draft.paragraphAt(second.start), 1);
      assert.strictEqual(draft.paragraphAt(second.end + 1), 1);
      assert.strictEqual(draft.paragraphAt(draft.text.length), draft.paragraphs.length - 1);
      assert.strictEqual(draft.locate(second.end), undefined);
    });
  });

  describe('number formats', () => {
    const cases: Array<[string, number, string]> = [
      ['chineseCounting', 1, '一'],
      ['chineseCounting', 10, '十'],
      ['chineseCounting', 11, '十一'],
      ['chineseCounting', 20, '二十'],
      ['chineseCounting', 105, '一百零五'],
      ['chineseCounting', 110, '一百一十'],
      ['chineseCountingThousand', 1010, '一千零一十'],
      ['chineseLegalSimplified', 10, '壹拾'],
      ['chineseLegalSimplified', 23, '贰拾叁'],
      ['ideographTraditional', 3, '丙'],
      ['ideographTraditional', 10, '癸'],
      ['ideographTraditional', 11, '11'],
      ['decimal', 7, '7'],
      ['decimalZero', 7, '07'],
      ['decimalFullWidth', 12, '１２'],
      ['decimalEnclosedCircle', 1, '①'],
      ['decimalEnclosedCircle', 20, '⑳'],
      ['decimalEnclosedCircle', 21, '㉑'],
      ['decimalEnclosedCircleChinese', 3, '③'],
      ['upperRoman', 14, 'XIV'],
      ['lowerLetter', 28, 'bb'],
      ['ideographZodiacTraditional', 1, '甲子'],
    ];
    for (const [fmt, n, want] of cases) it(`${fmt} ${n} → ${want}`, () => assert.strictEqual(formatNumber(n, fmt), want));
  });

  describe('a draft exported to Word and read back', () => {
    const draftText = [
      '在全区档案工作会议上的讲话',
      '（2025年4月10日）',
      '同志们：',
      '　　今天召开会议，主要是总结去年档案工作，部署今年任务。下面，我讲两点意见。',
      '一、肯定成绩，增强做好档案工作的信心',
      '　　过去一年，全区档案工作稳步推进，馆藏结构不断优化。',
      '（一）基础工作更加扎实。新建标准化档案室十二个。',
      '（二）服务能力明显提升。全年接待查档群众三千余人次。',
      '二、突出重点，推动档案事业提质增效',
      '　　今年要抓好数字化建设和安全管理两件大事。',
      '1.加快馆藏数字化。年底前完成重点全宗扫描。',
      '2.守牢安全底线。每季度开展一次安全检查。',
      '　　同志们，让我们共同努力，把档案工作做得更好。',
    ].join('\n\n');

    it('gives the same paragraphs and headings', async () => {
      const model = buildModel(draftText);
      const back = readDocx(await exportDocx(model));
      const again = buildModel(back.text);
      const texts = (m: typeof model) => m.paragraphs.map((p) => p.text.replace(/^\u3000+/, ''));
      assert.deepStrictEqual(texts(again), texts(model));
      const headings = (m: typeof model) => m.items.filter((i) => i.kind === 'heading').map((i) => [i.marker.family, m.text.slice(i.heading.start, i.heading.end)]);
      assert.deepStrictEqual(headings(again), headings(model));
      assert.ok(headings(model).length >= 4);
    });
  });
});
