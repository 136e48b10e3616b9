// Reading and writing drafts: UTF-8 only (with or without BOM), never
// re-encoded; binary files skipped; writes are atomic (temporary file + rename).

import * as fs from 'fs';
import * as path from 'path';

export const DRAFT_EXTENSIONS = new Set(['.txt', '.md', '.speech']);

export type ReadResult =
  | { kind: 'text'; text: string; bom: boolean; mode: number }
  | { kind: 'binary' }
  | { kind: 'not-utf8'; offset: number }
  | { kind: 'error'; reason: string };

// ignoreBOM keeps a BOM in the text, so that it is written back as it was.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readDraft(file: string): ReadResult {
  let bytes: Buffer;
  let mode: number;
  try {
    bytes = fs.readFileSync(file);
    mode = fs.statSync(file).mode & 0o7777;
  } catch (e) {
    return { kind: 'error', reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { kind: 'binary' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // Keep the BOM in the text: the core skips it, and offsets stay those of the file.
    return { kind: 'text', text: decoder.decode(bytes), bom, mode };
  } catch {
    return { kind: 'not-utf8', offset: firstInvalidUtf8(bytes) };
  }
}

/** Byte offset of the first byte that is not valid UTF-8, for the message. */
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
 * Writes through a temporary file in the same folder and renames it over the
 * original, keeping the mode; on any failure the original is left as it was.
 */
export function writeAtomically(file: string, text: string, mode: number): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { encoding: 'utf8', mode, flag: 'wx' });
    fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // the temporary file may not exist
    }
    throw e;
  }
}

/** Files given, and the drafts inside folders given (recursively, skipping dot-folders and node_modules). */
export function collectDrafts(paths: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && DRAFT_EXTENSIONS.has(path.extname(entry.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      missing.push(p);
      continue;
    }
    if (stat.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, missing };
}
