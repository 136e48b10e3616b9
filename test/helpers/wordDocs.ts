// Word documents for the tests, made two ways: with the `docx` package (as
// Word-like tools write them) and by hand (XML written here, zipped with
// jszip, so that the reader's own zip code is not what packs its input).

import { Document, HeadingLevel, Packer, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import JSZip from 'jszip';
import { SPEECH_NUMBERING } from './speechDocx';
import { formatNumber } from '../../server/src/word/numberFormats';

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const NS = `xmlns:w="${W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`;

export async function zipParts(parts: Record<string, string | Uint8Array>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(parts)) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function unzipParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (!zip.files[name].dir) out[name] = await zip.files[name].async('string');
  return out;
}

export interface HandMadeParts {
  body: string;
  styles?: string;
  numbering?: string;
  comments?: string;
  footnotes?: string;
}

/** A .docx from the body of its document.xml and, optionally, its styles, numbering, comments and footnotes. */
export function handMadeDocx(parts: HandMadeParts): Promise<Buffer> {
  const rels: string[] = [];
  const overrides: string[] = [];
  const files: Record<string, string> = {};
  const add = (name: string, type: string, content: string | undefined, root: string) => {
    if (content === undefined) return;
    files[`word/${name}.xml`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:${root} ${NS}>${content}</w:${root}>`;
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${name}.xml"/>`);
    overrides.push(`<Override PartName="/word/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`);
  };
  add('styles', 'styles', parts.styles, 'styles');
  add('numbering', 'numbering', parts.numbering, 'numbering');
  add('comments', 'comments', parts.comments, 'comments');
  add('footnotes', 'footnotes', parts.footnotes, 'footnotes');
  return zipParts({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides.join('')}</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${parts.body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    ...files,
  });
}

/** `<w:p>` of plain runs: a string is a run; an object a run with properties. */
export function para(pPr: string, ...runs: Array<string | { rPr?: string; xml: string }>): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${runs.map((r) => (typeof r === 'string' ? `<w:r><w:t xml:space="preserve">${r}</w:t></w:r>` : `<w:r>${r.rPr ? `<w:rPr>${r.rPr}</w:rPr>` : ''}${r.xml}</w:r>`)).join('')}</w:p>`;
}

const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(Number(e[1] === 'x' ? '0' + e.slice(1) : e.slice(1))) : ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e],
  );

/**
 * The visible text of each run of each body paragraph of a document.xml, read
 * with regular expressions (not the reader's parser): `w:t` text, a tab as
 * `\t`; drawings and text boxes left out.
 */
export function runTexts(documentXml: string): string[][] {
  const xml = documentXml.replace(/<mc:AlternateContent>[\s\S]*?<\/mc:AlternateContent>/g, '').replace(/<w:drawing>[\s\S]*?<\/w:drawing>/g, '');
  const paragraphs = [...xml.matchAll(/<w:p(?:\s[^>]*)?\/>|<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)];
  return paragraphs.map((p) =>
    [...(p[1] ?? '').matchAll(/<w:r(?:\s[^>]*)?\/>|<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>/g)].map((r) =>
      [...(r[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)].map((t) => (t[0] === '<w:tab/>' ? '\t' : decode(t[1]))).join(''),
    ),
  );
}

const SENTENCES = [
  '各街道要把这项工作摆上重要日程，主要负责同志亲自抓、负总责。',
  '要坚持问题导向，对照年初确定的目标任务逐项梳理，查找短板弱项。',
  '有关部门要加强协调配合，形成工作合力，防止出现推诿扯皮现象。',
  '要注重听取群众意见，把群众满意不满意作为检验工作成效的标准。',
  '要强化督促检查，定期通报进展情况，对工作滞后的单位及时约谈提醒。',
  '要加强宣传引导，及时总结推广好的经验做法，营造良好的社会氛围。',
  '各单位要严格落实安全生产责任制，确保不发生重大安全事故。',
  '要统筹用好各类资金，提高资金使用效益，确保每一笔钱都花在刀刃上。',
];
const TOPICS = ['提高思想认识', '突出工作重点', '完善制度机制', '加强队伍建设', '强化督查考核', '优化服务保障', '推进数字赋能', '压实工作责任'];

/**
 * A long speech as Word would hold it: sections numbered 一、 and （一） by
 * automatic numbering, body paragraphs of some 150 characters; about three
 * pages of 22 lines of 28 characters per section. `text` is the draft the
 * reader must give.
 */
export async function longSpeechDocx(pages: number): Promise<{ bytes: Buffer; text: string }> {
  const children: Paragraph[] = [];
  const text: string[] = [];
  // Runs as Word writes them: one per sentence or so, each with its fonts and size.
  const font = { ascii: '仿宋_GB2312', eastAsia: '仿宋_GB2312', hAnsi: '仿宋_GB2312', hint: 'eastAsia' as const };
  const add = (t: string, options: IParagraphOptions, label = '') => {
    const runs = t.split(/(?<=[，。：])/).map((part) => new TextRun({ text: part, font, size: 32, sizeComplexScript: 32 }));
    children.push(new Paragraph({ ...options, indent: options.numbering ? undefined : { firstLine: 640 }, children: runs }));
    text.push(label + t);
  };
  add('在全区重点工作推进会上的讲话', { heading: HeadingLevel.TITLE });
  add('同志们：', {});
  let chars = 0;
  for (let s = 0; chars < pages * 22 * 28; s++) {
    const topic = TOPICS[s % TOPICS.length];
    add(`${topic}，推动第${s + 1}项重点工作落地见效`, { numbering: { reference: 'speech', level: 0 } }, `${formatNumber(s + 1, 'chineseCounting')}、`);
    for (let h = 0; h < 3; h++) {
      add(`${TOPICS[(s + h + 1) % TOPICS.length]}。`, { numbering: { reference: 'speech', level: 1 } }, `（${formatNumber(h + 1, 'chineseCounting')}）`);
      for (let b = 0; b < 4; b++) {
        const body = Array.from({ length: 5 }, (_, k) => SENTENCES[(s * 7 + h * 5 + b * 3 + k) % SENTENCES.length]).join('');
        add(body, {});
        chars += body.length + 2;
      }
    }
  }
  const doc = new Document({
    numbering: SPEECH_NUMBERING,
    sections: [{ children }],
  });
  return { bytes: await Packer.toBuffer(doc), text: text.join('\n\n') };
}
