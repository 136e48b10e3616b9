// The file side of Word drafts for the command line and the language server:
// reading a .docx by its path, and writing an annotated copy next to its
// output through a temporary file and a rename, never over the input.

import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bilingual, DocxError } from './errors';
import { readDocx, type ReadOptions, type WordDraft } from './draft';

/** Why a file operation failed, from Node's error code. */
function reason(e: unknown): { zh: string; en: string } {
  switch ((e as NodeJS.ErrnoException | undefined)?.code) {
    case 'ENOENT':
      return bilingual('no such file or folder');
    case 'EACCES':
    case 'EPERM':
      return bilingual('permission denied');
    case 'ENOSPC':
      return bilingual('the disk is full');
    case 'EISDIR':
      return bilingual('it is a folder');
    default: {
      const text = e instanceof Error ? e.message : String(e);
      return { zh: text, en: text };
    }
  }
}

export function readDocxFile(file: string, options: Omit<ReadOptions, 'file'> = {}): { draft: WordDraft; bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new DocxError('read', file, bilingual('Cannot read {0}: {1}.', file, reason(e)));
  }
  return { draft: readDocx(bytes, { ...options, file }), bytes };
}

/** `draft.docx` → `draft.批注.docx` (the default name of an annotated copy). */
export function annotatedName(input: string, tag = '批注'): string {
  const ext = path.extname(input);
  return input.slice(0, input.length - ext.length) + `.${tag}` + (ext || '.docx');
}

/**
 * Writes `bytes` to `output` through a temporary file beside it and a rename,
 * so that `output` is either as it was or wholly new. Refuses an output that
 * is the input (same device and inode: a hard link or another spelling of the
 * path), which is never overwritten.
 */
export function writeCopyAtomically(input: string, output: string, bytes: Uint8Array): void {
  const same = (() => {
    try {
      const a = fs.statSync(input);
      const b = fs.statSync(output);
      return a.dev === b.dev && a.ino === b.ino;
    } catch {
      return path.resolve(input) === path.resolve(output);
    }
  })();
  if (same) throw new DocxError('same-file', output, bilingual('{0} is the input document; the annotated copy needs another name (the input is never overwritten).', output));
  const tmp = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fd = fs.openSync(tmp, 'wx', 0o644);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, output);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new DocxError('write', output, bilingual('Cannot write {0}: {1}.', output, reason(e)));
  }
}
