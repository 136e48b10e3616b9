// The two documents most Word tests read: one made with the `docx` package,
// one written by hand with numbering overrides, fields, tracked changes and
// the rest; each with the draft text the reader must give (written out here).

import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageReference,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { SPEECH_NUMBERING } from '../helpers/speechDocx';
import { handMadeDocx, para } from '../helpers/wordDocs';

const change = { author: '审稿人', date: '2025-03-01T09:00:00Z' };

export function builtDocx(): Promise<Buffer> {
  const numbered = (level: number, text: string, instance = 0) => new Paragraph({ numbering: { reference: 'speech', level, instance }, children: [new TextRun(text)] });
  const doc = new Document({
    comments: { children: [{ id: 0, author: '办公室', date: new Date('2025-03-01T08:00:00Z'), children: [new Paragraph('这句请再斟酌')] }] },
    footnotes: { 1: { children: [new Paragraph('统计口径为全区')] } },
    numbering: SPEECH_NUMBERING,
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('在社区服务工作会议上的讲话')] }),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('会议总体安排')] }),
          numbered(0, '抓好社区服务'),
          numbered(1, '完善服务网点'),
          numbered(1, '提升服务质量'),
          numbered(0, '强化组织保障'),
          numbered(1, '压实工作责任'),
          // A list of its own (a new instance): it starts again at 一.
          numbered(0, '附件说明', 1),
          new Paragraph({
            children: [
              new TextRun('各单位要'),
              new InsertedTextRun({ text: '认真', id: 1, ...change }),
              new DeletedTextRun({ text: '马虎', id: 2, ...change }),
              new TextRun('落实。'),
            ],
          }),
          new Paragraph({ children: [new CommentRangeStart(0), new TextRun('请各位同志'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] }), new TextRun('按时参会。')] }),
          new Paragraph({ children: [new TextRun('数据截至六月底'), new FootnoteReferenceRun(1), new TextRun('。')] }),
          new Paragraph({
            children: [
              new TextRun('印发日期：'),
              new SimpleField('DATE', '2025年7月8日'),
              new TextRun('，见第'),
              new PageReference('附件'),
              new TextRun('页，'),
              new ExternalHyperlink({ link: 'https://example.org/', children: [new TextRun('详见区政府网站')] }),
              new TextRun('。'),
            ],
          }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('进度')] })] }),
              new TableRow({ children: [new TableCell({ children: [new Paragraph('老旧小区')] }), new TableCell({ children: [new Paragraph('已开工'), new Paragraph('过半')] })] }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export const BUILT_TEXT = [
  '在社区服务工作会议上的讲话',
  '会议总体安排',
  '一、抓好社区服务',
  '（一）完善服务网点',
  '（二）提升服务质量',
  '二、强化组织保障',
  '（一）压实工作责任',
  '一、附件说明',
  '各单位要认真落实。',
  '请各位同志按时参会。',
  '数据截至六月底。',
  '印发日期：2025年7月8日，见第页，详见区政府网站。',
  '项目',
  '进度',
  '老旧小区',
  '已开工',
  '过半',
].join('\n\n');

const lvl = (ilvl: number, numFmt: string, lvlText: string, start = 1, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${numFmt}"/>${extra}<w:lvlText w:val="${lvlText}"/><w:lvlJc w:val="left"/></w:lvl>`;

export const HAND_STYLES = [
  `<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>`,
  `<w:style w:type="paragraph" w:styleId="BodyTitle"><w:name w:val="标题"/><w:basedOn w:val="a"/></w:style>`,
  // Chinese style names, numbering through the style (level 1 by the list's link to the style).
  `<w:style w:type="paragraph" w:styleId="a1"><w:name w:val="标题 1"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>`,
  `<w:style w:type="paragraph" w:styleId="a2"><w:name w:val="二级"/><w:basedOn w:val="a"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="7"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`,
  `<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/></w:style>`,
].join('');

export const HAND_NUMBERING = [
  `<w:abstractNum w:abstractNumId="70">${lvl(0, 'chineseCounting', '%1、', 1, '<w:pStyle w:val="a1"/>')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="10">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="20">${lvl(0, 'chineseLegalSimplified', '第%1部分')}${lvl(1, 'ideographTraditional', '%2、', 1, '<w:lvlRestart w:val="0"/>')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="30">${lvl(0, 'decimal', '%1.', 3)}${lvl(1, 'decimal', '%1.%2')}${lvl(2, 'decimal', '%1.%2.%3')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="31">${lvl(0, 'decimalFullWidth', '%1．')}${lvl(1, 'decimalEnclosedCircle', '%2')}</w:abstractNum>`,
  `<w:abstractNum w:abstractNumId="32">${lvl(0, 'chineseCountingThousand', '%1、', 11)}${lvl(1, 'decimal', '%1.%2', 1, '<w:isLgl/>')}</w:abstractNum>`,
  `<w:num w:numId="7"><w:abstractNumId w:val="70"/></w:num>`,
  `<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>`,
  `<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`,
  `<w:num w:numId="6"><w:abstractNumId w:val="10"/></w:num>`,
  `<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>`,
  `<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>`,
  `<w:num w:numId="5"><w:abstractNumId w:val="31"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="8"/></w:lvlOverride><w:lvlOverride w:ilvl="1">${lvl(1, 'decimalEnclosedCircleChinese', '%2')}</w:lvlOverride></w:num>`,
  `<w:num w:numId="8"><w:abstractNumId w:val="32"/></w:num>`,
].join('');

const num = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;
const style = (id: string) => `<w:pStyle w:val="${id}"/>`;
const field = (instr: string, result: string) => [
  { xml: '<w:fldChar w:fldCharType="begin"/>' },
  { xml: `<w:instrText xml:space="preserve">${instr}</w:instrText>` },
  { xml: '<w:fldChar w:fldCharType="separate"/>' },
  result,
  { xml: '<w:fldChar w:fldCharType="end"/>' },
];

/** Each paragraph of the hand-made document with the draft text it must give ('' for none). */
export const HAND_PARAGRAPHS: Array<[xml: string, text: string]> = [
  [para(style('BodyTitle'), '全区安全生产工作会议讲话'), '全区安全生产工作会议讲话'],
  [para(style('a1'), '统一思想认识'), '一、统一思想认识'],
  [para(style('a2'), '明确工作目标'), '（一）明确工作目标'],
  [para(style('a2'), '强化责任落实'), '（二）强化责任落实'],
  [para(style('a1'), '狠抓隐患排查'), '二、狠抓隐患排查'],
  [para(style('a2'), '排查重点行业'), '（一）排查重点行业'],
  // Lists of one abstract list share its counters; a start override restarts where its list is first used.
  [para(num(2, 0), '加强应急演练'), '五、加强应急演练'],
  [para(num(2, 1), '演练每季一次'), '（一）演练每季一次'],
  [para(num(6, 0), '做好值班值守'), '六、做好值班值守'],
  [para(num(3, 0), '总体要求'), '第壹部分总体要求'],
  [para(num(3, 1), '坚持安全第一'), '甲、坚持安全第一'],
  [para(num(3, 1), '坚持预防为主'), '乙、坚持预防为主'],
  [para(num(3, 0), '具体措施'), '第贰部分具体措施'],
  // lvlRestart 0: this level never restarts.
  [para(num(3, 1), '开展专项整治'), '丙、开展专项整治'],
  [para(num(4, 0), '第三章'), '3.第三章'],
  [para(num(4, 1), '第一节'), '3.1第一节'],
  [para(num(4, 2), '第一条'), '3.1.1第一条'],
  [para(num(4, 1), '第二节'), '3.2第二节'],
  [para(num(5, 0), '全角序号'), '８．全角序号'],
  [para(num(5, 1), '圈码一'), '①圈码一'],
  [para(num(5, 1), '圈码二'), '②圈码二'],
  [para(num(5, 0), '又一全角'), '９．又一全角'],
  [para(num(5, 1), '圈码重来'), '①圈码重来'],
  [para(num(8, 0), '千位计数'), '十一、千位计数'],
  [para(num(8, 1), '法律编号'), '11.1法律编号'],
  // Numbering turned off on a paragraph of a numbered style.
  [para(style('a1') + num(0, 0), '不编号的标题'), '不编号的标题'],
  [para('', '会议时间：', ...field(' DATE \\@ "yyyy年M月d日" ', '2025年3月1日'), '。'), '会议时间：2025年3月1日。'],
  // A field inside another field's instruction: only the outer result shows.
  [
    para(
      '',
      '是否有附件：',
      { xml: '<w:fldChar w:fldCharType="begin"/>' },
      { xml: '<w:instrText xml:space="preserve"> IF </w:instrText>' },
      ...field('PAGE', '9'),
      { xml: '<w:instrText xml:space="preserve"> &gt; 0 "有" "无" </w:instrText>' },
      { xml: '<w:fldChar w:fldCharType="separate"/>' },
      '有',
      { xml: '<w:fldChar w:fldCharType="end"/>' },
    ),
    '是否有附件：有',
  ],
  [
    `<w:p><w:r><w:t>移动</w:t></w:r><w:moveFrom w:id="11" w:author="审稿人"><w:r><w:t>旧位置</w:t></w:r></w:moveFrom><w:moveTo w:id="12" w:author="审稿人"><w:r><w:t>新位置</w:t></w:r></w:moveTo><w:ins w:id="13" w:author="审稿人"><w:r><w:t>补充</w:t></w:r></w:ins><w:del w:id="14" w:author="审稿人"><w:r><w:delText>删掉</w:delText></w:r></w:del></w:p>`,
    '移动新位置补充',
  ],
  // A paragraph mark deleted with changes tracked: the paragraph joins the next.
  [`<w:p><w:pPr><w:rPr><w:del w:id="15" w:author="审稿人"/></w:rPr></w:pPr><w:r><w:t>前半句，</w:t></w:r></w:p>`, ''],
  [para('', '后半句。'), '前半句，后半句。'],
  [para('', '公开内容', { rPr: '<w:vanish/>', xml: '<w:t>（内部）</w:t>' }, { rPr: '<w:vanish w:val="0"/>', xml: '<w:t>照常</w:t>' }), '公开内容照常'],
  [para('', 'A&amp;B，&lt;数据&gt;，&#x4E00;，𠀀字'), 'A&B，<数据>，一，𠀀字'],
  [para('', { xml: '<w:t>时间</w:t><w:tab/><w:t>地点</w:t>' }, { rPr: '<w:b/>', xml: '<w:t xml:space="preserve"> 加粗 </w:t>' }), '时间\t地点 加粗 '],
  [`<w:p><w:hyperlink r:id="rId99"><w:r><w:t>链接文字</w:t></w:r></w:hyperlink><w:smartTag w:uri="u" w:element="e"><w:r><w:t>智能标记</w:t></w:r></w:smartTag></w:p>`, '链接文字智能标记'],
  [para('', '见注释', { xml: '<w:footnoteReference w:id="1"/>' }, '。'), '见注释。'],
  [`<w:p><w:commentRangeStart w:id="3"/><w:r><w:t>已有批注</w:t></w:r><w:commentRangeEnd w:id="3"/><w:r><w:commentReference w:id="3"/></w:r></w:p>`, '已有批注'],
  [
    `<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框内容</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice><mc:Fallback><w:pict/></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>继续</w:t></w:r></w:p>`,
    '正文继续',
  ],
  [`<w:sdt><w:sdtPr><w:alias w:val="控件"/></w:sdtPr><w:sdtContent>${para('', '控件内容')}</w:sdtContent></w:sdt>`, '控件内容'],
  ['<w:p/>', ''],
  [
    `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>${para('', '表头一')}</w:tc><w:tc>${para('', '表头二')}</w:tc></w:tr><w:tr><w:trPr><w:del w:id="16" w:author="审稿人"/></w:trPr><w:tc>${para('', '删去的行')}</w:tc><w:tc>${para('', '也删去')}</w:tc></w:tr><w:tr><w:tc>${para('', '甲单位')}</w:tc><w:tc>${para('', '乙单位')}</w:tc></w:tr></w:tbl>`,
    '表头一\n\n表头二\n\n甲单位\n\n乙单位',
  ],
];

export const HAND_TEXT = HAND_PARAGRAPHS.map(([, text]) => text)
  .filter((t) => t)
  .join('\n\n');

export function handDocx(extra: { body?: string } = {}): Promise<Buffer> {
  return handMadeDocx({
    body: extra.body ?? HAND_PARAGRAPHS.map(([xml]) => xml).join(''),
    styles: HAND_STYLES,
    numbering: HAND_NUMBERING,
    comments: `<w:comment w:id="3" w:author="办公室" w:date="2025-03-01T08:00:00Z"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>原有意见</w:t></w:r></w:p></w:comment>`,
    footnotes: `<w:footnote w:id="1"><w:p><w:r><w:t>注释内容不进正文</w:t></w:r></w:p></w:footnote>`,
  });
}
