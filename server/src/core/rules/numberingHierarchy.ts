import { FAMILY_RANK, HEADING_FAMILIES } from '../parse/markers';
import { describeMarker } from '../numbering';
import type { DocumentRule } from './types';

// GB/T 9704: 一、 above （一） above 1. above （1）; a text may start at any level.
export const numberingHierarchy = {
  id: 'numbering-hierarchy',
  name: { zh: '层次序数', en: 'Heading levels' },
  description: {
    zh: '层次序数颠倒（如“（一）”下面出现“一、”），或跳过一级（如“一、”下直接用“1.”）。',
    en: 'Heading levels against GB/T 9704 order (a 一、 under a （一）), or a level skipped (1. directly under 一、).',
  },
  defaultSeverity: 'warning',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report }) {
    for (const item of model.items) {
      const parent = item.parent;
      // `①…；②…` inside a paragraph is a list in its sentences, not a level of headings.
      if (!parent || item.kind !== 'heading' || !HEADING_FAMILIES.has(item.marker.family) || !HEADING_FAMILIES.has(parent.marker.family)) continue;
      if (item.group.items[0] !== item) continue; // one finding per list
      const rank = FAMILY_RANK[item.marker.family];
      const parentRank = FAMILY_RANK[parent.marker.family];
      const child = describeMarker(item.marker, item.marker.value);
      const above = describeMarker(parent.marker, parent.marker.value);
      const span = { start: item.marker.start, end: item.marker.end };
      const related = [{ span: { start: parent.marker.start, end: parent.marker.end }, message: t('The heading above.') }];
      if (rank < parentRank) {
        report({ span, message: t('“{0}” stands under “{1}”, but GB/T 9704 puts it above.', child, above), related });
      } else if (rank > parentRank + 1 && parentRank < FAMILY_RANK['circled']) {
        report({
          span,
          severity: 'info',
          message: t('“{0}” stands directly under “{1}”: a level is skipped.', child, above),
          related,
        });
      }
    }
  },
} as const satisfies DocumentRule;
