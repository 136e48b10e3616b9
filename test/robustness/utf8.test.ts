// A draft that is not UTF-8 is refused at the first byte that is not, with
// the right reason: overlong forms, encoded surrogates (CESU-8) and code
// points above U+10FFFF included, which a check of lead and continuation bytes
// alone lets through.

import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { firstInvalidUtf8 } from '../../server/src/cli/utf8';
import { buildCli, runCli, tempDir } from '../cli/runCli';

const LINE1 = '同志们：\n';
const at = Buffer.byteLength(LINE1);

// Bytes after line 1, the offset of the bad sequence in the file, and the reason.
const CASES: Array<[string, number[], number, string]> = [
  ['overlong 2-byte “/”', [0xc0, 0xaf], at, 'an overlong encoding'],
  ['overlong 3-byte “/”', [0xe0, 0x80, 0xaf], at, 'an overlong encoding'],
  ['overlong 4-byte “/”', [0xf0, 0x80, 0x80, 0xaf], at, 'an overlong encoding'],
  ['CESU-8 surrogate pair of 😀', [0x41, 0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], at + 1, 'an encoded surrogate (CESU-8), which UTF-8 does not allow'],
  ['a lone encoded low surrogate', [0xed, 0xb0, 0x80], at, 'an encoded surrogate (CESU-8), which UTF-8 does not allow'],
  ['U+110000', [0xf4, 0x90, 0x80, 0x80], at, 'a code point above U+10FFFF'],
  ['a lead byte for U+140000 and beyond', [0xf5, 0x80, 0x80, 0x80], at, 'a code point above U+10FFFF'],
  ['0xFF', [0x41, 0x42, 0xff], at + 2, 'a byte that never occurs in UTF-8'],
  ['a continuation byte alone', [0xe4, 0xb8, 0x80, 0x80], at + 3, 'a continuation byte with no lead byte'],
  ['a sequence cut by ASCII', [0xe4, 0xb8, 0x41], at, 'a sequence cut short'],
  ['a sequence cut by the end of the file', [0x41, 0xf0, 0x9f, 0x98], at + 1, 'a sequence cut short'],
];

describe('invalid UTF-8 in a draft', function () {
  this.timeout(120000);

  it('names the first bad byte and the reason', () => {
    for (const [name, bytes, offset, reason] of CASES) {
      const error = firstInvalidUtf8(Buffer.concat([Buffer.from(LINE1), Buffer.from(bytes)]));
      assert.deepStrictEqual(error && [error.offset, error.reason.en], [offset, reason], name);
    }
  });

  it('the command line refuses each with “invalid UTF-8 at byte offset N”, the line and the reason, in both languages', () => {
    buildCli();
    const dir = tempDir();
    for (const [name, bytes, offset, reason] of CASES) {
      const file = path.join(dir, 'draft.txt');
      fs.writeFileSync(file, Buffer.concat([Buffer.from(LINE1), Buffer.from(bytes), Buffer.from('\n')]));
      const r = runCli(['check', file]);
      assert.strictEqual(r.status, 2, name);
      assert.ok(r.stderr.includes(`draft.txt: invalid UTF-8 at byte offset ${offset} (line 2): ${reason};`), `${name}: ${r.stderr}`);
      assert.ok(r.stderr.includes(`draft.txt：不是有效的 UTF-8 编码：字节偏移 ${offset}（第 2 行）处是`), `${name}: ${r.stderr}`);
    }
  });

  it('agrees with the fatal TextDecoder on random bytes, and the bytes before the offset are UTF-8 while those from it are not', () => {
    const fatal = new TextDecoder('utf-8', { fatal: true });
    const lenient = new TextDecoder('utf-8');
    // Bytes near the edges of the well-formed ranges, where the mistakes are.
    const byte = fc.oneof(
      fc.integer({ min: 0x20, max: 0x7f }),
      fc.constantFrom(0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xff),
      fc.integer({ min: 0x80, max: 0xff }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 24 }), (list) => {
        const bytes = Uint8Array.from(list);
        let valid = true;
        try {
          fatal.decode(bytes);
        } catch {
          valid = false;
        }
        const error = firstInvalidUtf8(bytes);
        assert.strictEqual(error === undefined, valid, Buffer.from(bytes).toString('hex'));
        if (error) {
          fatal.decode(bytes.subarray(0, error.offset)); // throws if an earlier byte was bad
          assert.ok(lenient.decode(bytes.subarray(error.offset)).startsWith('\ufffd'), Buffer.from(bytes).toString('hex'));
        }
      }),
      { seed: 7, numRuns: 20000 },
    );
  });
});
