import { overlapsSpans } from '../text/verbatim';
import { WordList } from '../text/wordList';
import type { ParagraphRule } from './types';

/**
 * Characters that take no room on the page and carry nothing in Chinese text:
 * zero-width space, word joiner, BOM (inside the text), soft hyphen, and the
 * marks of text direction. Zero-width joiners (U+200C, U+200D) also join emoji
 * (👩‍👩‍👧): only those next to Chinese or Latin text are stray.
 */
const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+(?:[ \t\u3000]+[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+)*/g;
const JOINER = new Set(['\u200c', '\u200d']);
const INVISIBLE_CHARS = '\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff';
/** Text a stray joiner sits next to (an emoji, a variation selector or another script's letter leaves it alone). */
const PLAIN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffefA-Za-z0-9，。、；：？！“”‘’（）《》]/;
/** Digits split by single spaces, each one alone, with a decimal part: `1 9 9 3`, `1 1`, `1 5 ．3`; not `1 000` nor a phone number's groups. */
const SPACED_DIGITS = /(?<![0-9０-９.．])[0-9０-９](?:[ \u3000][0-9０-９])*(?:[ \u3000]?[.．][ \u3000]?[0-9０-９](?:[ \u3000][0-9０-９])*)?(?![0-9０-９])/g;
const SPLIT = /[ \u3000]/;
/** After the digits, the space before a unit or a Chinese character is part of the split: `1 9 9 3 年`, `1 1 ％`. */
const SPACE_BEFORE_UNIT = /^[ \u3000](?=[\u4e00-\u9fff%％‰])/;
const TRIGGER = new WordList([...INVISIBLE_CHARS, ...[...'0123456789０１２３４５６７８９'].flatMap((d) => [d + ' ', d + '\u3000'])]);

/** The invisible characters of a run, each once: `U+200B U+FEFF`. */
const codes = (s: string) => [...new Set([...s].filter((c) => !JOINED_SPACE.has(c)))].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
const JOINED_SPACE = new Set([' ', '\t', '\u3000']);

export const straySpace = {
  id: 'stray-space',
  name: { zh: '多余空白', en: 'Stray space' },
  description: {
    zh: '文中夹杂的不可见字符（零宽空格、文中的 BOM、软连字符等，包括只含零宽空格的行），以及被空格拆开的数字（“1 9 9 3 年”“长1 1 ％”）。',
    en: 'Invisible characters in the text (zero-width spaces, a BOM inside the text, soft hyphens; lines holding only U+200B) and digits split by spaces (1 9 9 3 年, 长1 1 ％).',
  },
  defaultSeverity: 'warning',
  fixes: 'mixed',
  blocksExport: 'never',
  scope: 'paragraph',
  trigger: () => TRIGGER,
  check({ text, verbatim }, { t, report }) {
    INVISIBLE.lastIndex = 0;
    for (let m = INVISIBLE.exec(text); m; m = INVISIBLE.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlapsSpans(verbatim(), start, end)) continue;
      // A joiner between emoji or letters of another script is doing its work.
      if ([...m[0]].every((c) => JOINER.has(c)) && !(PLAIN.test(text[start - 1] ?? '') || PLAIN.test(text[end] ?? ''))) continue;
      // The line it stands on (a paragraph may hold several).
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
      const wholeLine = text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '';
      report({
        span: { start, end },
        message: wholeLine
          ? t('This line holds nothing but invisible characters ({0}): remove them.', codes(m[0]))
          : t('Invisible characters in the text ({0}): remove them.', codes(m[0])),
        unnecessary: true,
        fixes: [{ title: t('Remove the invisible characters'), edits: [{ start, end, newText: '' }], safe: true }],
      });
    }
    SPACED_DIGITS.lastIndex = 0;
    for (let m = SPACED_DIGITS.exec(text); m; m = SPACED_DIGITS.exec(text)) {
      if (!SPLIT.test(m[0])) continue;
      const start = m.index;
      const end = start + m[0].length + (SPACE_BEFORE_UNIT.test(text.slice(start + m[0].length, start + m[0].length + 2)) ? 1 : 0);
      if (overlapsSpans(verbatim(), start, end)) continue;
      const joined = m[0].replace(/[ \u3000]/g, '');
      report({
        span: { start, end },
        message: t('Digits split by spaces: “{0}” reads as “{1}”.', text.slice(start, end), joined),
        // The spaces may part two numbers (`1 2 3` as a list): the writer decides.
        fixes: [{ title: t('Write “{0}”', joined), edits: [{ start, end, newText: joined }], safe: false }],
      });
    }
  },
} as const satisfies ParagraphRule;
