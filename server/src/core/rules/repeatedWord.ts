import { overlapsSpans } from '../text/verbatim';
import { typoIndex, type TypoIndex } from '../wording/typoData';
import type { ParagraphRule } from './types';

/** Function words, doubled by a slip of the keyboard far more often than on purpose. */
const FUNCTION_WORDS = new Set(Array.from('的了是在和与及对把被将从就都也并而们'));
/** 他他们, 我我们: a pronoun doubled before 们. */
const PRONOUNS = new Set(Array.from('我你您他她它咱'));
/** A word of the dictionary counts from this frequency (jieba's counts): its rarest entries are the segmenter's noise (对对, 了了). */
const LEAST_FREQUENCY_CODE = Math.round(10 * Math.log(10));
/** The dictionary's words are at most this long. */
const LONGEST_WORD = 7;

/**
 * Two-character words are doubled on purpose all the time (研究研究, 舒服舒服,
 * 坚持坚持再坚持, 一步一步), so only words of three or more characters count.
 */
const MIN_WORD = 3;
const MAX_WORD = 6;
const SLIP_CODES = new Set([...FUNCTION_WORDS, ...PRONOUNS].map((c) => c.charCodeAt(0)));

interface Doubled {
  start: number;
  /** Length of the word written twice. */
  length: number;
  /** A function word doubled that no word of the dictionary explains: said at info level. */
  functionWord?: boolean;
}

/** The dictionary's words: the code of `text[start, end)` as a word, 0 for none (see wording/typoData.ts). */
type Dictionary = Pick<TypoIndex, 'codeOf'>;

const isWord = (dict: Dictionary, text: string, start: number, end: number) => (dict.codeOf(text, start, end) & 0xff) >= LEAST_FREQUENCY_CODE;

/**
 * The doubled character at i and i + 1 is correct Chinese where the dictionary
 * joins the second one with what follows into a word (双方都对|对方, 要对|对口,
 * 为了|了解), holds a word across both (的的确确, 不了了之, 是是非非), or ends a
 * word with the first one, the second standing as a word of its own (达到目的|的
 * 那一天, 奈何不了|了。). 们 stands alone nowhere: 们们 is always a slip.
 */
function explained(dict: Dictionary, text: string, i: number): boolean {
  const n = text.length;
  for (let end = i + 3; end <= Math.min(n, i + 1 + LONGEST_WORD); end++) if (isWord(dict, text, i + 1, end)) return true;
  for (let start = Math.max(0, i + 2 - LONGEST_WORD); start <= i; start++) {
    for (let end = Math.max(i + 2, start + 3); end <= Math.min(n, start + LONGEST_WORD); end++) if (isWord(dict, text, start, end)) return true;
  }
  if (text[i] === '们') return false;
  for (let start = Math.max(0, i + 1 - LONGEST_WORD); start < i; start++) if (isWord(dict, text, start, i + 1)) return true;
  return false;
}

function isHanCodeUnit(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** A word of `len` Han characters at `i`, written again right after it. */
function doubledAt(text: string, i: number, len: number): boolean {
  for (let k = 0; k < len; k++) {
    const c = text.charCodeAt(i + k);
    if (c !== text.charCodeAt(i + len + k) || !isHanCodeUnit(c)) return false;
  }
  return true;
}

/** The doubling starting at i: a word of three to six characters, or a slip of one; undefined for none. */
function doublingAt(text: string, i: number, dict: Dictionary | undefined): Omit<Doubled, 'start'> | undefined {
  const n = text.length;
  const c = text.charCodeAt(i);
  if (c < 0x3400) return undefined;
  for (let len = MAX_WORD; len >= MIN_WORD; len--) {
    if (i + 2 * len <= n && text.charCodeAt(i + len) === c && doubledAt(text, i, len)) return { length: len };
  }
  if (text.charCodeAt(i + 1) !== c || !SLIP_CODES.has(c)) return undefined;
  const ch = text[i];
  if (PRONOUNS.has(ch) && text[i + 2] === '们') return { length: 1 };
  // Without the dictionary a doubled function word cannot be told from two words meeting: not reported.
  if (!dict || !FUNCTION_WORDS.has(ch) || explained(dict, text, i)) return undefined;
  return { length: 1, functionWord: true };
}

/** The code unit at i, -1 past the end: reads inside the text only (a read past its end slows every read). */
function unitAt(text: string, i: number): number {
  return i < text.length ? text.charCodeAt(i) : -1;
}

/**
 * Doubled words and slips, in order, never overlapping: left to right, each
 * found doubling skipped whole. Only the stretches around every third character
 * that may hold one are looked at closely: a doubled word of three to six
 * characters covers a multiple of three at which its character comes back three
 * to six places on, and a doubled character is one of the three pairs around it.
 */
function doublings(text: string, dict: Dictionary | undefined): Doubled[] {
  const found: Doubled[] = [];
  const n = text.length;
  // The characters from p - 1 to p + 6, carried from one sample to the next: three new reads a sample.
  let w0 = -1;
  let w1 = unitAt(text, 0);
  let w2 = unitAt(text, 1);
  let w3 = unitAt(text, 2);
  let w4 = unitAt(text, 3);
  let w5 = unitAt(text, 4);
  let w6 = unitAt(text, 5);
  let w7 = unitAt(text, 6);
  let next = 0; // positions before it are looked at or covered by a doubling
  for (let p = 0; p < n; p += 3) {
    if (p > 0) {
      w0 = w3;
      w1 = w4;
      w2 = w5;
      w3 = w6;
      w4 = w7;
      w5 = unitAt(text, p + 4);
      w6 = unitAt(text, p + 5);
      w7 = unitAt(text, p + 6);
    }
    const c = w1;
    const pairNear = c === w2 || w0 === c || w3 === w2;
    if (!pairNear && (c < 0x3400 || (w4 !== c && w5 !== c && w6 !== c && w7 !== c))) continue;
    for (let i = Math.max(next, p - 5); i <= p + 1 && i + 1 < n; i++) {
      const d = doublingAt(text, i, dict);
      if (d) {
        found.push({ start: i, ...d });
        i += 2 * d.length - 1;
      }
      next = i + 1;
    }
  }
  return found;
}

export const repeatedWord = {
  id: 'repeated-word',
  name: { zh: '字词重复', en: 'Repeated word' },
  description: {
    zh: '误重复的字词（如“进一步进一步”“他他们”；虚词重复如“的的”为提示），不含正常的叠词（常常、研究研究）和词典中相连成词的情况（都对对方、要对对口支援）。',
    en: 'An accidental doubled word (进一步进一步, 他他们), or a doubled function word (的的, at info level), not a legitimate reduplication (常常, 研究研究) nor two words the dictionary finds meeting (都对对方).',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'never',
  scope: 'paragraph',
  check({ text, verbatim }, { t, report }) {
    for (const { start, length, functionWord } of doublings(text, typoIndex())) {
      if (overlapsSpans(verbatim(), start, start + 2 * length)) continue;
      const word = text.slice(start, start + length);
      const span = { start: start + length, end: start + 2 * length };
      report({
        span,
        severity: functionWord ? 'info' : undefined,
        message: t('“{0}” is written twice: remove one.', word),
        fixes: [{ title: t('Remove the repeated “{0}”', word), edits: [{ ...span, newText: '' }], safe: false }],
      });
    }
  },
} as const satisfies ParagraphRule;
