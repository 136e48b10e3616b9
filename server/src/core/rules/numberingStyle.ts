import type { Family, MarkerToken } from '../parse/markers';
import { message } from '../l10n';
import { enclosedValue } from '../text/chars';
import type { DocumentRule } from './types';

// GB/T 15834 appendix B.3: the mark after each kind of marker.
const WHY: Partial<Record<Family, string>> = {
  'cn-top': message('An unbracketed Chinese numeral takes a 顿号: write “{0}” as “{1}”.'),
  'cn-paren': message('A bracketed marker takes full-width brackets and no mark after them: write “{0}” as “{1}”.'),
  'arabic-paren': message('A bracketed marker takes full-width brackets and no mark after them: write “{0}” as “{1}”.'),
  'arabic-dot': message('An Arabic numeral takes a dot, not a 顿号: write “{0}” as “{1}”.'),
  ordinal: message('“{0}” takes a full-width comma: write “{1}”.'),
  'ordinal-topic': message('“{0}” takes a full-width mark: write “{1}”.'),
  sequence: message('“{0}” takes a full-width comma: write “{1}”.'),
  qi: message('“{0}” takes a full-width comma: write “{1}”.'),
};
/** `第一点:` `第一个词:`: a series of its own takes the full-width twin of its mark, comma or colon. */
const WHY_COUNTED = message('“{0}” takes a full-width mark: write “{1}”.');
/** `（２）`: the digits are the fault, not the brackets. */
const WHY_DIGITS = message('A marker takes half-width digits: write “{0}” as “{1}”.');
/** `⒈`: one character of automatic numbering, which the standard does not know. */
const WHY_ENCLOSED = message('“{0}” is an automatic-numbering character, not a standard marker: write “{1}”.');

/**
 * Why the marker is not in its canonical form, and whether writing that form is
 * safe: `⒈` may stand for something else in its place (a symbol, a note mark),
 * so the writer decides, in the editor.
 */
function fault(m: MarkerToken): { why: string; safe: boolean } | undefined {
  if (enclosedValue(m.text[0])) return { why: WHY_ENCLOSED, safe: false };
  if (/[０-９]/.test(m.text)) return { why: WHY_DIGITS, safe: true };
  if (m.family === 'ordinal' && m.key !== 'ordinal') return { why: WHY_COUNTED, safe: true };
  const why = WHY[m.family];
  return why ? { why, safe: true } : undefined;
}

const SEQUENCE_WORD = ['首先', '其次', '再次'];

export const numberingStyle = {
  id: 'numbering-style',
  name: { zh: '序号写法', en: 'Marker form' },
  description: {
    zh: '序号不合规范写法（GB/T 15834 附录B.3），或同一组里混用两种序号。',
    en: 'A marker not in its canonical form (GB/T 15834 appendix B.3), or two series mixed in one list.',
  },
  defaultSeverity: 'warning',
  fixes: 'mixed',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report }) {
    const outlineBlockMarkers: typeof model.markers = [];
    const collect = (items: NonNullable<typeof model.parts.outlineBlock>['items']) =>
      items.forEach((o) => {
        outlineBlockMarkers.push(o.marker);
        collect(o.children);
      });
    collect(model.parts.outlineBlock?.items ?? []);
    // The 【提纲】 is held to the same forms as the body (punctuation-width leaves markers to this rule).
    for (const m of [...outlineBlockMarkers, ...model.markers, ...model.proseMarkers]) {
      if (m.text === m.canonical) continue;
      const f = fault(m);
      if (!f) continue;
      report({
        span: { start: m.start, end: m.end },
        message: t(f.why, m.text, m.canonical),
        fixes: [
          {
            title: t('Write “{0}”', m.canonical),
            edits: [{ start: m.start, end: m.end, newText: m.canonical }],
            safe: f.safe,
          },
        ],
      });
    }
    for (const group of model.groups) {
      const positionOf = group.mixed.length ? new Map(group.items.map((item, i) => [item, i])) : undefined;
      for (const item of group.mixed) {
        const m = item.marker;
        const position = positionOf!.get(item)!;
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
} as const satisfies DocumentRule;
