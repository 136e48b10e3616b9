// The rule as it was before its overlap tests were made linear: the reference
// the new rule must agree with on random text (test/core/linearRules.test.ts).

import type { SpeechDraftConfig } from '../../../server/src/core/config/config';
import { isChineseChar, isSpace } from '../../../server/src/core/text/chars';
import { WordList } from '../../../server/src/core/text/wordList';
import type { Trigger } from '../../../server/src/core/triggers';
import type { ParagraphRule } from '../../../server/src/core/rules/types';

interface Pattern {
  re: RegExp;
  /** A quick test the text must pass before the (slower, look-behind) pattern runs. */
  hint?: RegExp;
  /** Only where Chinese text is next to it: `3*4` and `__init__` are not placeholders. */
  chineseOnly?: boolean;
}

// Template text never filled in.
const BUILT_IN: Pattern[] = [
  { re: /[*＊]+/g, chineseOnly: true },
  // XX市, 20XX年, ××同志; not XXL, nor the Roman numeral in `Super Bowl XX`.
  { re: /(?<![A-Za-z][ ]?)[XxＸ×]{2,}(?![A-Za-z])/g, hint: /[XxＸ×]{2}/ },
  // X月X日, 202X年, X个, X亿元, 第X条; not X光, X射线, Xbox, 3×4.
  { re: /(?<![A-Za-z])[XxＸ×](?=[年月日号时个项家名人次条万亿元届期批])|(?<=第)[XxＸ×](?![A-Za-z])/g, hint: /[XxＸ×]/ },
  { re: /某某/g },
  // 〇〇 alone; in 二〇〇八年 it is part of a year.
  { re: /(?<![〇零一二三四五六七八九十百千])〇{2,}(?![〇零一二三四五六七八九十百千万亿年])/g, hint: /〇〇/ },
  { re: /[□○]{2,}|□/g },
  { re: /_{3,}|＿{2,}/g, chineseOnly: true },
  // Brackets, quotation marks and 书名号 with nothing inside; not print() in Latin text.
  { re: /〔[ \u3000]*〕|［[ \u3000]*］|【[ \u3000]*】|（[ \u3000]*）|(?<![A-Za-z0-9_\]])\([ \u3000]*\)|《[ \u3000]*》|“[ \u3000]*”/g },
];

/** What every built-in pattern needs: paragraphs without any of it are not looked at. */
const BUILT_IN_TRIGGER: Trigger = new WordList([
  ...'*＊XxＸ×〇□○_＿',
  '某某',
  // An opening mark before its closing one or a space: `（）`, `（ ）`.
  ...[...'〔［【（(《“'].flatMap((open) => [...'〕］】）)》” \u3000'].map((next) => open + next)),
]);

/** `**bold**` and `*em*` in a Markdown draft are emphasis, not placeholders. */
const MARKDOWN_EMPHASIS = /(\*{1,3})(?=\S)[^*\n]*?\S\1/g;
/** `* item` opening a paragraph or line is a bullet. */
const BULLET = /(?<=^|\n)[ \t]*[*＊](?=[ \t])/g;
const STAR = /[*＊]/;

const compiled = new WeakMap<SpeechDraftConfig, Pattern[]>();

/** The configured patterns, compiled once per config (they were checked for safety when it was read). */
function userPatterns(config: SpeechDraftConfig): Pattern[] {
  let list = compiled.get(config);
  if (!list) {
    list = config.placeholderPatterns.flatMap((p) => {
      try {
        return [{ re: new RegExp(p, 'gu') }];
      } catch {
        return []; // refused with a message when the config was read
      }
    });
    compiled.set(config, list);
  }
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

export const referencePlaceholder: ParagraphRule = {
  id: 'placeholder',
  description: {
    zh: '模板中未填写的占位符：*、**、××、XX、某某、20XX年、X月X日、〔〕、□、空括号等，可在配置中增加。',
    en: 'Template text never filled in: *, **, ××, XX, 某某, 20XX年, X月X日, 〔〕, □, empty brackets, and configured patterns.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'paragraph',
  // Configured patterns can match anything.
  trigger: (config) => (config.placeholderPatterns.length ? undefined : BUILT_IN_TRIGGER),
  check({ text, format }, { t, report, config }) {
    const skip: Array<[number, number]> = STAR.test(text) ? spans(BULLET, text) : [];
    if (format === 'markdown') skip.push(...spans(MARKDOWN_EMPHASIS, text), ...spans(/\]\([^()\s]*\)/g, text));
    const found: Array<[number, number]> = [];
    for (const { re, hint, chineseOnly } of [...BUILT_IN, ...userPatterns(config)]) {
      if (hint && !hint.test(text)) continue;
      for (const [s, e] of spans(re, text)) {
        if (skip.some(([a, b]) => s >= a && e <= b)) continue;
        if (found.some(([a, b]) => s < b && a < e)) continue; // one finding per stretch
        if (chineseOnly && !nextToChinese(text, s, e)) continue;
        found.push([s, e]);
      }
    }
    found.sort((a, b) => a[0] - b[0]);
    for (const [start, end] of found) {
      report({ span: { start, end }, message: t('Placeholder “{0}” was never filled in.', text.slice(start, end)) });
    }
  },
};
