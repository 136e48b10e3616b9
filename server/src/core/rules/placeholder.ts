import type { SpeechDraftConfig } from '../config/config';
import type { ParagraphRule } from './types';

// Template text never filled in. `〇〇` is left alone: it is part of years (二〇〇八年).
const BUILT_IN: RegExp[] = [
  /[*＊]+/g,
  /(?<![A-Za-z])(?:[XxＸ×]{2,})(?![A-Za-z])/g,
  /(?<![A-Za-z])[XxＸ×](?=[年月日号时])/g,
  /某某/g,
  /[〔［【（(][ \u3000]*[〕］】）)]/g,
  /□+/g,
];

/** `**bold**` and `*em*` in a Markdown draft are emphasis, not placeholders. */
const MARKDOWN_EMPHASIS = /(\*{1,3})(?=\S)[^*\n]*?\S\1/g;
const MARKDOWN_BULLET = /^[*](?=[ \t])/;

const compiled = new WeakMap<SpeechDraftConfig, RegExp[]>();

function userPatterns(config: SpeechDraftConfig): RegExp[] {
  let list = compiled.get(config);
  if (!list) {
    list = config.placeholderPatterns.flatMap((p) => {
      try {
        return [new RegExp(p, 'gu')];
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

export const placeholder: ParagraphRule = {
  id: 'placeholder',
  description: {
    zh: '模板中未填写的占位符：*、**、××、XX、某某、20XX年、X月X日、〔〕等，可在配置中增加。',
    en: 'Template text never filled in: *, **, ××, XX, 某某, 20XX年, X月X日, 〔〕, and configured patterns.',
  },
  defaultSeverity: 'warning',
  fixable: false,
  scope: 'paragraph',
  check({ text, format }, { t, report, config }) {
    const skip: Array<[number, number]> = [];
    if (format === 'markdown') {
      skip.push(...spans(MARKDOWN_EMPHASIS, text));
      if (MARKDOWN_BULLET.test(text)) skip.push([0, 1]);
    }
    const found: Array<[number, number]> = [];
    for (const re of [...BUILT_IN, ...userPatterns(config)]) {
      for (const [s, e] of spans(re, text)) {
        if (skip.some(([a, b]) => s >= a && e <= b)) continue;
        if (found.some(([a, b]) => s < b && a < e)) continue; // one finding per stretch
        found.push([s, e]);
      }
    }
    found.sort((a, b) => a[0] - b[0]);
    for (const [start, end] of found) {
      report({ span: { start, end }, message: t('Placeholder “{0}” was never filled in.', text.slice(start, end)) });
    }
  },
};
