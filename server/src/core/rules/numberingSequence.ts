import { HEADING_FAMILIES, LAST } from '../parse/markers';
import type { Group, Item } from '../model/types';
import { describeMarker, renumberEdits } from '../numbering';
import type { Translate } from '../l10n';
import type { Fix, RelatedInfo } from '../types';
import type { DocumentRule } from './types';

/** Subheading levels where a level with one item is a defect (`（一）` with no `（二）`). */
const NO_SINGLE: ReadonlySet<string> = new Set(['cn-top', 'cn-paren', 'arabic-dot', 'arabic-paren', 'circled']);

function span(item: Item) {
  return { start: item.marker.start, end: item.marker.end };
}

function shown(item: Item): string {
  return describeMarker(item.marker, item.marker.value);
}

function renumberFix(group: Group, t: Translate): Fix[] | undefined {
  const edits = renumberEdits(group);
  return edits && edits.length ? [{ title: t('Renumber this list'), edits, safe: false }] : undefined;
}

export const numberingSequence = {
  id: 'numbering-sequence',
  name: { zh: '序号连续', en: 'Numbering sequence' },
  description: {
    zh: '同一组序号断号、重号、顺序颠倒、不从一开始，或只有一项。',
    en: 'A list whose numbers skip, repeat, run out of order, do not start at one, or that has one item only.',
  },
  defaultSeverity: 'warning',
  fixes: 'editor',
  blocksExport: 'error',
  scope: 'document',
  check(model, { t, report }) {
    for (const group of model.groups) {
      if (!group.enumerative || group.family === 'dash') continue;
      const items = group.items;
      const fix = renumberFix(group, t);
      const first = items[0];
      const parentRelated: RelatedInfo[] | undefined = group.parent
        ? [{ span: span(group.parent), message: t('The list stands under this heading.') }]
        : undefined;
      // Sequence words: 首先 1, 其次 2, 再次 3, 最后 closes the run.
      if (first.marker.value !== 1 && first.marker.value !== LAST) {
        report({
          span: span(first),
          message: t('The list starts at “{0}”: “{1}” is missing before it.', shown(first), describeMarker(first.marker, 1)),
          related: parentRelated,
          fixes: fix,
        });
      }
      for (let i = 1; i < items.length; i++) {
        const prev = items[i - 1].marker;
        const cur = items[i].marker;
        const related = [{ span: span(items[i - 1]), message: t('The item before.') }];
        if (cur.value === LAST) continue;
        if (prev.value === LAST) {
          report({
            span: { start: prev.start, end: prev.end },
            message: t('“{0}” is not the last item of its list.', shown(items[i - 1])),
            fixes: fix,
          });
        } else if (cur.value === prev.value) {
          report({ span: span(items[i]), message: t('“{0}” repeats the number of the item before it.', shown(items[i])), related, fixes: fix });
        } else if (cur.value < prev.value) {
          report({
            span: span(items[i]),
            message: t('“{0}” comes after “{1}”: the order is wrong.', shown(items[i]), shown(items[i - 1])),
            related,
            fixes: fix,
          });
        } else if (cur.value > prev.value + 1) {
          const missing = [];
          for (let v = prev.value + 1; v < cur.value && missing.length < 3; v++) missing.push(`“${describeMarker(cur, v)}”`);
          report({
            span: span(items[i]),
            message: t('“{0}” follows “{1}”: {2} is missing.', shown(items[i]), shown(items[i - 1]), missing.join('、')),
            related,
            fixes: fix,
          });
        }
      }
      if (items.length === 1 && first.marker.value === 1 && NO_SINGLE.has(group.family) && HEADING_FAMILIES.has(group.family)) {
        report({
          span: span(first),
          message: t('“{0}” stands alone: a level with one item has no “{1}”; add it or drop the number.', shown(first), describeMarker(first.marker, 2)),
          related: parentRelated,
        });
      }
    }
  },
} as const satisfies DocumentRule;
