import type { ParagraphRule } from './types';

// `……` and `——` are single marks written double; everything else doubled is a slip.
const DOUBLED = /[，、；：。]{2,}|？{2,}|！{2,}/g;
// The mark to keep when two differ: the one that ends more.
const STRENGTH = '、，：；。？！';

export const punctuationRepeat: ParagraphRule = {
  id: 'punctuation-repeat',
  description: {
    zh: '标点重复或连用，如“，，”“。。”“，。”“、、”。',
    en: 'Doubled marks such as ，， 。。 ，。 、、.',
  },
  defaultSeverity: 'warning',
  fixable: true,
  scope: 'paragraph',
  check({ text }, { t, report }) {
    DOUBLED.lastIndex = 0;
    for (let m = DOUBLED.exec(text); m; m = DOUBLED.exec(text)) {
      const run = m[0];
      const keep = [...run].reduce((a, b) => (STRENGTH.indexOf(b) > STRENGTH.indexOf(a) ? b : a));
      report({
        span: { start: m.index, end: m.index + run.length },
        message: t('Doubled punctuation “{0}”: keep one “{1}”.', run, keep),
        fixes: [{ title: t('Write “{0}”', keep), edits: [{ start: m.index, end: m.index + run.length, newText: keep }], safe: true }],
      });
    }
  },
};
