// The punctuation-width rule as it was before its fixpoint was made linear
// (each pass re-read every mark, and a run of marks was scanned from each of
// them): kept as the reference the new rule must agree with on random text.

import { isChineseChar, isHan, isSpace } from '../../../server/src/core/text/chars';
import { inSpans, urlSpans } from '../../../server/src/core/text/urls';
import { WordList } from '../../../server/src/core/text/wordList';
import type { ParagraphRule } from '../../../server/src/core/rules/types';

const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const DIGIT = /[0-9]/;
/** The half-width marks this rule looks at: the paragraphs it checks hold one, and its scan jumps between them. */
const CANDIDATE_MARKS = ',:;?!()"\'';
const CANDIDATE_LIST = new WordList(CANDIDATE_MARKS);
const CANDIDATES = new RegExp(`[${CANDIDATE_MARKS}]`, 'g');
const LATIN = /[A-Za-z]/;
const TWO_WORDS = /[A-Za-z]+[ ,]+[A-Za-z]+/;
/** `1)` or `a)` opening a paragraph or sentence: a list number, not a bracket. */
const LIST_NUMBER_BEFORE = /(?:^|[。；！？;!?\s])(?:[0-9]{1,2}|[A-Za-z])$/;
/** Markdown syntax keeps its ASCII marks: inline code, and the target of a link or image. */
const MARKDOWN_SYNTAX = /`[^`\n]+`|\]\([^()\s]*\)/g;

/** The character (a whole surrogate pair) ending at `end`, or starting at `start`. */
function charEndingAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xdc00 && code <= 0xdfff && end >= 2 ? text.slice(end - 2, end) : text[end - 1];
}
function charAt(text: string, start: number): string {
  const code = text.charCodeAt(start);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(start, start + 2) : text[start];
}

const blank = (ch: string) => isSpace(ch) || ch === '\n' || ch === '\r';

/** The other half-width marks are looked through, as they turn full-width too: in `'好的',` the comma follows 的. */
const SEE_THROUGH = new Set(Array.from(CANDIDATE_MARKS));

/** The nearest character before (step -1) or after (step 1) position i that is not a space. */
function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  let j = i + step;
  while (j >= 0 && j < text.length && (blank(text[j]) || SEE_THROUGH.has(text[j]))) j += step;
  if (j < 0 || j >= text.length) return undefined;
  return step === -1 ? charEndingAt(text, j + 1) : charAt(text, j);
}

/**
 * The stretch of non-Chinese text right before position i: `Hello, world` in
 * `他说Hello, world!`. `chineseBefore` tells whether Chinese text precedes it.
 */
function latinRunBefore(text: string, i: number): { run: string; chineseBefore: boolean } {
  let j = i;
  while (j > 0 && i - j < 200) {
    const ch = charEndingAt(text, j);
    if (isChineseChar(ch)) return { run: text.slice(j, i), chineseBefore: true };
    j -= ch.length;
  }
  return { run: text.slice(j, i), chineseBefore: false };
}

/**
 * Is the mark at i in Chinese text? Its nearest neighbour before is Chinese; or
 * the one after is (or the paragraph ends) and the mark does not close a run of
 * English words (`Hello, world! 然后`), which keeps its own marks.
 */
function inChineseText(text: string, i: number): boolean {
  const before = neighbour(text, i, -1);
  if (isChineseChar(before)) return true;
  const after = neighbour(text, i, 1);
  const { run, chineseBefore } = latinRunBefore(text, i);
  if (TWO_WORDS.test(run)) return false;
  return isChineseChar(after) || (after === undefined && chineseBefore);
}

/** Opening and closing twins of the marks that pair. */
const TWINS: Record<string, [string, string]> = { '(': ['（', '）'], '"': ['“', '”'], "'": ['‘', '’'] };

interface Pair {
  open: number;
  close?: number;
}

/** GB/T 15834: Chinese text takes full-width marks. */
export const referencePunctuationWidth: ParagraphRule = {
  id: 'punctuation-width',
  description: {
    zh: '中文语境中使用了半角标点（, : ; ? ! ( ) 和直引号）。数字、英文、网址和序号中的标点不报告。',
    en: 'Half-width , : ; ? ! ( ) or straight quotes in Chinese text; numbers, Latin text, URLs and list markers keep theirs.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'paragraph',
  trigger: () => CANDIDATE_LIST,
  check({ text, markers, format }, { t, report }) {
    const skipped = urlSpans(text);
    for (const m of markers) skipped.push({ start: m.start, end: m.end });
    if (format === 'markdown') {
      MARKDOWN_SYNTAX.lastIndex = 0;
      for (let m = MARKDOWN_SYNTAX.exec(text); m; m = MARKDOWN_SYNTAX.exec(text)) {
        skipped.push({ start: m.index + (m[0][0] === ']' ? 1 : 0), end: m.index + m[0].length });
      }
    }

    // Brackets and quotation marks change as a pair, so that a fix never leaves `（…)`.
    const pairs: Pair[] = [];
    const open: Pair[] = [];
    const quotes: Record<string, Pair | undefined> = {};
    const single: number[] = [];
    const candidates = CANDIDATES; // nothing called in the scan uses it
    candidates.lastIndex = 0;
    for (let m = candidates.exec(text); m; m = candidates.exec(text)) {
      const i = m.index;
      const ch = m[0];
      if (inSpans(skipped, i)) continue;
      if (ch === '(') {
        const p: Pair = { open: i };
        pairs.push(p);
        open.push(p);
      } else if (ch === ')') {
        const p = open.pop();
        if (p) p.close = i;
        else if (!LIST_NUMBER_BEFORE.test(text.slice(Math.max(0, i - 3), i))) single.push(i);
      } else if (ch === '"' || ch === "'") {
        // An apostrophe inside a Latin word (don't) is not a quotation mark.
        if (ch === "'" && LATIN.test(text[i - 1] ?? '') && LATIN.test(text[i + 1] ?? '')) continue;
        const p = quotes[ch];
        if (p) {
          p.close = i;
          quotes[ch] = undefined;
        } else {
          quotes[ch] = { open: i };
          pairs.push(quotes[ch]!);
        }
      } else if ((ch === ',' || ch === ':') && DIGIT.test(text[i - 1] ?? '') && DIGIT.test(text[i + 1] ?? '')) {
        continue; // 1,000 · 10:30
      } else {
        single.push(i);
      }
    }

    // Position -> its full-width twin. A mark turned full-width is Chinese text
    // for its neighbours (`:(1,000)工作`): decide again until nothing changes,
    // so that a second run of the fixes finds nothing.
    const wrong = new Map<number, string>();
    const view = text.split('');
    const turn = (i: number, full: string) => {
      wrong.set(i, full);
      view[i] = full;
    };
    for (let changed = true; changed; ) {
      changed = false;
      const now = view.join('');
      for (const i of single) {
        if (wrong.has(i) || !inChineseText(now, i)) continue;
        turn(i, FULL[text[i]]);
        changed = true;
      }
      for (const p of pairs) {
        if (wrong.has(p.open)) continue;
        const chinese =
          inChineseText(now, p.open) ||
          (p.close !== undefined && ([...text.slice(p.open + 1, p.close)].some(isHan) || inChineseText(now, p.close)));
        if (!chinese) continue;
        const [opening, closing] = TWINS[text[p.open]];
        turn(p.open, opening);
        if (p.close !== undefined) turn(p.close, closing);
        changed = true;
      }
    }

    for (const [i, full] of [...wrong].sort((a, b) => a[0] - b[0])) {
      const ch = text[i];
      report({
        span: { start: i, end: i + 1 },
        message: t('Half-width “{0}” in Chinese text: use “{1}”.', ch, full),
        fixes: [{ title: t('Write “{0}”', full), edits: [{ start: i, end: i + 1, newText: full }], safe: true }],
      });
    }
  },
};
