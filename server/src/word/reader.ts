// word/document.xml read as the draft a printer would show with tracked
// changes accepted: paragraphs in order (table cells row by row), automatic
// numbering as text, field results, and for every character the place it
// came from, so that a finding can be anchored back in the file.

import { Numbering } from './numbering';
import type { DocxPackage, Part } from './package';
import { Styles, type ParagraphKind } from './styles';
import { attr, isOn, parseXml, W, XML_NS, type XmlOpen } from './xml';

export interface WordParagraph {
  /** Offsets in `WordDraft.text`: the numbering label first, then the text. */
  start: number;
  end: number;
  /**
   * The `w:p` in document.xml, counted from 0 over the body in order (table
   * cells included; text boxes, headers and footnotes not).
   */
  index: number;
  /** The last `w:p` of this paragraph: later than `index` where a paragraph mark was deleted (changes tracked). */
  lastIndex: number;
  kind: ParagraphKind;
  /** Heading level, 1–9. */
  level?: number;
  styleId?: string;
  styleName?: string;
  /** The automatic numbering label (`一、`, `（二）`), '' when none. */
  label: string;
  /** A paragraph in a table cell: the table (counted over the document), row and cell, from 0. */
  cell?: { table: number; row: number; column: number };
}

/** Where a character of the draft comes from. */
export interface WordPlace {
  /** Index in `WordDraft.paragraphs`. */
  paragraph: number;
  /** The `w:p` in document.xml (see `WordParagraph.index`). */
  xmlParagraph: number;
  /**
   * The `w:r` among that paragraph's runs, from 0, in document order (runs
   * inside hyperlinks, fields and tracked changes counted; none of a drawing);
   * -1 for a numbering label.
   */
  run: number;
  /** Offset in the run's visible text (its `w:t` text, a tab as one character), or in the label. */
  offset: number;
  label: boolean;
}

/** Internal: a run as it sits in the source, for splitting it. */
export interface RunSource {
  start: number;
  end: number;
  /** `<w:r …>` as written. */
  openTag: string;
  /** `<w:rPr>…</w:rPr>` as written, or ''. */
  rPr: string;
  /** After the open tag and the rPr; before `</w:r>`. */
  contentStart: number;
  contentEnd: number;
  /**
   * A comment's reference mark may go right after its end inside this run's
   * parent: false inside a tracked insertion, a simple field or a complex
   * field (whose result Word rewrites).
   */
  referenceInside: boolean;
  /** Otherwise the reference goes here, at paragraph level: after the element (or field) that holds the run. */
  referenceAt: number;
}

/** Internal: a stretch of the draft from one place in document.xml. */
export interface Piece {
  start: number;
  end: number;
  paragraph: number;
  xmlParagraph: number;
  run: number;
  runOffset: number;
  kind: 'text' | 'element' | 'label';
  /** Text: the `w:t` content's source; element: the element; label: the paragraph's content start (both). */
  srcStart: number;
  srcEnd: number;
  runSource?: RunSource;
  /** Text: the `w:t` open tag, to make it keep spaces when the run is split. */
  tOpen?: { start: number; end: number; preserve: boolean };
}

export interface ReadResult {
  text: string;
  paragraphs: WordParagraph[];
  pieces: Piece[];
  document: Part;
  /** The qualified-name prefix of WordprocessingML in document.xml (`w:`, or '' for a default namespace). */
  prefix: string;
  /** Comment ids already used in document.xml. */
  commentIds: number[];
}

/** Elements whose whole content is not part of the draft (nor counted): drawings, text boxes, math, properties. */
const SKIP = new Set(['drawing', 'pict', 'object', 'txbxContent', 'pPrChange', 'rPrChange', 'sectPr', 'sdtPr', 'sdtEndPr', 'rt', 'fldData', 'ffData', 'tblPr', 'tblGrid', 'tcPr', 'tblPrEx', 'numberingChange', 'altChunk']);
/** Not printed with changes accepted, but their runs are counted. */
const HIDDEN = new Set(['del', 'moveFrom']);
/** Containers a comment's reference mark may sit in. */
const HARMLESS = new Set(['hyperlink', 'smartTag', 'customXml', 'sdt', 'sdtContent', 'bdo', 'dir', 'rubyBase', 'ruby']);
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const MATH = 'http://schemas.openxmlformats.org/officeDocument/2006/math';

interface OpenParagraph {
  xmlIndex: number;
  /** Depth of the `w:p` in the element stack. */
  depth: number;
  contentStart: number;
  styleId?: string;
  outlineLevel?: number;
  numId?: string;
  ilvl?: number;
  markDeleted: boolean;
  /** In a table row deleted with changes tracked. */
  inDeletedRow: boolean;
  /** Its pieces (offsets in the draft set when the paragraph is done) and their texts. */
  pieces: Piece[];
  texts: string[];
  runCount: number;
  /** Runs still waiting for the end of the element (or field) that holds them. */
  pendingRuns: RunSource[];
  cell?: WordParagraph['cell'];
}

interface OpenRun {
  source: RunSource;
  depth: number;
  index: number;
  visibleLength: number;
  vanish: boolean;
  inRPr: boolean;
  rPrStart: number;
}

interface Table {
  index: number;
  row: number;
  column: number;
  rowDeleted: boolean;
  inTrPr: boolean;
}


export function readDocument(pkg: DocxPackage): ReadResult {
  const document = pkg.part(pkg.mainName)!;
  const styles = new Styles(pkg.tree(pkg.related('styles') ?? 'word/styles.xml'));
  const numbering = new Numbering(pkg.tree(pkg.related('numbering') ?? 'word/numbering.xml'), styles);
  const source = document.source;

  const paragraphs: WordParagraph[] = [];
  const pieces: Piece[] = [];
  const commentIds: number[] = [];
  const chunks: string[] = [];
  let textLength = 0;
  let prefix = 'w:';

  const stack: XmlOpen[] = [];
  /** Depth inside an element left out whole (a drawing, a text box, properties). */
  let skip = 0;
  /** Depth inside tracked deletions: runs counted, no text. */
  let hidden = 0;
  let xmlParagraphs = 0;
  let paragraph: OpenParagraph | undefined;
  let inPPr = false;
  let run: OpenRun | undefined;
  let t: { open: XmlOpen; text: string } | undefined;
  /** Complex fields open: in their instruction, or in their result. */
  const fields: Array<'instruction' | 'result'> = [];
  const tables: Table[] = [];
  let tableCount = 0;
  /** Paragraphs whose mark was deleted, waiting for the paragraph they join. */
  let carried: { pieces: Piece[]; texts: string[]; xmlIndex: number; contentStart: number } | undefined;

  const visible = () => hidden === 0 && !run?.vanish && fields.every((f) => f === 'result');

  const addPiece = (kind: Piece['kind'], srcStart: number, srcEnd: number, text: string, tOpen?: Piece['tOpen']) => {
    if (!paragraph || !run || !text) return;
    paragraph.pieces.push({ start: -1, end: -1, paragraph: -1, kind, srcStart, srcEnd, tOpen, xmlParagraph: paragraph.xmlIndex, run: run.index, runOffset: run.visibleLength, runSource: run.source });
    paragraph.texts.push(text);
    run.visibleLength += text.length;
  };

  const closeParagraph = (p: OpenParagraph, closeStart: number) => {
    for (const r of p.pendingRuns) r.referenceAt = closeStart;
    if (p.inDeletedRow) return;
    if (p.markDeleted) {
      carried = carried
        ? { ...carried, pieces: [...carried.pieces, ...p.pieces], texts: [...carried.texts, ...p.texts] }
        : { pieces: p.pieces, texts: p.texts, xmlIndex: p.xmlIndex, contentStart: p.contentStart };
      return;
    }
    const own = carried ? [...carried.pieces, ...p.pieces] : p.pieces;
    const texts = carried ? [...carried.texts, ...p.texts] : p.texts;
    const firstIndex = carried?.xmlIndex ?? p.xmlIndex;
    const contentStart = carried?.contentStart ?? p.contentStart;
    carried = undefined;
    const styleId = styles.effectiveId(p.styleId);
    // Numbering: the paragraph's own, else its style's (whose level may come from the list's link to the style).
    const byStyle = styles.numberingOf(styleId);
    const numId = p.numId ?? byStyle?.numId;
    const ilvl = p.ilvl ?? (p.numId !== undefined ? 0 : byStyle?.ilvl);
    const label = numId !== undefined && numId !== '0' ? numbering.next(numId, ilvl, styleId) : '';
    if (!label && !own.length) return;
    const index = paragraphs.length;
    if (index > 0) {
      chunks.push('\n\n');
      textLength += 2;
    }
    const start = textLength;
    if (label) {
      pieces.push({ start, end: start + label.length, paragraph: index, xmlParagraph: firstIndex, run: -1, runOffset: 0, kind: 'label', srcStart: contentStart, srcEnd: contentStart });
      chunks.push(label);
      textLength += label.length;
    }
    for (let i = 0; i < own.length; i++) {
      const x = own[i];
      x.start = textLength;
      x.end = textLength += texts[i].length;
      x.paragraph = index;
      pieces.push(x);
      chunks.push(texts[i]);
    }
    const { kind, level } = styles.kindOf(styleId, p.outlineLevel);
    paragraphs.push({
      start,
      end: textLength,
      index: firstIndex,
      lastIndex: p.xmlIndex,
      kind,
      ...(level !== undefined ? { level } : {}),
      ...(styleId !== undefined ? { styleId, styleName: styles.name(styleId) } : {}),
      label,
      ...(p.cell ? { cell: p.cell } : {}),
    });
  };

  /** A child of the paragraph closed at `end`: the runs inside it know where a reference mark may go. */
  const childClosed = (end: number) => {
    if (!paragraph || fields.length) return;
    for (const r of paragraph.pendingRuns) r.referenceAt = end;
    paragraph.pendingRuns = [];
  };

  parseXml(source, document.name, {
    open(tag) {
      stack.push(tag);
      if (skip) {
        skip++;
        return;
      }
      const local = tag.local;
      if (stack.length === 1) prefix = tag.name.includes(':') ? tag.name.slice(0, tag.name.indexOf(':') + 1) : '';
      if ((tag.uri === W && SKIP.has(local)) || (tag.uri === MC && local === 'AlternateContent') || tag.uri === MATH) {
        skip = 1;
        return;
      }
      if (tag.uri !== W) return;
      const table = tables[tables.length - 1];
      switch (local) {
        case 'commentRangeStart':
        case 'commentRangeEnd':
        case 'commentReference': {
          const id = Number(attr(tag, 'id'));
          if (Number.isInteger(id)) commentIds.push(id);
          return;
        }
        case 'tbl':
          tables.push({ index: tableCount++, row: -1, column: -1, rowDeleted: false, inTrPr: false });
          return;
        case 'tr':
          if (table) (table.row++, (table.column = -1), (table.rowDeleted = false));
          return;
        case 'trPr':
          if (table) table.inTrPr = true;
          return;
        case 'tc':
          if (table) table.column++;
          return;
        case 'p':
          // A paragraph inside a paragraph only comes in text boxes, which are skipped.
          if (paragraph) return;
          paragraph = {
            xmlIndex: xmlParagraphs++,
            depth: stack.length,
            contentStart: tag.end,
            markDeleted: false,
            inDeletedRow: tables.some((x) => x.rowDeleted),
            pieces: [],
            texts: [],
            runCount: 0,
            pendingRuns: [],
            ...(table ? { cell: { table: table.index, row: table.row, column: table.column } } : {}),
          };
          return;
      }
      if (table?.inTrPr) {
        if (local === 'del') table.rowDeleted = true;
        return;
      }
      if (!paragraph) return;
      if (local === 'pPr' && stack.length === paragraph.depth + 1) {
        inPPr = true;
        return;
      }
      if (inPPr) {
        if (local === 'pStyle') paragraph.styleId = attr(tag);
        else if (local === 'outlineLvl') paragraph.outlineLevel = Number(attr(tag));
        else if (local === 'numId') paragraph.numId = attr(tag);
        else if (local === 'ilvl') paragraph.ilvl = Number(attr(tag));
        else if (local === 'del' || local === 'moveFrom') paragraph.markDeleted = true;
        return;
      }
      if (HIDDEN.has(local)) {
        hidden++;
        return;
      }
      if (local === 'r') {
        const referenceInside = fields.length === 0 && stack.slice(paragraph.depth, -1).every((a) => a.uri === W && HARMLESS.has(a.local));
        const runSource: RunSource = {
          start: tag.start,
          end: tag.end,
          openTag: source.slice(tag.start, tag.end),
          rPr: '',
          contentStart: tag.end,
          contentEnd: tag.end,
          referenceInside,
          referenceAt: -1,
        };
        run = { source: runSource, depth: stack.length, index: paragraph.runCount++, visibleLength: 0, vanish: false, inRPr: false, rPrStart: -1 };
        paragraph.pendingRuns.push(runSource);
        return;
      }
      if (!run) return;
      if (local === 'rPr' && stack.length === run.depth + 1) {
        run.inRPr = true;
        run.rPrStart = tag.start;
        return;
      }
      if (run.inRPr) {
        if (local === 'vanish' && isOn(tag)) run.vanish = true;
        return;
      }
      switch (local) {
        case 'fldChar': {
          const type = attr(tag, 'fldCharType');
          if (type === 'begin') fields.push('instruction');
          else if (type === 'separate' && fields.length) fields[fields.length - 1] = 'result';
          else if (type === 'end') fields.pop();
          return;
        }
        case 't':
          if (visible()) t = { open: tag, text: '' };
          return;
        case 'tab':
        case 'ptab':
          if (visible()) addPiece('element', tag.start, tag.end, '\t');
          return;
        case 'noBreakHyphen':
          if (visible()) addPiece('element', tag.start, tag.end, '\u2011');
          return;
        case 'sym': {
          const code = parseInt(attr(tag, 'char') ?? '', 16);
          // Symbol-font characters (F0xx) have no Unicode meaning.
          if (visible() && code > 0 && !(code >= 0xe000 && code <= 0xf8ff)) addPiece('element', tag.start, tag.end, String.fromCodePoint(code));
          return;
        }
      }
    },
    close(tag) {
      const open = stack.pop()!;
      if (skip) {
        skip--;
        if (!skip && paragraph && stack.length === paragraph.depth) childClosed(tag.end);
        return;
      }
      if (open.uri !== W) return;
      const local = open.local;
      const table = tables[tables.length - 1];
      switch (local) {
        case 'tbl':
          tables.pop();
          return;
        case 'trPr':
          if (table) table.inTrPr = false;
          return;
      }
      if (!paragraph) return;
      if (local === 'p' && stack.length === paragraph.depth - 1) {
        closeParagraph(paragraph, tag.start);
        paragraph = undefined;
        return;
      }
      if (inPPr) {
        if (local === 'pPr' && stack.length === paragraph.depth) {
          inPPr = false;
          paragraph.contentStart = tag.end;
        }
        return;
      }
      if (HIDDEN.has(local)) hidden--;
      if (run) {
        if (run.inRPr) {
          if (local === 'rPr' && stack.length === run.depth) {
            run.inRPr = false;
            run.source.rPr = source.slice(run.rPrStart, tag.end);
            run.source.contentStart = tag.end;
          }
          return;
        }
        if (local === 't' && t) {
          const preserve = attr(t.open, 'space', XML_NS) === 'preserve';
          // A line break inside w:t is not one in Word: a space keeps the offsets.
          addPiece('text', t.open.end, tag.start, t.text.replace(/[\r\n]/g, ' '), { start: t.open.start, end: t.open.end, preserve });
          t = undefined;
        } else if (local === 'r' && stack.length === run.depth - 1) {
          run.source.end = tag.end;
          run.source.contentEnd = tag.start;
          run = undefined;
        }
      }
      if (stack.length === paragraph.depth) childClosed(tag.end);
    },
    text(text) {
      if (t && !skip) t.text += text;
    },
  });

  return { text: chunks.join(''), paragraphs, pieces, document, prefix, commentIds };
}
