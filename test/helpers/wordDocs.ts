// Word documents for the tests, made two ways: with the `docx` package (as
// Word-like tools write them) and by hand (XML written here, zipped with
// jszip, so that the reader's own zip code is not what packs its input).

import JSZip from 'jszip';

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
