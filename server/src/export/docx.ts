// The structure model as a .docx in the official layout, built with the
// `docx` package (no hand-written OOXML).

import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type IRunOptions,
} from 'docx';
import { HEADING_FAMILIES, type Item, type Span, type SpeechModel } from '../core';
import { DEFAULT_LAYOUT, grid, halfPoints, twipsOfMm, type DocxLayout } from './layout';
import { xmlSafe, type ExportReport } from './xmlText';

type Role = 'title' | 'date' | 'salutation' | 'heading' | 'body';

/** Heading level (0–3) of each family that makes headings. */
const LEVEL: Record<string, number> = { 'cn-top': 0, 'ordinal-topic': 0, 'cn-paren': 1, 'arabic-dot': 2, 'arabic-paren': 3, circled: 3 };

function font(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** Paragraph text as printed: hard-wrapped lines joined, Markdown marks gone. */
function clean(text: string, markdown: boolean): string {
  let t = text.replace(/[ \t\u3000]*(\r\n|\r|\n)[ \t\u3000]*/g, '');
  if (markdown) t = t.replace(/(\*{1,3}|_{2})(\S[^*_\n]*?\S|\S)\1/g, '$2').replace(/`([^`]+)`/g, '$1');
  return t;
}

const inside = (span: Span | undefined, start: number, end: number) => !!span && span.start >= start && span.start < end;

export interface ExportOptions {
  layout?: Partial<DocxLayout>;
  markdown?: boolean;
}

/** The document as paragraphs, each with its role; pure, so that tests can look at it without unzipping. */
export function paragraphsOf(model: SpeechModel, layout: DocxLayout, markdown = false): Array<{ role: Role; level?: number; runs: Array<{ text: string; heading?: boolean }> }> {
  const out: Array<{ role: Role; level?: number; runs: Array<{ text: string; heading?: boolean }> }> = [];
  const { parts, text } = model;
  const outlineBlock = new Set(layout.keepOutlineBlock ? [] : (parts.outlineBlock?.paragraphs ?? []));
  const headingAt = new Map<number, Item>();
  for (const item of model.items) if (item.kind === 'heading' && item.marker.atStart && HEADING_FAMILIES.has(item.marker.family)) headingAt.set(item.marker.paragraph, item);
  for (const p of model.paragraphs) {
    if (p.comment || outlineBlock.has(p.index)) continue;
    let from = p.start;
    // Title, date and speaker: their own lines, or run into the first paragraph of a text stored on one line.
    for (const [span, role] of [
      [parts.title, 'title'],
      [parts.date, 'date'],
      [parts.speaker, 'date'],
    ] as const) {
      if (!inside(span, p.start, p.end) || !span) continue;
      out.push({ role, runs: [{ text: clean(text.slice(span.start, span.end), markdown) }] });
      from = Math.max(from, span.end);
    }
    if (from >= p.end) continue;
    const rest = text.slice(from, p.end);
    // The salutation's own lines (one or several); one run into its paragraph (`同志们：今天…`) leaves it body text.
    const salutation = parts.salutation;
    if (salutation && from >= salutation.start && p.end <= salutation.end) {
      out.push({ role: 'salutation', runs: [{ text: clean(rest, markdown) }] });
      continue;
    }
    const item = headingAt.get(p.index);
    if (item && from === p.start) {
      const level = LEVEL[item.marker.family] ?? 0;
      // A run-in heading: only the marker and the heading sentence take the heading font.
      const headEnd = item.standalone ? p.end : Math.min(p.end, item.heading.end + 1);
      const runs = [{ text: clean(text.slice(p.start, headEnd), markdown), heading: true }];
      if (headEnd < p.end) runs.push({ text: clean(text.slice(headEnd, p.end), markdown), heading: false });
      out.push({ role: 'heading', level, runs });
      continue;
    }
    out.push({ role: 'body', runs: [{ text: clean(rest, markdown) }] });
  }
  return out;
}

function pageNumberFooter(layout: DocxLayout, side: 'right' | 'left'): Footer {
  const size = halfPoints(layout.pageNumberSizePt);
  const run = (o: IRunOptions) => new TextRun({ ...o, font: font(layout.pageNumberFont), size });
  // One character in from the outside edge.
  const oneChar = Math.round(layout.pageNumberSizePt * 20);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [run({ text: '— ' }), run({ children: [PageNumber.CURRENT] }), run({ text: ' —' })],
      }),
    ],
  });
}

/** `report` counts the characters XML cannot hold, written as U+FFFD. */
export function buildDocument(model: SpeechModel, options: ExportOptions = {}, report: ExportReport = { replaced: 0 }): Document {
  const layout: DocxLayout = { ...DEFAULT_LAYOUT, ...options.layout };
  const { linePitch, letterSpacing } = grid(layout);
  const body = halfPoints(layout.bodySizePt);
  const twoChars = Math.round(layout.bodySizePt * 20 * 2);
  const exact = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
  const children: Paragraph[] = [];
  for (const paragraph of paragraphsOf(model, layout, options.markdown)) {
    const p = { ...paragraph, runs: paragraph.runs.map((r) => ({ ...r, text: xmlSafe(r.text, report) })) };
    switch (p.role) {
      case 'title':
        children.push(
          new Paragraph({ style: 'SpeechTitle', children: [new TextRun(p.runs[0].text)] }),
          new Paragraph({ style: 'SpeechTitle', children: [] }),
        );
        break;
      case 'date':
        children.push(new Paragraph({ style: 'SpeechDate', children: [new TextRun(p.runs[0].text)] }));
        break;
      case 'salutation':
        children.push(new Paragraph({ style: 'SpeechSalutation', children: [new TextRun(p.runs[0].text)] }));
        break;
      case 'heading':
        children.push(
          new Paragraph({
            style: `SpeechHeading${p.level! + 1}`,
            children: p.runs.map((r) => new TextRun({ text: r.text, ...(r.heading ? {} : { font: font(layout.bodyFont) }) })),
          }),
        );
        break;
      default:
        children.push(new Paragraph({ style: 'SpeechBody', children: [new TextRun(p.runs[0].text)] }));
    }
  }
  const paragraphStyle = (id: string, name: string, fontName: string, size: number, centred: boolean, indent: number, outlineLevel?: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'SpeechBody',
    quickFormat: true,
    run: { font: font(fontName), size, ...(size === body ? { characterSpacing: letterSpacing } : {}) },
    paragraph: { alignment: centred ? AlignmentType.CENTER : AlignmentType.JUSTIFIED, spacing: exact, indent: { firstLine: indent }, ...(outlineLevel !== undefined ? { outlineLevel } : {}) },
  });
  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: font(layout.bodyFont), size: body }, paragraph: { spacing: exact } } },
      paragraphStyles: [
        paragraphStyle('SpeechBody', '讲话正文', layout.bodyFont, body, false, twoChars),
        paragraphStyle('SpeechTitle', '讲话标题', layout.titleFont, halfPoints(layout.titleSizePt), true, 0),
        paragraphStyle('SpeechDate', '日期和讲话人', layout.dateFont, body, true, 0),
        paragraphStyle('SpeechSalutation', '称呼', layout.bodyFont, body, false, 0),
        // An outline level makes them headings to Word (navigation pane, table of contents) and to the Word reader.
        ...layout.headingFonts.map((f, i) => paragraphStyle(`SpeechHeading${i + 1}`, `讲话标题${i + 1}级`, f, body, false, twoChars, i)),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twipsOfMm(layout.pageWidthMm), height: twipsOfMm(layout.pageHeightMm) },
            margin: {
              top: twipsOfMm(layout.marginTopMm),
              bottom: twipsOfMm(layout.marginBottomMm),
              left: twipsOfMm(layout.marginLeftMm),
              right: twipsOfMm(layout.marginRightMm),
              header: twipsOfMm(15),
              // The page number sits about 7 mm below the type area.
              footer: twipsOfMm(Math.max(5, layout.marginBottomMm - 7 - 7)),
            },
          },
          // A line grid of `linesPerPage`; the characters per line come from the body's character spacing,
          // which Word and LibreOffice both honour (a character grid is read differently by each).
          grid: { type: DocumentGridType.LINES, linePitch },
        },
        footers: { default: pageNumberFooter(layout, 'right'), even: pageNumberFooter(layout, 'left') },
        children,
      },
    ],
  });
}

export function exportDocx(model: SpeechModel, options: ExportOptions = {}, report?: ExportReport): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(model, options, report));
}
