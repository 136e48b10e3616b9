import type { SpeechDraftConfig } from '../config/config';
import { isChineseChar, isSpace } from '../text/chars';
import { userPatterns } from '../config/patterns';
import { TakenSpans } from '../text/spans';
import { WordList } from '../text/wordList';
import type { Trigger } from '../triggers';
import type { ParagraphRule } from './types';

export interface PlaceholderPattern {
  /** A built-in pattern (a JavaScript one: written here, known to be quick). */
  re?: RegExp;
  /** A configured pattern's matches. */
  spans?: (text: string) => Array<[number, number]>;
  /** A quick test the text must pass before the (slower, look-behind) pattern runs. */
  hint?: RegExp;
  /** Only where Chinese text is next to it: `3*4` and `__init__` are not placeholders. */
  chineseOnly?: boolean;
}

// Template text never filled in.
export const BUILT_IN_PLACEHOLDERS: readonly PlaceholderPattern[] = [
  { re: /[*＊]+/g, chineseOnly: true },
  // XX市, 20XX年, ××同志; not XXL, nor the Roman numeral in `Super Bowl XX`.
  { re: /(?<![A-Za-z][ ]?)[XxＸ×]{2,}(?![A-Za-z])/g, hint: /[XxＸ×]{2}/ },
  // X月X日, 202X年, X个, X亿元, 第X条; not X光, X射线, Xbox, 3×4.
  { re: /(?<![A-Za-z])[XxＸ×](?=[年月日号时个项家名人次条万亿元届期批])|(?<=第)[XxＸ×](?![A-Za-z])/g, hint: /[XxＸ×]/ },
  // One character of a Chinese word masked: 镇X委书记, 驻X单位; not X光 or X射线, nor 长×宽.
  { re: /(?<=[\u4e00-\u9fff])(?:[XxＸ](?!光|射线|线|型|形|轴|染色体)|(?<![长宽])×(?![宽高]))(?=[\u4e00-\u9fff])/g, hint: /[XxＸ×]/ },
  { re: /某某/g },
  // 〇〇 or ○○ alone; in 二〇〇八年 and 二○○○年 they are part of a year (word-usage reports ○ for 〇).
  { re: /(?<![〇○零一二三四五六七八九十百千])[〇○]{2,}(?![〇○零一二三四五六七八九十百千万亿年])/g, hint: /[〇○]{2}/ },
  { re: /□+/g },
  // Blanks: 县__召开, ______.
  { re: /_{2,}|＿{2,}/g, chineseOnly: true },
  // A date never filled in: 20  年, 年  月  日, 5月  日.
  { re: /(?:(?:19|20)[ \u3000]{2,})?年[ \u3000]+月(?:[ \u3000]+日)?|(?:19|20)[ \u3000]{2,}年|月[ \u3000]+日/g, hint: /[年月][ \u3000]|[ \u3000]年/ },
  // Brackets, quotation marks and 书名号 with nothing inside; not print() in Latin text.
  { re: /〔[ \u3000]*〕|［[ \u3000]*］|【[ \u3000]*】|（[ \u3000]*）|(?<![A-Za-z0-9_\]])\([ \u3000]*\)|《[ \u3000]*》|“[ \u3000]*”/g },
];

/** What every built-in pattern needs: paragraphs without any of it are not looked at. */
const BUILT_IN_TRIGGER: Trigger = new WordList([
  ...'*＊XxＸ×〇□○_＿',
  '某某',
  // A blank date: 年  月, 月  日, 20  年.
  ...['年', '月', ' ', '\u3000'].flatMap((a) => [' ', '\u3000'].map((b) => a + b)),
  // An opening mark before its closing one or a space: `（）`, `（ ）`.
  ...[...'〔［【（(《“'].flatMap((open) => [...'〕］】）)》” \u3000'].map((next) => open + next)),
]);

/** `**bold**`, `*em*` and `__bold__` in a Markdown draft are emphasis, not placeholders (`县__召开` is not: `_` inside a word never is). */
export const MARKDOWN_EMPHASIS = /(\*{1,3})(?=\S)[^*\n]*?\S\1|(?<![\p{L}\p{N}])(_{1,3})(?=\S)[^_\n]*?\S\2(?![\p{L}\p{N}])/gu;
/** `* item` opening a paragraph or line is a bullet. */
export const BULLET = /(?<=^|\n)[ \t]*[*＊](?=[ \t])/g;
const STAR = /[*＊]/;

const compiled = new WeakMap<SpeechDraftConfig, PlaceholderPattern[]>();

/** The configured patterns, on the linear engine (one that cannot be compiled was reported when the config was read). */
function userPatternsOf(config: SpeechDraftConfig): PlaceholderPattern[] {
  let list = compiled.get(config);
  if (!list) compiled.set(config, (list = userPatterns(config.placeholderPatterns).map((u) => ({ spans: (text: string) => u.spans(text).map((s) => [s.start, s.end]) }))));
  return list;
}

function spans(re: RegExp, text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** The nearest non-space character before `start` or after `end` is Chinese (surrogate pairs read whole). */
function nextToChinese(text: string, start: number, end: number): boolean {
  let i = start;
  while (i > 0 && isSpace(text[i - 1])) i--;
  let j = end;
  while (j < text.length && isSpace(text[j])) j++;
  const before = i > 0 ? String.fromCodePoint(text.codePointAt(/[\udc00-\udfff]/.test(text[i - 1]) && i > 1 ? i - 2 : i - 1)!) : undefined;
  const after = j < text.length ? String.fromCodePoint(text.codePointAt(j)!) : undefined;
  return isChineseChar(before) || isChineseChar(after);
}

export const placeholder = {
  id: 'placeholder',
  name: { zh: '占位符', en: 'Placeholder' },
  description: {
    zh: '模板中未填写的占位符：*、**、××、XX、某某、20XX年、X月X日、镇X委、〔〕、□、__、“年  月  日”、空括号等，可在配置中增加。',
    en: 'Template text never filled in: *, **, ××, XX, 某某, 20XX年, X月X日, 镇X委, 〔〕, □, __, blank dates (年  月  日), empty brackets, and configured patterns.',
  },
  defaultSeverity: 'warning',
  fixes: 'none',
  blocksExport: 'always',
  scope: 'paragraph',
  // Configured patterns can match anything.
  trigger: (config) => (config.placeholderPatterns.length ? undefined : BUILT_IN_TRIGGER),
  check({ text, format, verbatim }, { t, report, config }) {
    const skip: Array<[number, number]> = STAR.test(text) ? spans(BULLET, text) : [];
    if (format === 'markdown') for (const s of spans(MARKDOWN_EMPHASIS, text)) skip.push(s);
    // Code, markup, addresses and download-site residue are not the template's text.
    for (const s of verbatim()) skip.push([s.start, s.end]);
    const skipped = containment(skip);
    const found = new TakenSpans(); // the first pattern to match a stretch takes it
    for (const { re, spans: userSpans, hint, chineseOnly } of [...BUILT_IN_PLACEHOLDERS, ...userPatternsOf(config)]) {
      if (hint && !hint.test(text)) continue;
      found.beginPass();
      for (const [s, e] of re ? spans(re, text) : userSpans!(text)) {
        if (skipped(s, e) || found.overlaps(s, e)) continue;
        if (chineseOnly && !nextToChinese(text, s, e)) continue;
        found.take({ start: s, end: e });
      }
    }
    for (const span of found.all()) {
      report({ span, message: t('Placeholder “{0}” was never filled in.', text.slice(span.start, span.end)) });
    }
  },
} as const satisfies ParagraphRule;

/** Tells whether a stretch lies inside one of `spans`: a binary search over them, sorted by start with the furthest end so far. */
function containment(spans: Array<[number, number]>): (s: number, e: number) => boolean {
  if (spans.length === 0) return () => false;
  spans.sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  for (const [, b] of spans) reach.push(Math.max(b, reach[reach.length - 1] ?? b));
  return (s, e) => {
    let lo = 0;
    let hi = spans.length - 1;
    let last = -1; // the last span starting at or before s
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] <= s) {
        last = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return last >= 0 && reach[last] >= e;
  };
}
