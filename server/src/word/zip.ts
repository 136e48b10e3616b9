// The zip package of a .docx: the central directory read with limits, entries
// inflated with Node's zlib while counting what comes out, and a package
// written back with the untouched entries copied as they were (not
// recompressed). Why Node's zlib and not a zip library: README, "Word files".

import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { PartError } from './errors';

export interface ZipLimits {
  /** Bytes all entries may unpack to, declared and actual. */
  maxTotalBytes: number;
  maxEntries: number;
}

/** 200 MB: a speech with photographs stays far below; a zip bomb does not. */
export const DEFAULT_LIMITS: Readonly<ZipLimits> = Object.freeze({ maxTotalBytes: 200 * 2 ** 20, maxEntries: 10_000 });

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  versionMadeBy: number;
  internalAttributes: number;
  externalAttributes: number;
  /** The compressed bytes, a view into the package. */
  raw: Uint8Array;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_UTF8 = 0x800;

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, the polynomial zip uses). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export class ZipPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Bytes inflated so far, against `limits.maxTotalBytes`. */
  private inflated = 0;

  constructor(
    bytes: Uint8Array,
    private readonly limits: ZipLimits = DEFAULT_LIMITS,
  ) {
    this.entries = readCentralDirectory(bytes, limits);
    for (const e of this.entries) if (!this.byName.has(e.name)) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's bytes, inflated and checked against its size and checksum. */
  read(name: string): Uint8Array | undefined {
    const e = this.byName.get(name);
    if (!e) return undefined;
    if (e.flags & FLAG_ENCRYPTED) throw new PartError('encrypted', '{0} is password-protected (its parts are encrypted); remove the password in Word or WPS and save it again as .docx.');
    let out: Uint8Array;
    if (e.method === 0) out = e.raw;
    else if (e.method === 8) {
      try {
        // zlib stops as soon as the output passes the declared size, which is therefore not trusted.
        out = inflateRawSync(e.raw, { maxOutputLength: Math.max(1, e.size) });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
          throw new PartError('too-large', '{0} is refused: its part {1} unpacks to more than it declares (a zip bomb, not a document).', [name]);
        throw new PartError('corrupt', '{0} is damaged: its part {1} cannot be unpacked ({2}).', [name, (err as Error).message]);
      }
    } else throw new PartError('corrupt', '{0} is damaged: its part {1} uses a compression method ({2}) that Word documents do not use.', [name, e.method]);
    this.inflated += out.length;
    if (this.inflated > this.limits.maxTotalBytes) throw tooLarge(this.limits);
    if (out.length !== e.size || crc32(out) !== e.crc) throw new PartError('corrupt', '{0} is damaged: its part {1} does not match its checksum.', [name]);
    return out;
  }
}

function tooLarge(limits: ZipLimits): PartError {
  return new PartError('too-large', '{0} is refused: its contents unpack to more than {1} MB (a zip bomb, not a document).', [Math.round(limits.maxTotalBytes / 2 ** 20)]);
}

function truncated(): PartError {
  return new PartError('truncated', '{0} is incomplete (truncated): the end of its zip package is missing; copy or download it again.');
}

function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => Number(view.getBigUint64(at, true));
  // The end record: 22 bytes and a comment of up to 64 KB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === SIG_EOCD && i + 22 + u16(i + 20) <= bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw truncated();
  let count = u16(eocd + 10);
  let size = u32(eocd + 12);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff || size === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === SIG_LOCATOR64) {
    const at = u64(eocd - 12);
    if (at + 56 > bytes.length || u32(at) !== SIG_EOCD64) throw truncated();
    count = u64(at + 32);
    size = u64(at + 40);
    offset = u64(at + 48);
  }
  if (count > limits.maxEntries) throw new PartError('too-large', '{0} is refused: it has more than {1} parts (a zip bomb, not a document).', [limits.maxEntries]);
  if (offset + size > bytes.length) throw truncated();
  const entries: ZipEntry[] = [];
  let declared = 0;
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(p) !== SIG_CENTRAL) throw new PartError('corrupt', '{0} is damaged: its zip directory is broken.');
    const flags = u16(p + 8);
    const nameLength = u16(p + 28);
    const extraLength = u16(p + 30);
    const commentLength = u16(p + 32);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLength);
    const name = new TextDecoder(flags & FLAG_UTF8 ? 'utf-8' : 'latin1').decode(nameBytes);
    let compressedSize = u32(p + 20);
    let entrySize = u32(p + 24);
    let local = u32(p + 42);
    // Zip64: the sizes and offset that did not fit are in an extra field, in this order.
    if (compressedSize === 0xffffffff || entrySize === 0xffffffff || local === 0xffffffff) {
      let x = p + 46 + nameLength;
      const end = x + extraLength;
      while (x + 4 <= end) {
        const id = u16(x);
        const len = u16(x + 2);
        if (id === 0x0001) {
          let y = x + 4;
          if (entrySize === 0xffffffff) (entrySize = u64(y)), (y += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(y)), (y += 8);
          if (local === 0xffffffff) local = u64(y);
          break;
        }
        x += 4 + len;
      }
    }
    declared += entrySize;
    if (entrySize > limits.maxTotalBytes || declared > limits.maxTotalBytes) throw tooLarge(limits);
    if (local + 30 > bytes.length) throw truncated();
    if (u32(local) !== SIG_LOCAL) throw new PartError('corrupt', '{0} is damaged: its zip directory is broken.');
    const dataStart = local + 30 + u16(local + 26) + u16(local + 28);
    if (dataStart + compressedSize > bytes.length) throw truncated();
    entries.push({
      name,
      method: u16(p + 10),
      flags,
      time: u16(p + 12),
      date: u16(p + 14),
      crc: u32(p + 16),
      compressedSize,
      size: entrySize,
      versionMadeBy: u16(p + 4),
      internalAttributes: u16(p + 36),
      externalAttributes: u32(p + 38),
      raw: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry to write: an existing one copied as it is, or new contents. */
export type OutputEntry = ZipEntry | { name: string; data: Uint8Array; like?: ZipEntry };

/** DOS time and date of now, for new entries. */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A zip package of these entries, in this order (no zip64: a .docx within the limits never needs it). */
export function writeZip(entries: readonly OutputEntry[], now = new Date()): Uint8Array {
  const stamp = dosTime(now);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const input of entries) {
    let e: ZipEntry;
    if ('data' in input) {
      const raw = deflateRawSync(input.data);
      e = {
        name: input.name,
        method: 8,
        flags: (input.like?.flags ?? 0) & FLAG_UTF8,
        time: input.like?.time ?? stamp.time,
        date: input.like?.date ?? stamp.date,
        crc: crc32(input.data),
        compressedSize: raw.length,
        size: input.data.length,
        versionMadeBy: input.like?.versionMadeBy ?? 20,
        internalAttributes: input.like?.internalAttributes ?? 0,
        externalAttributes: input.like?.externalAttributes ?? 0,
        raw,
      };
    } else e = input;
    const name = new TextEncoder().encode(e.name);
    // The sizes go in the local header: a data descriptor is not needed when writing from memory.
    const flags = (e.flags & ~FLAG_DATA_DESCRIPTOR) | (/[^\x00-\x7f]/.test(e.name) ? FLAG_UTF8 : 0);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, SIG_LOCAL, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, flags, true);
    lv.setUint16(8, e.method, true);
    lv.setUint16(10, e.time, true);
    lv.setUint16(12, e.date, true);
    lv.setUint32(14, e.crc, true);
    lv.setUint32(18, e.compressedSize, true);
    lv.setUint32(22, e.size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, SIG_CENTRAL, true);
    cv.setUint16(4, e.versionMadeBy, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, flags, true);
    cv.setUint16(10, e.method, true);
    cv.setUint16(12, e.time, true);
    cv.setUint16(14, e.date, true);
    cv.setUint32(16, e.crc, true);
    cv.setUint32(20, e.compressedSize, true);
    cv.setUint32(24, e.size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(36, e.internalAttributes, true);
    cv.setUint32(38, e.externalAttributes, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.raw);
    centrals.push(central);
    offset += local.length + e.raw.length;
  }
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, SIG_EOCD, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
