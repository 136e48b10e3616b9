// Where a byte sequence stops being UTF-8, and why: the well-formed sequences
// of the Unicode Standard (table 3-7), which is what the fatal TextDecoder
// accepts. Overlong forms, encoded surrogates (CESU-8) and code points above
// U+10FFFF each get their own reason.

import { bothLanguages, type Localized } from '../core';

export interface Utf8Error {
  /** Of the first byte of the sequence that is not UTF-8, from the start of the file. */
  offset: number;
  reason: Localized;
}

const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

const NO_LEAD = bothLanguages('a continuation byte with no lead byte');
const OVERLONG = bothLanguages('an overlong encoding');
const NEVER = bothLanguages('a byte that never occurs in UTF-8');
const TOO_HIGH = bothLanguages('a code point above U+10FFFF');
const SURROGATE = bothLanguages('an encoded surrogate (CESU-8), which UTF-8 does not allow');
export const CUT_SHORT = bothLanguages('a sequence cut short');

/** The first place that is not UTF-8, or undefined when all of `bytes` is. */
export function firstInvalidUtf8(bytes: Uint8Array): Utf8Error | undefined {
  const at = (offset: number, reason: Localized) => ({ offset, reason });
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    if (b < 0xc0) return at(i, NO_LEAD);
    if (b < 0xc2) return at(i, OVERLONG);
    if (b > 0xf7) return at(i, NEVER);
    if (b > 0xf4) return at(i, TOO_HIGH);
    const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    const second = bytes[i + 1];
    if (!isContinuation(second)) return at(i, CUT_SHORT);
    // The second byte's range is narrower after these leads.
    if (b === 0xe0 && second < 0xa0) return at(i, OVERLONG);
    if (b === 0xed && second >= 0xa0) return at(i, SURROGATE);
    if (b === 0xf0 && second < 0x90) return at(i, OVERLONG);
    if (b === 0xf4 && second >= 0x90) return at(i, TOO_HIGH);
    for (let k = 2; k < length; k++) if (!isContinuation(bytes[i + k])) return at(i, CUT_SHORT);
    i += length;
  }
  return undefined;
}
