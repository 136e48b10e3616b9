// Opening a file as a .docx: what it really is (a .doc, a .wps, an encrypted
// package, text, a plain .zip…) told from its bytes, then the zip package and
// the parts of the Word document the reader needs.

import { bilingual, PartError } from './errors';
import { decodePart, parseTree, REL, attr, type Encoding, type XmlElement } from './xml';
import { DEFAULT_LIMITS, ZipPackage, type ZipLimits } from './zip';

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const RELS_OFFICE_DOCUMENT = /\/officeDocument$/;

const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** A name as UTF-16LE, how an OLE2 directory stores its streams' names. */
function utf16(name: string): Uint8Array {
  const out = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) out[i * 2] = name.charCodeAt(i);
  return out;
}

function contains(bytes: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle) >= 0;
}

/** Refuses what is not a zip package, saying what it is. */
function sniff(bytes: Uint8Array, fileName: string): void {
  if (bytes.length === 0) throw new PartError('empty', '{0} is empty: there is no Word document in it.');
  if (startsWith(bytes, OLE2)) {
    // An encrypted .docx is a compound file too, holding the encrypted package as a stream.
    if (contains(bytes, utf16('EncryptedPackage')) || contains(bytes, utf16('EncryptionInfo')))
      throw new PartError('encrypted', '{0} is password-protected (encrypted) and cannot be read; open it in Word or WPS, remove the password, and save it as .docx.');
    if (/\.wps$/i.test(fileName))
      throw new PartError('wps', '{0} is a WPS document (.wps), which cannot be read; open it in WPS and save it as .docx (Word document).');
    if (contains(bytes, utf16('WordDocument')))
      throw new PartError('doc', '{0} is a Word 97–2003 document (.doc), which cannot be read; open it in Word or WPS and save it as .docx.');
    throw new PartError('compound', '{0} is not a .docx but an older Office file (a compound document such as .xls or .ppt); save the draft from Word or WPS as .docx.');
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\ufeff/, '');
  if (head.startsWith('{\\rtf'))
    throw new PartError('rtf', '{0} is an RTF document, which cannot be read; open it in Word or WPS and save it as .docx.');
  const text = !bytes.subarray(0, 4096).includes(0);
  const what = head.trimStart().startsWith('<')
    ? bilingual('it is an XML or HTML file, not a zip package')
    : text
      ? bilingual('it is a text file')
      : bilingual('it is neither a zip package nor an Office file');
  throw new PartError('not-zip', '{0} is not a Word .docx file: {1}; open it in Word or WPS and save it as .docx.', [what]);
}

export interface Part {
  name: string;
  source: string;
  encoding: Encoding;
}

/** The Word document inside a package: its main part and the parts next to it that the reader uses. */
export class DocxPackage {
  readonly zip: ZipPackage;
  /** `word/document.xml`, or where `_rels/.rels` puts it. */
  readonly mainName: string;

  constructor(bytes: Uint8Array, fileName: string, limits: ZipLimits = DEFAULT_LIMITS) {
    sniff(bytes, fileName);
    this.zip = new ZipPackage(bytes, limits);
    const rels = this.tree('_rels/.rels');
    const main = rels && relationships(rels).find((r) => RELS_OFFICE_DOCUMENT.test(r.type));
    this.mainName = main ? resolveTarget('', main.target) : 'word/document.xml';
    if (!this.zip.has(this.mainName)) {
      if (this.zip.entries.some((e) => e.flags & 1)) throw new PartError('encrypted', '{0} is password-protected (its parts are encrypted); remove the password in Word or WPS and save it again as .docx.');
      throw new PartError('not-docx', '{0} is a zip package but not a Word document (it has no {1}); save the draft from Word or WPS as .docx.', [this.mainName]);
    }
  }

  part(name: string): Part | undefined {
    const bytes = this.zip.read(name);
    return bytes ? { name, ...decodePart(bytes, name) } : undefined;
  }

  tree(name: string): XmlElement | undefined {
    const p = this.part(name);
    return p ? parseTree(p.source, name) : undefined;
  }

  /** The rels part of a part: `word/_rels/document.xml.rels` for `word/document.xml`. */
  static relsName(partName: string): string {
    const slash = partName.lastIndexOf('/');
    return `${partName.slice(0, slash + 1)}_rels/${partName.slice(slash + 1)}.rels`;
  }

  /** The main part's related part of a type (`styles`, `numbering`, `comments`), by its relationship. */
  related(type: string): string | undefined {
    const rels = this.tree(DocxPackage.relsName(this.mainName));
    const r = rels && relationships(rels).find((x) => x.type.endsWith('/' + type) && x.mode !== 'External');
    return r ? resolveTarget(this.mainName, r.target) : undefined;
  }
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  mode?: string;
}

export function relationships(root: XmlElement): Relationship[] {
  const top = root.children.find((c) => c.tag.local === 'Relationships');
  return (top?.children ?? [])
    .filter((c) => c.tag.local === 'Relationship' && c.tag.uri === REL)
    .map((c) => ({ id: attr(c.tag, 'Id', '') ?? '', type: attr(c.tag, 'Type', '') ?? '', target: attr(c.tag, 'Target', '') ?? '', mode: attr(c.tag, 'TargetMode', '') }));
}

/** A relationship target as a part name: relative to the source part's folder, or absolute. */
export function resolveTarget(sourcePart: string, target: string): string {
  const base = target.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const seg of target.replace(/^\//, '').split('/')) {
    if (seg === '..') base.pop();
    else if (seg !== '.' && seg !== '') base.push(seg);
  }
  return base.join('/');
}
