// The rule as it was before its look-ups were made linear: the reference the
// new rule must agree with on random drafts (test/core/linearRules.test.ts).

import type { Family } from '../../../server/src/core/parse/markers';
import { message } from '../../../server/src/core/l10n';
import type { DocumentRule } from '../../../server/src/core/rules/types';

// GB/T 15834 appendix B.3: the mark after each kind of marker.
const WHY: Partial<Record<Family, string>> = {
  'cn-top': message('An unbracketed Chinese numeral takes a 顿号: write “{0}” as “{1}”.'),
  'cn-paren': message('A bracketed marker takes full-width brackets and no mark after them: write “{0}” as “{1}”.'),
  'arabic-paren': message('A bracketed marker takes full-width brackets and no mark after them: write “{0}” as “{1}”.'),
  'arabic-dot': message('An Arabic numeral takes a dot, not a 顿号: write “{0}” as “{1}”.'),
  ordinal: message('“{0}” takes a full-width comma: write “{1}”.'),
  sequence: message('“{0}” takes a full-width comma: write “{1}”.'),
  qi: message('“{0}” takes a full-width comma: write “{1}”.'),
};

const SEQUENCE_WORD = ['首先', '其次', '再次'];

export const referenceNumberingStyle: DocumentRule = {
  id: 'numbering-style',
  description: {
    zh: '序号不合规范写法（GB/T 15834 附录B.3），或同一组里混用两种序号。',
    en: 'A marker not in its canonical form (GB/T 15834 appendix B.3), or two series mixed in one list.',
  },
  defaultSeverity: 'warning',
  name: { zh: '', en: '' },
  fixes: 'none',
  blocksExport: 'never',
  scope: 'document',
  check(model, { t, report }) {
    const outlineMarkers: typeof model.markers = [];
    const collect = (items: NonNullable<typeof model.parts.outlineBlock>['items']) =>
      items.forEach((o) => {
        outlineMarkers.push(o.marker);
        collect(o.children);
      });
    collect(model.parts.outlineBlock?.items ?? []);
    // The 【提纲】 is held to the same forms as the body (punctuation-width leaves markers to this rule).
    for (const m of [...outlineMarkers, ...model.markers, ...model.proseMarkers]) {
      const why = WHY[m.family];
      if (!why || m.text === m.canonical) continue;
      report({
        span: { start: m.start, end: m.end },
        message: t(why, m.text, m.canonical),
        fixes: [
          {
            title: t('Write “{0}”', m.canonical),
            edits: [{ start: m.start, end: m.end, newText: m.canonical }],
            safe: true,
          },
        ],
      });
    }
    for (const group of model.groups) {
      for (const item of group.mixed) {
        const m = item.marker;
        const position = group.items.indexOf(item);
        const last = position === group.items.length - 1;
        const word = position < SEQUENCE_WORD.length ? SEQUENCE_WORD[position] : last ? '最后' : undefined;
        const first = group.items[0].marker;
        report({
          span: { start: m.start, end: m.end },
          message: t('Do not mix series in one list: “{0}” continues a list that began with “{1}”.', m.text, first.text),
          related: [{ span: { start: first.start, end: first.end }, message: t('The list begins here.') }],
          fixes: word
            ? [
                {
                  title: t('Write “{0}”', `${word}，`),
                  edits: [{ start: m.start, end: m.end, newText: `${word}，` }],
                  safe: false,
                },
              ]
            : undefined,
        });
      }
    }
  },
};
