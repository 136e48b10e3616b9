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
  check({ text, markers, verbatim }, { t, report }) {
    RUN.lastIndex = 0;
    for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
      // A mark that ends a numbering marker (`（二）、、、`: numbering-style writes `（二）` for `（二）、`) is the marker's:
      // the run starts after it, so that the two fixes never overlap and applying them settles.
      const from = markers.find((k) => k.start <= m!.index && m!.index < k.end)?.end ?? m.index;
      const run = m[0].slice(from - m.index);
      if (run.length < 2 || ALLOWED.has(run) || overlapsSpans(verbatim(), from, from + run.length)) continue;
      const span = { start: from, end: from + run.length };
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
