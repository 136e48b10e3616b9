// The XML of one part as events that carry where each tag and text sits in
// the source string, so that the annotator can insert at exact places. A
// tokenizer of our own (why not saxes: README, "Word files"): elements,
// attributes, the five predefined entities and character references,
// comments, processing instructions, CDATA; a DTD is refused, never read.
// Well-formedness is checked as far as a reader needs: tags nest and match,
// attributes are quoted, entities are known, one root element.

import { PartError } from './errors';

/** WordprocessingML, transitional and strict. */
export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const W_STRICT = 'http://purl.oclc.org/ooxml/wordprocessingml/main';
export const REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The namespaces in scope at an element. */
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

const NAME = /[A-Za-z_:\u00c0-\uffff][\w:.\-\u00b7\u00c0-\uffff]*/y;
const ATTRIBUTE = /[ \t\r\n]+([^\s=/>]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character XML 1.0 allows. */
function isXmlChar(c: number): boolean {
  return c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);
}

export function parseXml(source: string, part: string, handler: XmlHandler): void {
  refuseDoctype(source, part);
  const fail = (at: number, reason: string): never => {
    const before = source.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new PartError('xml', '{0} is damaged: its part {1} is not well-formed XML ({2}).', [part, `${line}:${column}: ${reason}`]);
  };
  const decode = (raw: string, at: number): string => {
    let text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
    if (text.indexOf('&') < 0) return text;
    text = text.replace(/&([^;&<]{0,12});|&/g, (whole, ref: string | undefined) => {
      if (ref === undefined) return fail(at, 'a bare "&"');
      if (ref[0] === '#') {
        const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref) || !isXmlChar(code)) return fail(at, `the character reference ${whole} is not a character`);
        return String.fromCodePoint(code);
      }
      return PREDEFINED[ref] ?? fail(at, `the entity ${whole} is not defined (no DTD is read)`);
    });
    return text;
  };
  const split = (name: string): [string, string] => {
    const colon = name.indexOf(':');
    return colon < 0 ? ['', name] : [name.slice(0, colon), name.slice(colon + 1)];
  };
  const n = source.length;
  const stack: Array<{ name: string; scope: Scope }> = [];
  let scope = new Scope(undefined, []);
  let roots = 0;
  let i = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const lt = source.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      if (stack.length) {
        // Decoded even when nobody listens: an unknown entity is an error wherever it is.
        const text = decode(source.slice(i, textEnd), i);
        handler.text?.(text, i, textEnd);
      }
      else if (/[^ \t\r\n]/.test(source.slice(i, textEnd))) fail(i, 'text outside the root element');
    }
    if (lt < 0) break;
    const next = source.charCodeAt(lt + 1);
    if (next === 0x2f /* </ */) {
      const gt = source.indexOf('>', lt);
      if (gt < 0) fail(lt, 'an unclosed end tag');
      const name = source.slice(lt + 2, gt).replace(/[ \t\r\n]+$/, '');
      const top = stack.pop();
      if (!top || top.name !== name) fail(lt, top ? `</${name}> closes <${top.name}>` : `</${name}> closes nothing`);
      const [prefix, local] = split(name);
      handler.close?.({ uri: top!.scope.uri(prefix), local, start: lt, end: gt + 1 });
      scope = stack.length ? stack[stack.length - 1].scope : scope;
      i = gt + 1;
      continue;
    }
    if (next === 0x3f /* <? */) {
      const end = source.indexOf('?>', lt + 2);
      if (end < 0) fail(lt, 'an unclosed processing instruction');
      i = end + 2;
      continue;
    }
    if (next === 0x21 /* <! */) {
      if (source.startsWith('<!--', lt)) {
        const end = source.indexOf('-->', lt + 4);
        if (end < 0) fail(lt, 'an unclosed comment');
        i = end + 3;
      } else if (source.startsWith('<![CDATA[', lt)) {
        const end = source.indexOf(']]>', lt + 9);
        if (end < 0 || !stack.length) fail(lt, 'a CDATA section out of place');
        handler.text?.(source.slice(lt + 9, end).replace(/\r\n?/g, '\n'), lt, end + 3);
        i = end + 3;
      } else if (/^<!DOCTYPE/i.test(source.slice(lt, lt + 9))) {
        throw new PartError('doctype', '{0} is refused: its part {1} declares a DTD (<!DOCTYPE>), which Word documents never do (it could expand entities or read other files).', [part]);
      } else fail(lt, 'markup that is not allowed here');
      continue;
    }
    NAME.lastIndex = lt + 1;
    const nameMatch = NAME.exec(source);
    if (!nameMatch) fail(lt, 'a "<" that starts no tag');
    const name = nameMatch![0];
    let j = NAME.lastIndex;
    const attributes: Record<string, string> = {};
    let declarations: Array<[string, string]> | undefined;
    for (;;) {
      ATTRIBUTE.lastIndex = j;
      const a = ATTRIBUTE.exec(source);
      if (!a) break;
      const key = a[1];
      if (key in attributes) fail(j, `the attribute ${key} twice`);
      const value = decode((a[2] ?? a[3]).replace(/[\t\n\r]/g, ' '), j);
      attributes[key] = value;
      if (key === 'xmlns' || key.startsWith('xmlns:')) (declarations ??= []).push([key.slice(6), value]);
      j = ATTRIBUTE.lastIndex;
    }
    while (j < n && (source.charCodeAt(j) === 0x20 || source.charCodeAt(j) === 0x9 || source.charCodeAt(j) === 0xa || source.charCodeAt(j) === 0xd)) j++;
    let selfClosing = false;
    if (source.charCodeAt(j) === 0x2f && source.charCodeAt(j + 1) === 0x3e) {
      selfClosing = true;
      j += 2;
    } else if (source.charCodeAt(j) === 0x3e) j++;
    else fail(j, `the tag <${name}> is not closed`);
    if (!stack.length && roots++) fail(lt, 'a second root element');
    const own = declarations ? new Scope(scope, declarations) : scope;
    const [prefix, local] = split(name);
    const uri = own.uri(prefix);
    handler.open?.({ uri, local, name, start: lt, end: j, selfClosing, attributes, scope: own });
    if (selfClosing) handler.close?.({ uri, local, start: j, end: j });
    else {
      stack.push({ name, scope: own });
      scope = own;
    }
    i = j;
  }
  if (stack.length) fail(n, `the part ends inside <${stack[stack.length - 1].name}>`);
  if (!roots) fail(n, 'no root element');
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
      if (n + len > k) return i + 9 + (k - n);
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
