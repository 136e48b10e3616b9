import { overlapsSpans } from '../text/verbatim';
import { WordList } from '../text/wordList';
import type { ParagraphRule } from './types';

// `……` and `——` are single marks written double; a question mark with an
// exclamation mark (`？！`) is allowed by GB/T 15834. Any other run of two or
// more of these marks is a slip.
const MARKS = '，、；：。？！';
const RUN = new RegExp(`[${MARKS}]{2,}`, 'g');
const TWO_MARKS = new WordList([...MARKS].flatMap((a) => [...MARKS].map((b) => a + b)));
const ALLOWED = new Set(['？！', '！？']);
// The mark to keep when they differ: the one that ends more.
const STRENGTH = '、，：；。？！';

export const punctuationRepeat = {
  id: 'punctuation-repeat',
  name: { zh: '标点重复', en: 'Doubled punctuation' },
  description: {
    zh: '标点重复或连用，如“，，”“。。”“，。”“、、”“？。”（“……”“——”“？！”是规范写法）。',
    en: 'Doubled or stacked marks such as ，， 。。 ，。 、、 ？。 (…… —— and ？！ are correct).',
  },
  defaultSeverity: 'warning',
  fixes: 'safe',
  blocksExport: 'never',
  scope: 'paragraph',
  trigger: () => TWO_MARKS,
  check({ text, verbatim }, { t, report }) {
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
      const run = m[0];
      if (ALLOWED.has(run) || overlapsSpans(verbatim(), m.index, m.index + run.length)) continue;
      const span = { start: m.index, end: m.index + run.length };
      // `。。。` stands for an ellipsis.
      const ellipsis = /^。{3,}$/.test(run);
      const keep = ellipsis ? '……' : [...run].reduce((a, b) => (STRENGTH.indexOf(b) > STRENGTH.indexOf(a) ? b : a));
      report({
        span,
        message: ellipsis ? t('“{0}” stands for an ellipsis: write “……”.', run) : t('Doubled punctuation “{0}”: keep one “{1}”.', run, keep),
        fixes: [{ title: t('Write “{0}”', keep), edits: [{ ...span, newText: keep }], safe: true }],
      });
    }
  },
} as const satisfies ParagraphRule;
