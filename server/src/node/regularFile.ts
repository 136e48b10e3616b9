// Reading a file that may be anything: a named pipe would block for ever,
// `/dev/zero` would fill the memory, a growing file would never end. Only
// regular files are opened, their size is checked first, and no more than the
// limit is ever read.

import * as fs from 'fs';
import { bothLanguages, type Localized } from '../core';
import { reasonOf } from './fileErrors';

/** A draft far beyond any speech (the checker looks at the first 2,000,000 characters). */
export const MAX_DRAFT_BYTES = 64 * 1024 * 1024;
/** A `.speechdraftrc.json` with thousands of words still fits many times over. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

const MiB = 1024 * 1024;
// Opening a pipe without a writer must not wait for one; a terminal must not become ours. Both are 0 on Windows.
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

export type RegularFileRead =
  | {
      kind: 'read';
      bytes: Buffer;
      /** Of the file as opened: its identity and times, to notice later whether it is still the same. */
      stat: fs.BigIntStats;
    }
  | { kind: 'refused'; reason: Localized };

/** Why `stat` is no regular file, or undefined when it is one. */
export function notRegular(stat: fs.Stats | fs.BigIntStats): Localized | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return bothLanguages('it is a folder');
  if (stat.isFIFO()) return bothLanguages('it is a named pipe (FIFO), not a regular file');
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return bothLanguages('it is a device, not a regular file');
  if (stat.isSocket()) return bothLanguages('it is a socket, not a regular file');
  return bothLanguages('it is not a regular file');
}

export function tooLarge(maxBytes: number): Localized {
  return bothLanguages('it is larger than {0} MB', Math.round(maxBytes / MiB));
}

/** The bytes of `file` (through symbolic links), if it is a regular file of at most `maxBytes`. */
export function readRegularFile(file: string, maxBytes: number): RegularFileRead {
  let fd: number;
  try {
    // Look before opening: opening a device can have effects of its own (a tape rewinds).
    const refused = notRegular(fs.statSync(file));
    if (refused) return { kind: 'refused', reason: refused };
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch (e) {
    return { kind: 'refused', reason: reasonOf(e) };
  }
  try {
    // Again on what was opened: the path may have been pointed elsewhere in between.
    const stat = fs.fstatSync(fd, { bigint: true });
    const refused = notRegular(stat);
    if (refused) return { kind: 'refused', reason: refused };
    if (stat.size > BigInt(maxBytes)) return { kind: 'refused', reason: tooLarge(maxBytes) };
    // One byte more than allowed is asked for, so that a file growing while it is read is caught too.
    let buffer = Buffer.allocUnsafe(Math.min(Number(stat.size), maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { kind: 'refused', reason: tooLarge(maxBytes) };
        // It grew while being read (or its size was not known): go on in a larger buffer.
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return { kind: 'read', bytes: buffer.subarray(0, length), stat };
  } catch (e) {
    return { kind: 'refused', reason: reasonOf(e) };
  } finally {
    fs.closeSync(fd);
  }
}
