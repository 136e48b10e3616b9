// The rule as it was before its overlap tests were made linear (each match
// checked against every one found before): the reference the new rule must
// agree with on random text (test/core/linearRules.test.ts). Its patterns and
// what it skips are the rule's own.

import type { SpeechDraftConfig } from '../../../server/src/core/config/config';
import { isChineseChar, isSpace } from '../../../server/src/core/text/chars';
import { BULLET, BUILT_IN_PLACEHOLDERS, MARKDOWN_EMPHASIS } from '../../../server/src/core/rules/placeholder';
import type { ParagraphRule } from '../../../server/src/core/rules/types';

interface Pattern {
  re: RegExp;
  hint?: RegExp;
  chineseOnly?: boolean;
}

/** The rule's own patterns: what differs here is only how overlapping matches are told apart. */
const BUILT_IN: Pattern[] = BUILT_IN_PLACEHOLDERS.map((p) => ({ re: p.re!, hint: p.hint, chineseOnly: p.chineseOnly }));
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
  check({ text, format, verbatim }, { t, report, config }) {
    const skip: Array<[number, number]> = STAR.test(text) ? spans(BULLET, text) : [];
    if (format === 'markdown') skip.push(...spans(MARKDOWN_EMPHASIS, text));
    for (const s of verbatim()) skip.push([s.start, s.end]);
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
