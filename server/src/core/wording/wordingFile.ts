// The container of dist/wording-data.bin: named sections of typed arrays,
// laid out so that loading is making views onto the file's bytes (no parse,
// no copy). Little-endian, as every machine Node.js runs on:
//
//   bytes 0–3   "SDWD"
//   bytes 4–7   length of the header (UTF-8 JSON), which follows
//   the header  { version, …, sections: { name: [offset, bytes, type] } }
//   sections    each at an offset that is a multiple of 4
//
// data/build-wording-data.mjs writes it with `writeWordingFile`.

export type SectionType = 'u8' | 'u16' | 'i32' | 'u32' | 'f32' | 'utf8';
export type SectionData = Uint8Array | Uint16Array | Int32Array | Uint32Array | Float32Array | string;

export interface WordingHeader {
  version: number;
  sections: Record<string, [offset: number, bytes: number, type: SectionType]>;
  [field: string]: unknown;
}

const MAGIC = [0x53, 0x44, 0x57, 0x44]; // SDWD

export class WordingFile {
  readonly header: WordingHeader;
  private readonly buffer: ArrayBuffer;
  /** Where the file starts in `buffer`. */
  private readonly base: number;

  /** `bytes`: the whole file; copied only if it does not start on a 4-byte boundary. */
  constructor(bytes: Uint8Array, version: number) {
    if (bytes.byteOffset % 4 !== 0) bytes = bytes.slice();
    if (bytes.length < 8 || MAGIC.some((b, i) => bytes[i] !== b)) throw new Error('not a wording data file (no SDWD mark at its start)');
    const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
    if (8 + headerBytes > bytes.length) throw new Error('wording data file cut short in its header');
    this.header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerBytes))) as WordingHeader;
    if (this.header.version !== version) throw new Error(`wording data version ${this.header.version}, expected ${version}`);
    for (const [name, [offset, length]] of Object.entries(this.header.sections)) {
      if (offset % 4 !== 0 || offset + length > bytes.length) throw new Error(`wording data section ${name} lies outside the file`);
    }
    this.buffer = bytes.buffer as ArrayBuffer;
    this.base = bytes.byteOffset;
  }

  private section(name: string, type: SectionType): [offset: number, bytes: number] {
    const s = this.header.sections[name];
    if (!s) throw new Error(`wording data has no section ${name}`);
    if (s[2] !== type) throw new Error(`wording data section ${name} is ${s[2]}, expected ${type}`);
    return [this.base + s[0], s[1]];
  }

  has(name: string): boolean {
    return name in this.header.sections;
  }

  u8(name: string): Uint8Array {
    const [offset, bytes] = this.section(name, 'u8');
    return new Uint8Array(this.buffer, offset, bytes);
  }

  u16(name: string): Uint16Array {
    const [offset, bytes] = this.section(name, 'u16');
    return new Uint16Array(this.buffer, offset, bytes / 2);
  }

  i32(name: string): Int32Array {
    const [offset, bytes] = this.section(name, 'i32');
    return new Int32Array(this.buffer, offset, bytes / 4);
  }

  u32(name: string): Uint32Array {
    const [offset, bytes] = this.section(name, 'u32');
    return new Uint32Array(this.buffer, offset, bytes / 4);
  }

  f32(name: string): Float32Array {
    const [offset, bytes] = this.section(name, 'f32');
    return new Float32Array(this.buffer, offset, bytes / 4);
  }

  text(name: string): string {
    const [offset, bytes] = this.section(name, 'utf8');
    return new TextDecoder().decode(new Uint8Array(this.buffer, offset, bytes));
  }
}

const typeOf = (d: SectionData): SectionType =>
  typeof d === 'string' ? 'utf8' : d instanceof Uint8Array ? 'u8' : d instanceof Uint16Array ? 'u16' : d instanceof Int32Array ? 'i32' : d instanceof Float32Array ? 'f32' : 'u32';

/** The bytes of a file holding `sections`, with `fields` in its header beside `version`. */
export function writeWordingFile(fields: { version: number } & Record<string, unknown>, sections: Record<string, SectionData>): Uint8Array {
  const encoded = Object.entries(sections).map(([name, d]) => {
    const bytes = typeof d === 'string' ? new TextEncoder().encode(d) : new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
    return { name, type: typeOf(d), bytes };
  });
  const pad = (n: number) => (n + 3) & ~3;
  // The header's length depends on the offsets it lists: lay out with room for the longest offsets, then fill in.
  const layout = (headerBytes: number) => {
    let at = pad(8 + headerBytes);
    const table: WordingHeader['sections'] = {};
    for (const e of encoded) {
      table[e.name] = [at, e.bytes.length, e.type];
      at = pad(at + e.bytes.length);
    }
    return { table, size: at };
  };
  let headerText = '';
  for (let guess = 0; ; ) {
    const { table } = layout(guess);
    headerText = JSON.stringify({ ...fields, sections: table });
    const length = new TextEncoder().encode(headerText).length;
    if (length === guess) break;
    guess = length;
  }
  const header = new TextEncoder().encode(headerText);
  const { table, size } = layout(header.length);
  const out = new Uint8Array(size);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, header.length, true);
  out.set(header, 8);
  for (const e of encoded) out.set(e.bytes, table[e.name][0]);
  return out;
}
