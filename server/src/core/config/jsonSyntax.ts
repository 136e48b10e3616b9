// Where a text stops being JSON, and why, in words of our own: V8's message
// quotes the text around the error, and a config file may be a link to a file
// that must not be shown (`/etc/shadow`). Iterative, so that nesting 100,000
// deep costs no stack.

import { message } from '../l10n';

export interface JsonSyntaxError {
  /** UTF-16 offset of the first character that cannot be JSON (the text's length when it ends too early). */
  offset: number;
  /** An l10n message. */
  reason: string;
}

const ENDS_EARLY = message('the text ends too early');
export const UNEXPECTED = message('an unexpected character');
const TRAILING_COMMA = message('a comma with nothing after it');
const CONTROL_IN_STRING = message('a control character inside a string');
const BAD_ESCAPE = message('an invalid escape in a string');

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEX4 = /[0-9a-fA-F]{4}/y;

/** The first syntax error of `text` as JSON (RFC 8259), or undefined when it is JSON. */
export function jsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const n = text.length;
  let i = 0;
  const fail = (reason: string, at = i) => ({ offset: Math.min(at, n), reason: at >= n ? ENDS_EARLY : reason });
  const skipSpace = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      i++;
    }
  };
  /** A string from the quote at `i`; undefined when it is whole. */
  const string = (): JsonSyntaxError | undefined => {
    i++;
    for (;;) {
      if (i >= n) return fail(ENDS_EARLY);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c < 0x20) return fail(CONTROL_IN_STRING);
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === undefined) return fail(ENDS_EARLY, n);
        if ('"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u') {
          HEX4.lastIndex = i + 2;
          if (!HEX4.test(text)) return fail(i + 6 > n ? ENDS_EARLY : BAD_ESCAPE);
          i += 6;
        } else return fail(BAD_ESCAPE);
      } else i++;
    }
  };
  // Open arrays and objects, innermost last.
  const open: Array<'[' | '{'> = [];
  let expect: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    skipSpace();
    if (expect === 'value') {
      if (i >= n) return fail(ENDS_EARLY);
      const c = text[i];
      if (c === '{' || c === '[') {
        open.push(c);
        i++;
        skipSpace();
        if (text[i] === (c === '{' ? '}' : ']')) {
          open.pop();
          i++;
          expect = 'after';
        } else expect = c === '{' ? 'key' : 'value';
        continue;
      }
      if (c === '"') {
        const e = string();
        if (e) return e;
      } else if (text.startsWith('true', i)) i += 4;
      else if (text.startsWith('false', i)) i += 5;
      else if (text.startsWith('null', i)) i += 4;
      else {
        NUMBER.lastIndex = i;
        if (!NUMBER.test(text)) return fail(UNEXPECTED);
        i = NUMBER.lastIndex;
      }
      expect = 'after';
    } else if (expect === 'key') {
      if (i >= n) return fail(ENDS_EARLY);
      if (text[i] !== '"') return fail(UNEXPECTED);
      const e = string();
      if (e) return e;
      skipSpace();
      if (text[i] !== ':') return fail(UNEXPECTED);
      i++;
      expect = 'value';
    } else {
      const top = open[open.length - 1];
      if (top === undefined) return i < n ? fail(UNEXPECTED) : undefined;
      if (i >= n) return fail(ENDS_EARLY);
      const c = text[i];
      if (c === ',') {
        i++;
        skipSpace();
        if (text[i] === '}' || text[i] === ']') return fail(TRAILING_COMMA);
        expect = top === '{' ? 'key' : 'value';
      } else if (c === (top === '{' ? '}' : ']')) {
        open.pop();
        i++;
      } else return fail(UNEXPECTED);
    }
  }
}
