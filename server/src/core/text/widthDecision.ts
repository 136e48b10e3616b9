// Which half-width marks of a paragraph are in Chinese text, and so turn into
// their full-width twins: the decision of punctuation-width, given the
// paragraph as the rule reads it (its verbatim stretches blanked) and the marks
// that may turn (single marks, and the pairs that turn together).

import { isChineseChar, isHan, isHanCode, isSpace } from './chars';
import type { Span } from '../types';

export const FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
/** The half-width marks the decision looks at; the others are looked through as they turn full-width too (in `'好的',` the comma follows 的). */
export const DECIDED_MARKS = ',:;?!()"\'[]';

/** The character (a whole surrogate pair) ending at `end`, or starting at `start`. */
export function charEndingAt(text: string, end: number): string {
  const code = text.charCodeAt(end - 1);
  return code >= 0xdc00 && code <= 0xdfff && end >= 2 ? text.slice(end - 2, end) : text[end - 1];
}
export function charAt(text: string, start: number): string {
  const code = text.charCodeAt(start);
  return code >= 0xd800 && code <= 0xdbff ? text.slice(start, start + 2) : text[start];
}

export const blank = (ch: string) => isSpace(ch) || ch === '\n' || ch === '\r';

/** The other half-width marks are looked through, as they turn full-width too: in `'好的',` the comma follows 的. */
export const SEE_THROUGH: ReadonlySet<string> = new Set(Array.from(DECIDED_MARKS));

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
/** The text looked through when a mark's neighbours are sought: spaces, and the half-width marks still as typed. */
const seenThrough = (ch: string) => blank(ch) || SEE_THROUGH.has(ch);

/**
 * The stretch of non-Chinese text right before position i in the text as
 * typed: `Hello, world` in `他说Hello, world!`, at most 200 code units.
 * `from`: where it starts; `chineseBefore`: a Chinese character ends there.
 */
function latinRunBefore(text: string, i: number): { from: number; chineseBefore: boolean } {
  let j = i;
  while (j > 0 && i - j < 200) {
    const ch = charEndingAt(text, j);
    if (isChineseChar(ch)) return { from: j, chineseBefore: true };
    j -= ch.length;
  }
  return { from: j, chineseBefore: false };
}

/** Opening and closing twins of the marks that pair. */
export const TWINS: Record<string, [string, string]> = { '(': ['（', '）'], '[': ['［', '］'], '"': ['“', '”'], "'": ['‘', '’'] };

/** A bracket or quotation pair: its opening mark, and its closing one if it has one. */
export interface Pair {
  open: number;
  close?: number;
}

const CANDIDATES = /[,:;?!()"'[\]]/g;
const DIGIT = /[0-9]/;
const LATIN = /[A-Za-z]/;
const WORD_CHAR = /[A-Za-z0-9_]/;
/** `1)` or `a)` opening a paragraph or sentence: a list number, not a bracket. */
const LIST_NUMBER_BEFORE = /(?:^|[。；！？;!?\s])(?:[0-9]{1,2}|[A-Za-z])$/;

export const isBlank = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0' || ch === '\n' || ch === '\r';

/** The paragraph as the rule reads it: its verbatim stretches blanked, so that they count as space between words. */
export function proseView(text: string, skipped: readonly Span[]): string {
  if (skipped.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of skipped) {
    out += text.slice(at, s.start) + ' '.repeat(s.end - s.start);
    at = s.end;
  }
  return out + text.slice(at);
}

export interface Collected {
  single: number[];
  pairs: Pair[];
  /** Straight quotation marks whose pairing is not clear (an odd number of them in the paragraph): reported without a fix. */
  unclear: Set<number>;
}

/**
 * `Yahoo!的`, `Yes!升级`, `hello?world!`, `!important`: a `!` or `?` that is
 * part of a Latin word or name, not the end of a Chinese sentence (`用好AI?`).
 */
function partOfLatinWord(view: string, i: number): boolean {
  if (LATIN.test(view[i + 1] ?? '')) return true;
  if (!LATIN.test(view[i - 1] ?? '')) return false;
  if (i + 1 < view.length && !isBlank(view[i + 1])) return true;
  let w = i;
  while (w > 0 && /[A-Za-z0-9?!'.-]/.test(view[w - 1])) w--;
  // Marks before the word's first letter or digit end the Chinese text before it (工作!1.GDP!): not in the word.
  while (w < i && /[?!'.-]/.test(view[w])) w++;
  return /[?!]/.test(view.slice(w, i));
}

/**
 * Round brackets paired as typed whose partner lies in a stretch the rule
 * skips (a URL, a download site's text): left as typed, so that a fix never
 * leaves a pair of two widths.
 */
function tiedToSkipped(view: string, text: string): Set<number> {
  const tied = new Set<number>();
  if (view === text) return tied;
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')' && open.length) {
      const o = open.pop()!;
      const openSkipped = view[o] !== '(';
      if (openSkipped !== (view[i] !== ')')) tied.add(openSkipped ? i : o);
    }
  }
  return tied;
}

/** The marks the decision is about, each bracket and quotation mark paired. */
/** `text`: the paragraph as typed, for the Markdown syntax around brackets (the view has it blanked). */
export function collect(view: string, text = view): Collected {
  const tied = tiedToSkipped(view, text);
  const pairs: Pair[] = [];
  const single: number[] = [];
  const unclear = new Set<number>();
  const open: Pair[] = [];
  const squares: Pair[] = [];
  const quotes: Record<string, Pair | undefined> = {};
  const quoteMarks: Record<string, number[]> = { '"': [], "'": [] };
  CANDIDATES.lastIndex = 0;
  for (let m = CANDIDATES.exec(view); m; m = CANDIDATES.exec(view)) {
    const i = m.index;
    const ch = m[0];
    if (tied.has(i)) continue;
    if (ch === '(') {
      const p: Pair = { open: i };
      pairs.push(p);
      open.push(p);
    } else if (ch === ')') {
      const p = open.pop();
      if (p) p.close = i;
      else if (!LIST_NUMBER_BEFORE.test(view.slice(Math.max(0, i - 3), i))) single.push(i);
    } else if (ch === '[') {
      // `![image]`, `][ref]` are Markdown; a `[` is a bracket only as the start of one.
      if (!'![]'.includes(view[i - 1] ?? '.')) squares.push({ open: i });
    } else if (ch === ']') {
      const p = squares.pop();
      // `[text](target)`, `[text][ref]`, `[ref]: target`, `[x]`, `[^1]`: Markdown, not brackets.
      if (p && !/^[([\]:]/.test(text[i + 1] ?? '') && !/^\s*(?:[xX^]\S*)?\s*$/.test(view.slice(p.open + 1, i))) {
        p.close = i;
        pairs.push(p);
      }
    } else if (ch === '"' || ch === "'") {
      // An apostrophe inside a Latin word (don't) is not a quotation mark.
      if (ch === "'" && LATIN.test(view[i - 1] ?? '') && LATIN.test(view[i + 1] ?? '')) continue;
      quoteMarks[ch].push(i);
      const p = quotes[ch];
      if (p) {
        p.close = i;
        quotes[ch] = undefined;
      } else {
        quotes[ch] = { open: i };
        pairs.push(quotes[ch]!);
      }
    } else if ((ch === ',' || ch === ':') && DIGIT.test(view[i - 1] ?? '') && DIGIT.test(view[i + 1] ?? '')) {
      continue; // 1,000 · 10:30
    } else if ((ch === '!' || ch === '?') && partOfLatinWord(view, i)) {
      continue;
    } else {
      single.push(i);
    }
  }
  for (const ch of ['"', "'"]) if (quotes[ch]) for (const i of quoteMarks[ch]) unclear.add(i);
  // `f(x)`, `p.toString()`, `(x)a`: brackets attached to a Latin word, with no Chinese inside, are code.
  const code = new Set<Pair>();
  for (const p of pairs) {
    if (view[p.open] !== '(') continue;
    const end = p.close ?? view.length;
    const attached = WORD_CHAR.test(view[p.open - 1] ?? '') || (p.close !== undefined && WORD_CHAR.test(view[p.close + 1] ?? ''));
    if (attached && ![...view.slice(p.open + 1, end)].some(isHan)) code.add(p);
  }
  return { single, pairs: code.size ? pairs.filter((p) => !code.has(p)) : pairs, unclear };
}

/** Steps of the decision below, for the tests that count work on growing inputs. */
export const widthWork = { steps: 0 };

/**
 * Which marks turn full-width: position -> its twin, in order. A mark turned
 * full-width is Chinese text for its neighbours (`:(1,000)工作`), so the
 * decision is the smallest set closed under "this mark is in Chinese text,
 * given the marks already turned"; turning one only ever makes more marks
 * Chinese, so marks are decided from a queue and a mark is looked at again
 * only when something it depends on turned: its neighbours (the nearest
 * character that is not a space nor a mark as typed, on each side) and the
 * Latin run before it (the 200 code units back to the nearest Chinese
 * character). The nearest turned mark on either side is found in a tree
 * over the marks, a Latin run's two words from a table made in one pass: each
 * look costs log n, and a run of marks turns as a block once one of its marks
 * turns (the others then follow a Chinese mark).
 */
export function decide(text: string, single: readonly number[], pairs: readonly Pair[]): Map<number, string> {
  const n = text.length;
  // The marks that may turn, in order, each knowing its pair.
  const marks = [...single, ...pairs.flatMap((p) => (p.close === undefined ? [p.open] : [p.open, p.close]))].sort((a, b) => a - b);
  const indexAt = new Map<number, number>();
  marks.forEach((at, k) => indexAt.set(at, k));
  const pairOf: Array<Pair | undefined> = marks.map(() => undefined);
  for (const p of pairs) {
    pairOf[indexAt.get(p.open)!] = p;
    if (p.close !== undefined) pairOf[indexAt.get(p.close)!] = p;
  }
  const m = marks.length;

  // Fixed by the text as typed: each mark's nearest character that is not seen through, on each side.
  const opaqueBefore = new Int32Array(m);
  const opaqueAfter = new Int32Array(m);
  {
    let last = -1;
    let k = 0;
    for (let i = 0; i < n && k < m; i++) {
      widthWork.steps++;
      if (i === marks[k]) opaqueBefore[k++] = last;
      if (!seenThrough(text[i])) last = i;
    }
    last = n;
    k = m - 1;
    for (let i = n - 1; i >= 0 && k >= 0; i--) {
      widthWork.steps++;
      if (i === marks[k]) opaqueAfter[k--] = last;
      if (!seenThrough(text[i])) last = i;
    }
  }
  // Two Latin words (`[A-Za-z]+[ ,]+[A-Za-z]+`): per mark, where the last such pair before it starts (-1: none).
  const twoWordsFrom = new Int32Array(m).fill(-1);
  {
    const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    let lastFrom = -1;
    let runStart = -1; // start of the run of spaces and commas ending here
    let k = 0;
    for (let i = 0; i < n && k < m; i++) {
      widthWork.steps++;
      if (i === marks[k]) twoWordsFrom[k++] = lastFrom;
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x2c) {
        if (runStart < 0) runStart = i;
        continue;
      }
      if (isLetter(c) && runStart > 0 && isLetter(text.charCodeAt(runStart - 1))) lastFrom = runStart - 1;
      runStart = -1;
    }
  }
  const hanBefore = new Int32Array(n + 1); // Han characters (code points) starting before each offset
  {
    let count = 0;
    for (let i = 0; i < n; i++) {
      hanBefore[i] = count;
      const cp = text.codePointAt(i)!;
      if (isHanCode(cp)) count++;
      if (cp > 0xffff) hanBefore[++i] = count - (isHanCode(cp) ? 1 : 0);
    }
    hanBefore[n] = count;
  }
  // Each mark's Latin run in the text as typed. Without surrogates a character is a code unit, and one
  // pass finds them all (where the last Chinese character ends); otherwise each is read back as the rule reads it.
  const latinRuns: Array<{ from: number; chineseBefore: boolean } | undefined> = new Array(m);
  if (!/[\ud800-\udfff]/.test(text)) {
    let chineseEnd = -1;
    let k = 0;
    for (let i = 0; i < n && k < m; i++) {
      widthWork.steps++;
      if (i === marks[k]) {
        latinRuns[k++] = chineseEnd > Math.max(0, i - 200) ? { from: chineseEnd, chineseBefore: true } : { from: Math.max(0, i - 200), chineseBefore: false };
      }
      if (isChineseChar(text[i])) chineseEnd = i + 1;
    }
  }
  const latinRunOf = (k: number) => (latinRuns[k] ??= latinRunBefore(text, marks[k]));

  const turned = new Uint8Array(m);
  const tree = new Int32Array(m + 1); // counts of turned marks (a Fenwick tree over the marks)
  let log = 1;
  while (1 << log <= m) log++;
  const turnedBelow = (k: number) => {
    let c = 0;
    for (let i = k; i > 0; i -= i & -i, widthWork.steps++) c += tree[i];
    return c;
  };
  /** The index of the c-th turned mark (1-based). */
  const turnedNumber = (c: number) => {
    let at = 0;
    for (let b = 1 << log; b > 0; b >>= 1, widthWork.steps++) if (at + b <= m && tree[at + b] < c) c -= tree[(at += b)];
    return at;
  };
  const turnedLeftOf = (k: number) => {
    const c = turnedBelow(k);
    return c === 0 ? -1 : turnedNumber(c);
  };
  const turnedRightOf = (k: number) => {
    const c = turnedBelow(k + 1);
    return c === turnedBelow(m) ? -1 : turnedNumber(c + 1);
  };

  /** The nearest character not seen through, before or after mark k, in the text with the marks turned so far. */
  const before = (k: number): { at: number; chinese: boolean } => {
    const t = turnedLeftOf(k);
    if (t >= 0 && marks[t] > opaqueBefore[k]) return { at: marks[t], chinese: true };
    const at = opaqueBefore[k];
    return { at, chinese: at >= 0 && isChineseChar(charEndingAt(text, at + 1)) };
  };
  const after = (k: number): { at: number; chinese: boolean } => {
    const t = turnedRightOf(k);
    if (t >= 0 && marks[t] < opaqueAfter[k]) return { at: marks[t], chinese: true };
    const at = opaqueAfter[k];
    return { at, chinese: at < n && isChineseChar(charAt(text, at)) };
  };
  /** Is mark k in Chinese text, with the marks turned so far? (See `inChineseText`.) */
  const chinese = (k: number): boolean => {
    widthWork.steps++;
    if (before(k).chinese) return true;
    const i = marks[k];
    let { from, chineseBefore } = latinRunOf(k);
    // A turned mark nearer than the typed text's Chinese ends the run there (unless a lone low surrogate after it hides it).
    const t = turnedLeftOf(k);
    if (t >= 0 && marks[t] + 1 < i && isLowSurrogate(text.charCodeAt(marks[t] + 1))) {
      // A lone low surrogate after a turned mark makes the run read it as one character with it: read as the rule reads.
      ({ from, chineseBefore } = latinRunBefore(viewOf(), i));
    } else if (t >= 0 && marks[t] + 1 > (chineseBefore ? from : -1) && i - (marks[t] + 1) < 200) {
      from = marks[t] + 1;
      chineseBefore = true;
    }
    if (twoWordsFrom[k] >= from) return false;
    const a = after(k);
    return a.chinese || (a.at >= n && chineseBefore);
  };
  /** The text with the marks turned so far (only for the rare lone surrogate above). */
  const viewOf = () => {
    const view = text.split('');
    for (let k = 0; k < m; k++) if (turned[k]) view[marks[k]] = FULL[text[marks[k]]] ?? '“';
    return view.join('');
  };
  const pairIsChinese = (p: Pair): boolean =>
    chinese(indexAt.get(p.open)!) ||
    (p.close !== undefined && (hanBefore[p.close] - hanBefore[p.open + 1] > 0 || chinese(indexAt.get(p.close)!)));

  const queue: number[] = [];
  const queued = new Uint8Array(m);
  const enqueue = (k: number) => {
    if (turned[k] || queued[k]) return;
    queued[k] = 1;
    queue.push(k);
  };
  /** A Chinese character of the text as typed ends between mark i and mark k: k's Latin run stops there, whatever i does. */
  const chineseBetween = (i: number, k: number) => {
    const run = latinRunOf(k);
    return run.chineseBefore && run.from > i + 1;
  };
  /**
   * Turns mark k and its twin, and every mark after it up to the nearest
   * character not seen through (they follow a Chinese mark now), with theirs;
   * then looks again at what depends on them: the marks before, up to the
   * nearest such character, and those whose Latin run the last one cuts.
   */
  const turn = (first: number) => {
    // First everything that turns with it, block by block; then what depends on the blocks (once all have turned,
    // a walk stops at the next block instead of going over marks about to turn).
    const todo = [first];
    const blocks: Array<[number, number]> = [];
    while (todo.length) {
      const k = todo.pop()!;
      if (turned[k]) continue;
      let j = k;
      for (;;) {
        turned[j] = 1;
        for (let i = j + 1; i <= m; i += i & -i, widthWork.steps++) tree[i]++;
        const p = pairOf[j];
        if (p) for (const at of p.close === undefined ? [p.open] : [p.open, p.close]) if (!turned[indexAt.get(at)!]) todo.push(indexAt.get(at)!);
        if (j + 1 < m && !turned[j + 1] && marks[j + 1] < opaqueAfter[k]) j++;
        else break;
      }
      blocks.push([k, j]);
    }
    for (const [k, j] of blocks) {
      for (let b = k - 1; b >= 0 && marks[b] > opaqueBefore[k] && !turned[b]; b--, widthWork.steps++) enqueue(b);
      const last = marks[j];
      for (let a = j + 1; a < m && !turned[a] && marks[a] - (last + 1) < 200 && !chineseBetween(last, a); a++, widthWork.steps++) enqueue(a);
    }
  };

  for (let k = 0; k < m; k++) enqueue(k);
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q];
    queued[k] = 0;
    if (turned[k]) continue;
    const p = pairOf[k];
    if (p ? pairIsChinese(p) : chinese(k)) turn(k);
  }

  const out = new Map<number, string>();
  for (let k = 0; k < m; k++) {
    if (!turned[k]) continue;
    const i = marks[k];
    const p = pairOf[k];
    out.set(i, p ? TWINS[text[p.open]][i === p.open ? 0 : 1] : FULL[text[i]]);
  }
  return out;
}
