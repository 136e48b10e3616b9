import { isChineseChar, isHan, isHanCode } from '../text/chars';
import { mergeSpans } from '../text/verbatim';
import { collect, DECIDED_MARKS, decide, isBlank, proseView } from '../text/widthDecision';
import { WordList } from '../text/wordList';
import type { ParagraphRule } from './types';

/** Every mark this rule looks at: the paragraphs it checks hold one. */
const CANDIDATE_LIST = new WordList([...DECIDED_MARKS, '.', '「', '」', '『', '』', '●', '•', '・', '‧', '∙']);
const DIGIT = /[0-9]/;
const LATIN = /[A-Za-z]/;
/** Marks that close a quotation or a bracket, after which a full stop may stand. */
const CLOSERS = '"\')]”’）」』》';
/** Abbreviations keep their dot: `etc.`, `Inc.`, `No.`. */
const ABBREVIATIONS = new Set(['etc', 'vs', 'inc', 'ltd', 'co', 'corp', 'no', 'st', 'mr', 'mrs', 'ms', 'dr', 'jr', 'sr', 'approx', 'dept', 'fig', 'vol', 'pp']);
/** Lookalikes of the 间隔号 `·` between Chinese characters. */
const INTERPUNCT_LOOKALIKES = new Set(Array.from('●•・‧∙'));
/** Characters of Traditional Chinese only: a paragraph full of them writes 「」 by its own norm. */
const TRADITIONAL = new Set(Array.from('們說這個為國來時會對過學麼還從發後於與進無當現開經關問題機動長點區實種義體應產業頭間見聽讓認識話記師東車門馬電錢書聯軍報農華計劃單議員導質傳級標準歷態費總萬億團織組'));

/** The view with the decided marks written full-width. */
function withTurned(view: string, turned: ReadonlyMap<number, string>): string {
  if (turned.size === 0) return view;
  const chars = view.split('');
  for (const [i, full] of turned) chars[i] = full;
  return chars.join('');
}

/** The nearest character before `i` that is not blank, read whole. */
function nonBlankBefore(view: string, i: number): string | undefined {
  let j = i;
  while (j > 0 && isBlank(view[j - 1])) j--;
  if (j === 0) return undefined;
  const c = view.charCodeAt(j - 1);
  return c >= 0xdc00 && c <= 0xdfff && j >= 2 ? view.slice(j - 2, j) : view[j - 1];
}

/** Latin text before `i` back to the nearest Chinese character, or undefined if none comes within 200 code units. */
function latinRun(view: string, i: number): string | undefined {
  for (let j = i; j > 0 && i - j < 200; j--) if (isChineseChar(view[j - 1])) return view.slice(j, i);
  return undefined;
}

interface Rewrite {
  start: number;
  end: number;
  full: string;
  /** No fix: the right mark is not clear. */
  unclear?: boolean;
  /** The message, when not the plain one for a half-width mark. */
  why?: 'corner' | 'interpunct';
}

/**
 * Full stops (`稳中有进.下半年`) and ellipses (`中文...`) after Chinese, read in
 * the view with the other marks turned. A dot stays after a digit (3.14, 2.5万,
 * the list number 1.), in abbreviations (U.S., etc.), file names and addresses
 * (讲话.docx, a.cn: a Latin letter follows), and where it closes English text
 * (several words, not all of them capitalised names).
 */
/** `text`: the paragraph as typed (the view has its verbatim stretches blanked). */
function stops(view: string, text: string): Rewrite[] {
  const out: Rewrite[] = [];
  for (let s = view.indexOf('.'); s >= 0; s = view.indexOf('.', s + 1)) {
    let e = s;
    while (view[e] === '.') e++;
    const before = nonBlankBefore(view, s);
    if (e - s >= 3) {
      if (isChineseChar(before)) out.push({ start: s, end: e, full: '……' });
      s = e;
      continue;
    }
    if (e - s > 1) {
      s = e;
      continue;
    }
    const next = view[s + 1];
    if (next !== undefined && !isBlank(next) && !isChineseChar(next) && !CLOSERS.includes(next)) continue;
    // After a digit as typed (a URL's last one too) a dot is a decimal point or a list number (`1.`): never turned.
    if (DIGIT.test(text[s - 1] ?? '')) continue;
    const prev = view[s - 1];
    if (isChineseChar(before) && !DIGIT.test(prev ?? '') && !LATIN.test(prev ?? '')) {
      out.push({ start: s, end: s + 1, full: '。' });
      continue;
    }
    if (!/[A-Za-z%]/.test(prev ?? '')) continue;
    let w = s;
    while (w > 0 && /[A-Za-z0-9.%_-]/.test(view[w - 1])) w--;
    const word = view.slice(w, s);
    if (word.includes('.') || ABBREVIATIONS.has(word.toLowerCase())) continue;
    const run = latinRun(view, s);
    // A Latin word or name in a Chinese sentence (换成AirPods Pro.) takes 。; English text keeps its own marks (It's fine.).
    const words = run?.trim().split(/\s+/) ?? [];
    if (run === undefined || /[,;:!?']/.test(run) || words.length > 3 || (words.length > 1 && !words.every((w) => /[A-Z0-9]/.test(w)))) continue;
    out.push({ start: s, end: s + 1, full: '。' });
  }
  return out;
}

/** A paragraph of Traditional Chinese, where 「」 and 『』 are the norm. */
function traditional(view: string): boolean {
  let han = 0;
  let trad = 0;
  for (const ch of view) {
    if (!isHanCode(ch.codePointAt(0)!)) continue;
    han++;
    if (TRADITIONAL.has(ch)) trad++;
  }
  return trad >= 3 && trad >= han * 0.15;
}

/**
 * Corner quotation marks in simplified text (GB/T 15834 writes “” and ‘’):
 * a pair turns into “” (‘’ inside another quotation); a mark without its
 * partner is reported without a fix.
 */
function corners(view: string): Rewrite[] {
  if (!/[「」『』]/.test(view) || traditional(view)) return [];
  const out: Rewrite[] = [];
  const stack: Array<{ at: number; ch: string; inner: boolean }> = [];
  for (let i = 0; i < view.length; i++) {
    const ch = view[i];
    if (ch === '「' || ch === '『' || ch === '“' || ch === '‘') {
      stack.push({ at: i, ch, inner: stack.length > 0 });
    } else if (ch === '」' || ch === '』' || ch === '”' || ch === '’') {
      const opener = { '」': '「', '』': '『', '”': '“', '’': '‘' }[ch];
      let k = stack.length - 1;
      while (k >= 0 && stack[k].ch !== opener) k--;
      const o = k >= 0 ? stack.splice(k)[0] : undefined;
      if (ch === '」' || ch === '』') {
        if (!o) out.push({ start: i, end: i + 1, full: ch === '」' ? '”' : '’', unclear: true, why: 'corner' });
        else {
          const [open, close] = o.inner ? ['‘', '’'] : ['“', '”'];
          out.push({ start: o.at, end: o.at + 1, full: open, why: 'corner' }, { start: i, end: i + 1, full: close, why: 'corner' });
        }
      }
    }
  }
  for (const o of stack) if (o.ch === '「' || o.ch === '『') out.push({ start: o.at, end: o.at + 1, full: o.ch === '「' ? '“' : '‘', unclear: true, why: 'corner' });
  return out;
}

/** `中●文`: a bullet or a katakana dot between Chinese characters stands for the 间隔号 `·`. */
function interpuncts(view: string): Rewrite[] {
  const out: Rewrite[] = [];
  for (let i = 1; i + 1 < view.length; i++) {
    if (INTERPUNCT_LOOKALIKES.has(view[i]) && isHan(view[i - 1]) && isHan(view[i + 1])) out.push({ start: i, end: i + 1, full: '·', why: 'interpunct' });
  }
  return out;
}

/** GB/T 15834: Chinese text takes full-width marks. */
export const punctuationWidth = {
  id: 'punctuation-width',
  name: { zh: '全角标点', en: 'Full-width punctuation' },
  description: {
    zh: '中文语境中使用了半角标点（, . : ; ? ! ( ) [ ] ... 和直引号）、直角引号「」『』或“●”之类的间隔号。数字、英文、网址、代码和序号中的标点不报告。',
    en: 'Half-width , . : ; ? ! ( ) [ ] ... or straight quotes in Chinese text, corner quotes 「」『』, and lookalikes of the interpunct ·; numbers, Latin text, addresses, code and list markers keep theirs.',
  },
  defaultSeverity: 'warning',
  fixes: 'safe',
  blocksExport: 'never',
  scope: 'paragraph',
  trigger: () => CANDIDATE_LIST,
  check({ text, markers, verbatim }, { t, report }) {
    const skipped = mergeSpans([...verbatim(), ...markers.map((m) => ({ start: m.start, end: m.end }))]);
    const view = proseView(text, skipped);
    const { single, pairs, unclear } = collect(view, text);
    let turned = decide(view, single, pairs);
    let dots = view.includes('.') ? stops(withTurned(view, turned), text) : [];
    if (dots.length) {
      // A full stop turned is Chinese text for the marks around it.
      const withDots = view.split('');
      for (const d of dots) for (let i = d.start; i < d.end; i++) withDots[i] = '。';
      turned = decide(withDots.join(''), single, pairs);
      dots = stops(withTurned(view, turned), text);
    }
    const rewrites: Rewrite[] = [
      ...[...turned].map(([i, full]): Rewrite => ({ start: i, end: i + 1, full, unclear: unclear.has(i) })),
      ...dots,
      ...corners(view),
      ...interpuncts(view),
    ].sort((a, b) => a.start - b.start);
    for (const { start, end, full, unclear: noFix, why } of rewrites) {
      const mark = text.slice(start, end);
      const message =
        why === 'corner'
          ? t('Corner quotation mark “{0}” in simplified Chinese: use “{1}”.', mark, full)
          : why === 'interpunct'
            ? t('“{0}” between Chinese characters stands for the interpunct: use “{1}”.', mark, full)
            : noFix
              ? t('Straight quotation mark “{0}” in Chinese text: which of “” it stands for is not clear, as the paragraph holds an odd number of them.', mark)
              : t('Half-width “{0}” in Chinese text: use “{1}”.', mark, full);
      report({
        span: { start, end },
        message,
        fixes: noFix ? undefined : [{ title: t('Write “{0}”', full), edits: [{ start, end, newText: full }], safe: true }],
      });
    }
  },
} as const satisfies ParagraphRule;
