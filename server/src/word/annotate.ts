// Findings written back into a copy of the .docx as Word comments, each
// anchored on its span: comment ranges inserted into document.xml (a run split
// where a range starts or ends inside it, both parts keeping its properties),
// the comments part created or extended, its relationship and content type
// added. Nothing else in the document changes; untouched parts are copied
// byte for byte.

import { translator } from '../core/l10n';
import type { Locale } from '../core/types';
import { naming, WordDraft } from './draft';
import { DocxPackage, relationships } from './package';
import { readDocument, type Piece, type RunSource } from './reader';
import { attr, children, child, encodePart, parseTree, sourceOffset, W } from './xml';
import { writeZip, type OutputEntry, type ZipLimits } from './zip';

export interface WordComment {
  /** Offsets into `WordDraft.text` (`end` exclusive; equal for a point). */
  start: number;
  end: number;
  message: string;
  /** The suggested correction, said after the message. */
  suggestion?: string;
  /** The rule's id, said last. */
  rule?: string;
}

export interface AnnotateOptions {
  /** The file's name, for messages. */
  file?: string;
  /** 讲稿助手 unless given. */
  author?: string;
  initials?: string;
  /** The comments' date (now unless given). */
  date?: Date;
  /** The language of the words the annotator adds (建议 / Suggestion). */
  locale?: Locale;
  limits?: ZipLimits;
}

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const RELS_CONTENT_TYPE = 'application/vnd.openxmlformats-package.relationships+xml';

/** Characters XML 1.0 cannot hold, dropped from messages. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** A place between two characters of document.xml where comment marks go. */
interface Point {
  at: number;
  /** Between elements; between two children of a run (split it); inside a w:t (split both). */
  mode: 'between' | 'run' | 'text';
  run?: RunSource;
  tOpen?: Piece['tOpen'];
  /** The reference mark may follow the range's end right here. */
  referenceHere: boolean;
  referenceAt: number;
}

interface Insertion {
  point: Point;
  items: Array<{ order: number; id: number; xml: string }>;
}

export function annotateDocx(bytes: Uint8Array, comments: readonly WordComment[], options: AnnotateOptions = {}): Uint8Array {
  const file = options.file ?? '';
  return naming(file, () => annotate(bytes, comments, options, file));
}

function annotate(bytes: Uint8Array, comments: readonly WordComment[], options: AnnotateOptions, file: string): Uint8Array {
  const pkg = new DocxPackage(bytes, file, options.limits);
  const read = readDocument(pkg);
  if (!comments.length) return bytes.slice();
  const draft = new WordDraft(read, file);
  const source = read.document.source;
  const w = read.prefix;
  const t = translator(options.locale ?? 'zh-cn');

  // The comments part, if the document has one, and the ids taken.
  const commentsName = pkg.related('comments');
  const commentsPart = commentsName ? pkg.part(commentsName) : undefined;
  const taken = [...read.commentIds];
  if (commentsPart) for (const c of children(child(parseTree(commentsPart.source, commentsPart.name), 'comments'), 'comment')) taken.push(Number(attr(c.tag, 'id')));
  let nextId = taken.filter(Number.isInteger).reduce((m, id) => Math.max(m, id + 1), 0);

  const pieces = read.pieces;
  const closeTagEnd = (at: number) => source.indexOf('>', at) + 1;
  const boundary = (x: number, run: RunSource): Point => {
    const base = { run, referenceHere: run.referenceInside, referenceAt: run.referenceAt };
    if (x <= run.contentStart) return { ...base, at: run.start, mode: 'between' };
    if (x >= run.contentEnd) return { ...base, at: run.end, mode: 'between' };
    return { ...base, at: x, mode: 'run' };
  };
  /** The point before character `k` of a piece (k = its length: after its last). */
  const pointIn = (p: Piece, k: number): Point => {
    if (p.kind === 'label') return { at: p.srcStart, mode: 'between', referenceHere: true, referenceAt: p.srcStart };
    const run = p.runSource!;
    if (p.kind === 'element') return boundary(k === 0 ? p.srcStart : p.srcEnd, run);
    if (k === 0) return boundary(p.tOpen!.start, run);
    if (k >= p.end - p.start) return boundary(closeTagEnd(p.srcEnd), run);
    return { at: sourceOffset(source, p.srcStart, p.srcEnd, k), mode: 'text', run, tOpen: p.tOpen, referenceHere: run.referenceInside, referenceAt: run.referenceAt };
  };
  const firstFrom = (offset: number) => pieces.find((p) => p.end > offset);
  const lastBefore = (offset: number) => {
    for (let i = pieces.length - 1; i >= 0; i--) if (pieces[i].start < offset) return pieces[i];
    return undefined;
  };
  const startPoint = (s: number): Point | undefined => {
    const p = draft.pieceAt(s) ?? firstFrom(s);
    if (p) return pointIn(p, Math.max(0, s - p.start));
    const last = pieces[pieces.length - 1];
    return last && pointIn(last, last.end - last.start);
  };
  const endPoint = (e: number): Point | undefined => {
    const p = draft.pieceAt(e - 1) ?? lastBefore(e);
    return p && pointIn(p, Math.min(p.end, e) - p.start);
  };

  const insertions = new Map<number, Insertion>();
  const add = (point: Point, order: number, id: number, xml: string) => {
    let ins = insertions.get(point.at);
    if (!ins) insertions.set(point.at, (ins = { point, items: [] }));
    // Two marks at one place: the split of a run wins over a place beside it (they never differ in kind).
    ins.items.push({ order, id, xml });
  };
  const bodies: Array<{ id: number; lines: string[] }> = [];
  const author = escapeXml(options.author ?? '讲稿助手');
  const initials = escapeXml(options.initials ?? '讲稿');
  const date = (options.date ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  /** The comments in the comments part's own prefix. */
  const commentsXml = (q: string) =>
    bodies
      .map(({ id, lines }) => {
        const paragraphs = lines.map((l, i) => `<${q}p>${i === 0 ? `<${q}r><${q}annotationRef/></${q}r>` : ''}<${q}r><${q}t xml:space="preserve">${escapeXml(l)}</${q}t></${q}r></${q}p>`);
        // Attributes take no default namespace: a part that writes WordprocessingML unprefixed gets w: declared here.
        const a = q || 'w:';
        return `<${q}comment ${q ? '' : `xmlns:w="${W}" `}${a}id="${id}" ${a}author="${author}" ${a}date="${date}" ${a}initials="${initials}">${paragraphs.join('')}</${q}comment>`;
      })
      .join('');

  for (const c of comments) {
    const s = Math.max(0, Math.min(c.start, draft.text.length));
    const e = Math.max(s, Math.min(c.end, draft.text.length));
    const from = startPoint(s);
    if (!from) continue; // a document without text: nothing to anchor on
    let to = e > s ? endPoint(e) : from;
    if (!to || to.at < from.at) to = from;
    const id = nextId++;
    // At one place: the ends of ranges begun before, their reference marks, the starts, then the ends of ranges begun here.
    const point = from.at === to.at ? 3 : 0;
    const idAttr = w ? `${w}id="${id}"` : `xmlns:w="${W}" w:id="${id}"`;
    add(from, 2, id, `<${w}commentRangeStart ${idAttr}/>`);
    add(to, point, id, `<${w}commentRangeEnd ${idAttr}/>`);
    const reference = `<${w}r><${w}commentReference ${idAttr}/></${w}r>`;
    if (to.referenceHere) add(to, point + 1, id, reference);
    else add({ at: to.referenceAt, mode: 'between', referenceHere: true, referenceAt: to.referenceAt }, 1, id, reference);
    const lines = [...c.message.split(/\r?\n/), ...(c.suggestion ? [t('Suggestion: {0}', c.suggestion)] : []), ...(c.rule ? [t('Rule: {0}', c.rule)] : [])];
    bodies.push({ id, lines });
  }

  // document.xml with the marks, in source order; a w:t split keeps its spaces.
  const edits: Array<{ start: number; end: number; xml: string }> = [];
  const preserved = new Set<number>();
  for (const { point, items } of insertions.values()) {
    const marks = items
      .sort((a, b) => a.order - b.order || a.id - b.id)
      .map((i) => i.xml)
      .join('');
    const run = point.run;
    let xml = marks;
    if (point.mode === 'run') xml = `</${w}r>${marks}${run!.openTag}${run!.rPr}`;
    else if (point.mode === 'text') {
      xml = `</${w}t></${w}r>${marks}${run!.openTag}${run!.rPr}<${w}t xml:space="preserve">`;
      const open = point.tOpen!;
      if (!open.preserve && !preserved.has(open.start)) {
        preserved.add(open.start);
        const tag = source.slice(open.start, open.end);
        edits.push({ start: open.start, end: open.end, xml: tag.replace(/\s*(\/?)>$/, ' xml:space="preserve"$1>') });
      }
    }
    edits.push({ start: point.at, end: point.at, xml });
  }
  edits.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += source.slice(at, e.start) + e.xml;
    at = e.end;
  }
  out += source.slice(at);

  // The comments part, its relationship and its content type.
  const replaced = new Map<string, Uint8Array>();
  const added: Array<{ name: string; data: Uint8Array }> = [];
  replaced.set(read.document.name, encodePart(out, read.document.encoding));
  if (commentsPart) {
    const src = commentsPart.source;
    const root = /<([\w.-]+:)?comments\b[^>]*?(\/?)>/.exec(src);
    const q = root?.[1] ?? '';
    const updated =
      root && root[2]
        ? src.slice(0, root.index) + root[0].replace(/\s*\/>$/, '>') + commentsXml(q) + `</${q}comments>` + src.slice(root.index + root[0].length)
        : insertBeforeLast(src, /<\/([\w.-]+:)?comments\s*>/g, commentsXml(q));
    replaced.set(commentsPart.name, encodePart(updated, commentsPart.encoding));
  } else {
    const dir = read.document.name.slice(0, read.document.name.lastIndexOf('/') + 1);
    let name = `${dir}comments.xml`;
    for (let n = 1; pkg.zip.has(name); n++) name = `${dir}comments${n}.xml`;
    added.push({
      name,
      data: new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W}">${commentsXml('w:')}</w:comments>`),
    });
    addRelationship(pkg, read.document.name, name, replaced, added);
    addOverride(pkg, name, replaced);
  }
  const entries: OutputEntry[] = pkg.zip.entries.map((e) => (replaced.has(e.name) ? { name: e.name, data: replaced.get(e.name)!, like: e } : e));
  return writeZip([...entries, ...added]);
}

/** `text` inserted before the last match of `close` in `src`. */
function insertBeforeLast(src: string, close: RegExp, text: string): string {
  let last: RegExpExecArray | undefined;
  for (let m = close.exec(src); m; m = close.exec(src)) last = m;
  if (!last) return src + text;
  return src.slice(0, last.index) + text + src.slice(last.index);
}

function addRelationship(pkg: DocxPackage, mainName: string, target: string, replaced: Map<string, Uint8Array>, added: Array<{ name: string; data: Uint8Array }>): void {
  const relsName = DocxPackage.relsName(mainName);
  const part = pkg.part(relsName);
  const relative = target.slice(mainName.lastIndexOf('/') + 1);
  if (!part) {
    added.push({
      name: relsName,
      data: new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${COMMENTS_TYPE}" Target="${relative}"/></Relationships>`),
    });
    addOverride(pkg, relsName, replaced, RELS_CONTENT_TYPE);
    return;
  }
  const ids = new Set(relationships(parseTree(part.source, relsName)).map((r) => r.id));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const updated = insertBeforeLast(part.source, /<\/([\w.-]+:)?Relationships\s*>/g, `<Relationship Id="rId${n}" Type="${COMMENTS_TYPE}" Target="${relative}"/>`);
  replaced.set(relsName, encodePart(updated, part.encoding));
}

function addOverride(pkg: DocxPackage, partName: string, replaced: Map<string, Uint8Array>, contentType = COMMENTS_CONTENT_TYPE): void {
  const name = '[Content_Types].xml';
  const bytes = replaced.get(name);
  const part = pkg.part(name);
  if (!part) return;
  const src = bytes ? new TextDecoder().decode(bytes) : part.source;
  // The rels extension is there by default in every package; a part of its own needs no override then.
  if (contentType === RELS_CONTENT_TYPE && /<Default\s[^>]*Extension="rels"/i.test(src)) return;
  const override = `<Override PartName="/${partName}" ContentType="${contentType}"/>`;
  replaced.set(name, encodePart(insertBeforeLast(src, /<\/([\w.-]+:)?Types\s*>/g, override), part.encoding));
}

