import { isChineseChar, isSpace } from '../text/chars';
import { inSpans, urlSpans } from '../text/urls';
import type { ParagraphRule } from './types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const DIGIT = /[0-9]/;
const LATIN = /[A-Za-z]/;
const TWO_WORDS = /[A-Za-z]+[ ,]+[A-Za-z]+/;

/** The mark ends a stretch of English with two words or more (`Hello, world!`), not a token like `GDP,`. */
function inLatinSentence(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && !isChineseChar(text[j]) && i - j < 200) j--;
  return TWO_WORDS.test(text.slice(j + 1, i));
}

function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (j >= 0 && j < text.length && (isSpace(text[j]) || text[j] === '\n' || text[j] === '\r')) j += step;
  if (j < 0 || j >= text.length) return undefined;
  const code = text.charCodeAt(j);
  // Read a whole surrogate pair so that 𠀀 counts as Chinese.
  if (step === -1 && code >= 0xdc00 && code <= 0xdfff && j > 0) return text.slice(j - 1, j + 1);
  if (step === 1 && code >= 0xd800 && code <= 0xdbff) return text.slice(j, j + 2);
  return text[j];
}

/** GB/T 15834: Chinese text takes full-width marks. */
export const punctuationWidth: ParagraphRule = {
  id: 'punctuation-width',
  description: {
    zh: '中文语境中使用了半角标点（, : ; ? ! ( ) 和直引号）。数字、英文和网址中的标点不报告。',
    en: 'Half-width , : ; ? ! ( ) or straight quotes in Chinese text; numbers, Latin text and URLs keep theirs.',
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'paragraph',
  check({ text, markers }, { t, report }) {
    let urls: ReturnType<typeof urlSpans> | undefined;
    let doubleQuotes = 0;
    let singleQuotes = 0;
    const parens: boolean[] = []; // for each open `(`: was it reported?
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      const straight = ch === '"' || ch === "'";
      if (!(ch in FULL) && !straight) continue;
      urls ??= urlSpans(text);
      if (inSpans(urls, i) || markers.some((m) => i >= m.start && i < m.end)) {
        if (ch === '(') parens.push(false);
        if (ch === ')') parens.pop();
        continue;
      }
      const before = neighbour(text, i, -1);
      const after = neighbour(text, i, 1);
      const chinese = isChineseChar(before) || isChineseChar(after);
      let full: string;
      let wrong: boolean;
      if (straight) {
        // An apostrophe inside a Latin word (don't) is not a quotation mark.
        if (ch === "'" && before && after && LATIN.test(before) && LATIN.test(after)) continue;
        // Alternate opening and closing marks within the paragraph.
        const n = ch === '"' ? doubleQuotes++ : singleQuotes++;
        full = ch === '"' ? (n % 2 ? '”' : '“') : n % 2 ? '’' : '‘';
        wrong = chinese;
      } else if (ch === '(') {
        full = FULL[ch];
        wrong = chinese;
        parens.push(wrong);
      } else if (ch === ')') {
        full = FULL[ch];
        // A closing bracket goes the way of its opening one.
        wrong = (parens.pop() ?? false) || chinese;
      } else {
        full = FULL[ch];
        if ((ch === ',' || ch === ':') && before && after && DIGIT.test(before) && DIGIT.test(after)) continue; // 1,000 · 10:30
        wrong = isChineseChar(before) || (isChineseChar(after) && !inLatinSentence(text, i));
      }
      if (!wrong) continue;
      report({
        span: { start: i, end: i + 1 },
        message: t('Half-width “{0}” in Chinese text: use “{1}”.', ch, full),
        fixes: [{ title: t('Write “{0}”', full), edits: [{ start: i, end: i + 1, newText: full }], safe: true }],
      });
    }
  },
};
