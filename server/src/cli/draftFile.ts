// Reading and writing drafts. UTF-8 only, with or without BOM, never
// re-encoded; binary files are skipped; only regular files are read, and no
// more than MAX_DRAFT_BYTES; writes go through a temporary file in the same
// folder and a rename, so the original is either kept or replaced whole.

import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { Localized } from '../core';
import { MAX_DRAFT_BYTES, readRegularFile } from '../node/regularFile';
import { message, reasonOf } from './messages';
import { CUT_SHORT, firstInvalidUtf8 } from './utf8';

export interface Draft {
  file: string;
  /** The text without its BOM: columns on the first line count from the first real character. */
  text: string;
  bom: boolean;
  /** The bytes as read, to notice a change on disk before writing over it. */
  bytes: Buffer;
  /** The file as it was read (identity, size, times), to notice a change up to the moment it is replaced. */
  stat: fs.BigIntStats;
}

export type ReadResult = { kind: 'draft'; draft: Draft } | { kind: 'binary' } | { kind: 'refused'; reason: Localized };

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const BINARY_SNIFF_BYTES = 8192;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function readDraft(file: string): ReadResult {
  const read = readRegularFile(file, MAX_DRAFT_BYTES);
  if (read.kind === 'refused') return { kind: 'refused', reason: message('cannot be read: {0}', read.reason) };
  const { bytes, stat } = read;
  // UTF-16 has NUL bytes too, but it is a text someone can re-save, not a binary to skip.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { kind: 'refused', reason: message('the file is UTF-16, not UTF-8; save it as UTF-8 and check it again. The file was not changed') };
  }
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { kind: 'binary' };
  const bom = bytes.subarray(0, 3).equals(UTF8_BOM);
  const body = bom ? bytes.subarray(3) : bytes;
  try {
    return { kind: 'draft', draft: { file, text: decoder.decode(body), bom, bytes, stat } };
  } catch {
    // The decoder only says no; where and why is found by hand (the two agree: test/robustness/utf8.test.ts).
    const invalid = firstInvalidUtf8(bytes) ?? { offset: bytes.length, reason: CUT_SHORT };
    const line = bytes.subarray(0, invalid.offset).filter((b) => b === 0x0a).length + 1;
    return {
      kind: 'refused',
      reason: message(
        'invalid UTF-8 at byte offset {1} (line {0}): {2}; a GB18030/GBK draft must be saved as UTF-8 first. The file was not changed',
        line,
        invalid.offset,
        invalid.reason,
      ),
    };
  }
}

/** For tests: a step run after the temporary file is written and before the draft is looked at a last time. */
export interface WriteHooks {
  beforeLastCheck?: () => void;
}

/**
 * Writes `text` over the draft with its BOM, mode (and owner, where allowed).
 * Returns why not when it cannot; the original is then left as it was. A
 * change to the draft on disk since it was read, noticed up to the moment of
 * the rename, stops the write: the change is kept, the fixes are not made.
 */
export function writeDraft(draft: Draft, text: string, hooks: WriteHooks = {}): Localized | undefined {
  let target: string;
  let stat: fs.BigIntStats;
  try {
    // Write where a symbolic link points, so the link stays a link.
    target = fs.realpathSync(draft.file);
    stat = fs.statSync(target, { bigint: true });
  } catch (e) {
    return reasonOf(e);
  }
  const mode = Number(stat.mode & 0o7777n);
  // Checked by hand: renaming over a read-only file would succeed, and root passes access().
  if ((mode & 0o222) === 0) return message('the file is read-only');
  try {
    fs.accessSync(target, fs.constants.W_OK);
  } catch (e) {
    return reasonOf(e);
  }
  const changed = changedSinceRead(target, draft);
  if (changed) return changed;
  const bytes = draft.bom ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : Buffer.from(text, 'utf8');
  return replaceAtomically(target, bytes, {
    mode,
    owner: { uid: Number(stat.uid), gid: Number(stat.gid) },
    // Writing the temporary file takes time: someone may have saved the draft meanwhile.
    beforeRename: () => {
      hooks.beforeLastCheck?.();
      return changedSinceRead(target, draft);
    },
  });
}

/**
 * Why `target` is no longer the draft as read, if it is not: another file
 * (renamed over it), other times or size, or other bytes (a write within the
 * file system's clock tick that kept the size).
 */
function changedSinceRead(target: string, draft: Draft): Localized | undefined {
  const changed = message('the file changed on disk while it was being checked');
  try {
    if (!sameVersion(fs.statSync(target, { bigint: true }), draft.stat)) return changed;
    const now = readRegularFile(target, MAX_DRAFT_BYTES);
    return now.kind === 'read' && now.bytes.equals(draft.bytes) ? undefined : changed;
  } catch {
    return changed;
  }
}

/** The same file, not written to since: identity, size, and the times a write or a rename sets (to the nanosecond where the file system keeps them). */
function sameVersion(a: fs.BigIntStats, b: fs.BigIntStats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs;
}

export interface ReplaceOptions {
  /** With the set-user-ID, set-group-ID and sticky bits, kept where the owner may set them. */
  mode: number;
  /** Given back to the new file where allowed (root, or a group of one's own). */
  owner?: { uid: number; gid: number };
  /** A last look before the rename: a reason stops it, and the temporary file is removed. */
  beforeRename?: () => Localized | undefined;
}

/**
 * Writes `bytes` to `target` through a temporary file in the same folder and a
 * rename: the target is either as it was or wholly new. Returns why not.
 * Hard links to the target and its extended attributes are not carried over.
 */
export function replaceAtomically(target: string, bytes: Uint8Array, { mode, owner, beforeRename }: ReplaceOptions): Localized | undefined {
  const dir = path.dirname(target);
  removeStaleTemporaryFiles(dir);
  const tmp = path.join(dir, temporaryName(path.basename(target), process.pid));
  try {
    const fd = fs.openSync(tmp, 'wx', mode & 0o777);
    try {
      fs.writeFileSync(fd, bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    // Owner first: a change of owner clears the set-ID bits, which the mode then puts back.
    if (owner) keepOwner(tmp, owner);
    fs.chmodSync(tmp, mode); // the umask narrowed the mode given to open()
    const stop = beforeRename?.();
    if (stop) {
      fs.rmSync(tmp, { force: true });
      return stop;
    }
    fs.renameSync(tmp, target);
    return undefined;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return reasonOf(e);
  }
}

/** Root fixing someone else's draft should not take it over; others keep the group where it is one of theirs. */
function keepOwner(file: string, original: { uid: number; gid: number }): void {
  const now = fs.statSync(file);
  if (now.uid === original.uid && now.gid === original.gid) return;
  try {
    fs.chownSync(file, original.uid, original.gid);
  } catch {
    // Not allowed, or a file system without owners: the text is what matters.
  }
}

/** `.draft.txt.1234-9f3a0c1e.tmp`: hidden (never taken for a draft), with the writer's process id. */
export function temporaryName(base: string, pid: number): string {
  return `.${base}.${pid}-${randomBytes(4).toString('hex')}.tmp`;
}

const TEMPORARY_NAME = /^\..+\.(\d+)-[0-9a-f]{8}\.tmp$/;
/** A temporary file takes milliseconds to write; one this old whose writer is gone was left by a killed run. */
export const STALE_AFTER_MS = 60 * 1000;
/** Older than this it is stale whoever wrote it (a process id may have been reused, or it came from another machine). */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;

const cleaned = new Set<string>();

/**
 * Removes the temporary files a killed run left in `dir` (once per folder and
 * run). One that may still be being written is kept: its writer is alive, or
 * it is too young to tell.
 */
export function removeStaleTemporaryFiles(dir: string, now = Date.now()): void {
  if (cleaned.has(dir)) return;
  cleaned.add(dir);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMPORARY_NAME.exec(name);
    if (!m) continue;
    const file = path.join(dir, name);
    try {
      const stat = fs.lstatSync(file);
      const age = now - stat.mtimeMs;
      if (!stat.isFile() || age < STALE_AFTER_MS) continue;
      if (age < ABANDONED_AFTER_MS && isRunning(Number(m[1]))) continue;
      fs.rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours to remove: leave it.
    }
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}
