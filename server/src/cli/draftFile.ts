// Reading and writing drafts. UTF-8 only, with or without BOM, never
// re-encoded; binary files are skipped; writes go through a temporary file in
// the same folder and a rename, so the original is either kept or replaced whole.

import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Localized } from '../core';
import { message, reasonOf } from './messages';

export interface Draft {
  file: string;
  /** The text without its BOM: columns on the first line count from the first real character. */
  text: string;
  bom: boolean;
  /** The bytes as read, to notice a change on disk before writing over it. */
  bytes: Buffer;
}

export type ReadResult = { kind: 'draft'; draft: Draft } | { kind: 'binary' } | { kind: 'refused'; reason: Localized };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BINARY_SNIFF_BYTES = 8192;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readDraft(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { kind: 'refused', reason: message('cannot be read: {0}', reasonOf(e)) };
  }
  // UTF-16 has NUL bytes too, but it is a text someone can re-save, not a binary to skip.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { kind: 'refused', reason: message('the file is UTF-16, not UTF-8; save it as UTF-8 and check it again. The file was not changed') };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { kind: 'draft', draft: { file, text: decoder.decode(body), bom, bytes } };
  } catch {
    const offset = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, offset).filter((b) => b === 0x0a).length + 1;
    return {
      kind: 'refused',
      reason: message(
        'not UTF-8 (line {0}, byte offset {1}); a GB18030/GBK draft must be saved as UTF-8 first. The file was not changed',
        line,
        offset,
      ),
    };
  }
}

/** Offset of the first byte that is not valid UTF-8, for the message. */
function firstInvalidUtf8(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    i += len;
  }
  return bytes.length;
}

/**
 * Writes `text` over the draft with its BOM, mode (and owner, where allowed).
 * Returns why not when it cannot; the original is then left as it was.
 */
export function writeDraft(draft: Draft, text: string): Localized | undefined {
  let target: string;
  let stat: fs.Stats;
  try {
    // Write where a symbolic link points, so the link stays a link.
    target = fs.realpathSync(draft.file);
    stat = fs.statSync(target);
  } catch (e) {
    return reasonOf(e);
  }
  // Checked by hand: renaming over a read-only file would succeed, and root passes access().
  if ((stat.mode & 0o222) === 0) return message('the file is read-only');
  try {
    fs.accessSync(target, fs.constants.W_OK);
    if (!fs.readFileSync(target).equals(draft.bytes)) return message('the file changed on disk while it was being checked');
  } catch (e) {
    return reasonOf(e);
  }
  const bytes = draft.bom ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  return replaceAtomically(target, bytes, stat.mode & 0o7777, stat);
}

/**
 * Writes `bytes` to `target` through a temporary file in the same folder and a
 * rename: the target is either as it was or wholly new. Returns why not.
 */
export function replaceAtomically(target: string, bytes: Uint8Array, mode: number, owner?: fs.Stats): Localized | undefined {
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', mode);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.chmodSync(tmp, mode); // the umask narrowed the mode given to open()
    if (owner) keepOwner(tmp, owner);
    fs.renameSync(tmp, target);
    return undefined;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return reasonOf(e);
  }
}

/** Root fixing someone else's draft should not take it over; others cannot chown and need not. */
function keepOwner(file: string, original: fs.Stats): void {
  if (process.getuid?.() !== 0) return;
  try {
    fs.chownSync(file, original.uid, original.gid);
  } catch {
    // Some file systems have no owners; the text is what matters.
  }
}
