// The XML of one part, parsed with saxes (no DTD: a part that declares one is
// refused before parsing), as events that carry where each tag and text sits
// in the source string, so that the annotator can insert at exact places.

import { SaxesParser } from 'saxes';
import { PartError } from './errors';

/** WordprocessingML, transitional and strict. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * The namespaces in scope at an element: resolved here rather than by saxes
 * (its namespace mode doubles the parsing time of a large document.xml).
 */
export class Scope {
  private readonly uris: Map<string, string>;
  private readonly prefixes = new Map<string, string | undefined>();

  constructor(parent: Scope | undefined, declarations: ReadonlyArray<[prefix: string, uri: string]>) {
    this.uris = new Map(parent ? parent.uris : [['xml', XML_NS]]);
    for (const [prefix, uri] of declarations) this.uris.set(prefix, uri === W_STRICT ? W : uri);
  }

  uri(prefix: string): string {
    return this.uris.get(prefix) ?? '';
  }

  /** A prefix bound to `uri` (attributes need one: the default namespace is not theirs). */
  prefix(uri: string): string | undefined {
    if (this.prefixes.has(uri)) return this.prefixes.get(uri);
    let found: string | undefined;
    for (const [p, u] of this.uris) if (u === uri && p !== '') found = p;
    this.prefixes.set(uri, found);
    return found;
  }
}

export interface XmlOpen {
  /** The namespace, with strict WordprocessingML folded into transitional. */
  uri: string;
  local: string;
  /** The qualified name as written (`w:p`). */
  name: string;
  /** Offsets of `<` and just after `>`. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** By qualified name, as written. */
  attributes: Record<string, string>;
  scope: Scope;
}

export interface XmlClose {
  uri: string;
  local: string;
  /** The close tag's offsets; both are the open tag's end for `<x/>`. */
  start: number;
  end: number;
}

export interface XmlHandler {
  open?(tag: XmlOpen): void;
  close?(tag: XmlClose): void;
  /** Decoded text; `start`/`end` bound its source (entities, CDATA markup and CR LF included). */
  text?(text: string, start: number, end: number): void;
}

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The part as a string (a BOM kept as U+FEFF so that it is written back as it was) and its encoding. */
export function decodePart(bytes: Uint8Array, part: string): { source: string; encoding: Encoding } {
  let encoding: Encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    return { source: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes), encoding };
  } catch {
    throw new PartError('xml', '{0} is damaged: its part {1} is not valid text ({2}).', [part, encoding]);
  }
}

export function encodePart(source: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(source);
  const out = new Uint8Array(source.length * 2);
  const view = new DataView(out.buffer);
  for (let i = 0; i < source.length; i++) view.setUint16(i * 2, source.charCodeAt(i), encoding === 'utf-16le');
  return out;
}

/** Refuses a DTD: `<!DOCTYPE` before the root element. */
function refuseDoctype(source: string, part: string): void {
  const doctype = source.search(/<!DOCTYPE/i);
  if (doctype < 0) return;
  const root = source.search(/<[^?!]/);
  if (root < 0 || doctype < root)
    throw new PartError('doctype', '{0} is refused: its part {1} declares a DTD (<!DOCTYPE>), which Word documents never do (it could expand entities or read other files).', [part]);
}

export function parseXml(source: string, part: string, handler: XmlHandler): void {
  refuseDoctype(source, part);
  const parser = new SaxesParser({ position: true });
  let tagStart = 0;
  let lastEnd = 0;
  const scopes: Scope[] = [new Scope(undefined, [])];
  const split = (name: string): [string, string] => {
    const colon = name.indexOf(':');
    return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
  };
  parser.on('doctype', () => {
    throw new PartError('doctype', '{0} is refused: its part {1} declares a DTD (<!DOCTYPE>), which Word documents never do (it could expand entities or read other files).', [part]);
  });
  parser.on('opentagstart', () => {
    tagStart = source.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    lastEnd = parser.position;
    let declarations: Array<[string, string]> | undefined;
    for (const key in tag.attributes) {
      if (key.charCodeAt(0) !== 0x78 /* x */ || !key.startsWith('xmlns')) continue;
      if (key === 'xmlns' || key[5] === ':') (declarations ??= []).push([key.slice(6), tag.attributes[key] as string]);
    }
    const parent = scopes[scopes.length - 1];
    const scope = declarations ? new Scope(parent, declarations) : parent;
    scopes.push(scope);
    const [prefix, local] = split(tag.name);
    const attributes = tag.attributes as Record<string, string>;
    handler.open?.({ uri: scope.uri(prefix), local, name: tag.name, start: tagStart, end: lastEnd, selfClosing: tag.isSelfClosing, attributes, scope });
  });
  parser.on('closetag', (tag) => {
    const end = parser.position;
    const start = tag.isSelfClosing ? end : source.lastIndexOf('<', end - 1);
    lastEnd = end;
    const scope = scopes.pop()!;
    const [prefix, local] = split(tag.name);
    handler.close?.({ uri: scope.uri(prefix), local, start, end });
  });
  parser.on('text', (text) => {
    const p = parser.position;
    const end = source.charCodeAt(p - 1) === 0x3c ? p - 1 : p;
    handler.text?.(text, lastEnd, end);
    lastEnd = end;
  });
  parser.on('cdata', (text) => {
    const end = parser.position;
    handler.text?.(text, source.lastIndexOf('<![CDATA[', end), end);
    lastEnd = end;
  });
  for (const event of ['comment', 'processinginstruction', 'xmldecl'] as const) parser.on(event, () => void (lastEnd = parser.position));
  parser.on('error', (e) => {
    throw e;
  });
  try {
    parser.write(source).close();
  } catch (e) {
    if (e instanceof PartError) throw e;
    throw new PartError('xml', '{0} is damaged: its part {1} is not well-formed XML ({2}).', [part, (e as Error).message]);
  }
}

/** A namespaced attribute's value (`w:val` by default; '' for an unprefixed one). */
export function attr(tag: XmlOpen, local = 'val', uri = W): string | undefined {
  if (uri === '') return tag.attributes[local];
  const prefix = tag.scope.prefix(uri);
  return prefix === undefined ? undefined : tag.attributes[`${prefix}:${local}`];
}

/** An on/off property (`<w:vanish/>`, `<w:vanish w:val="0"/>`). */
export function isOn(tag: XmlOpen): boolean {
  const v = attr(tag);
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

/**
 * The source offset of decoded character `k` of a text whose source is
 * `source.slice(start, end)`: entities, CR LF and CDATA markup make the two differ.
 */
export function sourceOffset(source: string, start: number, end: number, k: number): number {
  let i = start;
  let n = 0;
  while (i < end && n < k) {
    const c = source.charCodeAt(i);
    if (c === 0x26 /* & */) {
      const semi = source.indexOf(';', i);
      const ref = source.slice(i + 1, semi);
      n += ref[0] === '#' && Number(ref[1] === 'x' ? '0x' + ref.slice(2) : ref.slice(1)) > 0xffff ? 2 : 1;
      i = semi + 1;
    } else if (c === 0x0d /* CR */) {
      n++;
      i += source.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    } else if (c === 0x3c /* <![CDATA[ … ]]> */) {
      const close = source.indexOf(']]>', i);
      const len = close - (i + 9);
      if (n + len >= k) return i + 9 + (k - n);
      n += len;
      i = close + 3;
    } else {
      n++;
      i++;
    }
  }
  return i;
}

/** A small part (styles, numbering, relationships) as a tree. */
export interface XmlElement {
  tag: XmlOpen;
  children: XmlElement[];
  text: string;
}

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/**
 * The part as a tree; of markup-compatibility alternatives, only the fallback
 * is kept (what a reader that knows no extension sees).
 */
export function parseTree(source: string, part: string): XmlElement {
  const root: XmlElement = { tag: { uri: '', local: '', name: '', start: 0, end: 0, selfClosing: false, attributes: {}, scope: new Scope(undefined, []) }, children: [], text: '' };
  const stack: XmlElement[] = [root];
  let skip = 0;
  parseXml(source, part, {
    open(tag) {
      if (skip || (tag.uri === MC && tag.local === 'Choice')) {
        skip++;
        return;
      }
      if (tag.uri === MC && (tag.local === 'AlternateContent' || tag.local === 'Fallback')) return;
      const el: XmlElement = { tag, children: [], text: '' };
      stack[stack.length - 1].children.push(el);
      stack.push(el);
    },
    close(tag) {
      if (skip) {
        skip--;
        return;
      }
      if (tag.uri === MC && (tag.local === 'AlternateContent' || tag.local === 'Fallback')) return;
      stack.pop();
    },
    text(text) {
      if (!skip) stack[stack.length - 1].text += text;
    },
  });
  return root;
}

/** The first child of `el` named `local` in WordprocessingML (or `uri`). */
export function child(el: XmlElement | undefined, local: string, uri = W): XmlElement | undefined {
  return el?.children.find((c) => c.tag.local === local && c.tag.uri === uri);
}

export function children(el: XmlElement | undefined, local: string, uri = W): XmlElement[] {
  return el ? el.children.filter((c) => c.tag.local === local && c.tag.uri === uri) : [];
}

/** `w:val` of the child `local`, or undefined. */
export function childVal(el: XmlElement | undefined, local: string): string | undefined {
  const c = child(el, local);
  return c ? attr(c.tag) : undefined;
}
