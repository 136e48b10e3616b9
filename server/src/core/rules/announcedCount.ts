import type { Group, Item, SpeechModel } from '../model/types';
import type { Announcement } from '../model/types';
import type { DocumentRule } from './types';

/** How far (in paragraphs) the announced list may begin after its announcement. */
const MAX_PARAGRAPH_DISTANCE = 3;

/** The deepest heading or run-in item whose section holds the offset. */
function containing(items: Item[], offset: number): Item | undefined {
  let found: Item | undefined;
  for (const item of items) {
    if (item.kind === 'inline' || item.kind === 'dash') continue;
    if (item.span.start <= offset && offset < item.span.end && (!found || item.depth > found.depth)) found = item;
  }
  return found;
}

/** The first list under the same parent that begins soon after the announcement. */
export function announcedGroup(model: SpeechModel, a: Announcement): Group | undefined {
  const parent = containing(model.items, a.span.start);
  let best: Group | undefined;
  for (const g of model.groups) {
    if (g.parent !== parent || !g.enumerative) continue;
    const first = g.items[0].marker;
    if (first.start < a.span.end || first.paragraph - a.paragraph > MAX_PARAGRAPH_DISTANCE) continue;
    if (!best || first.start < best.items[0].marker.start) best = g;
  }
  return best;
}

export const announcedCount = {
  id: 'announced-count',
  name: { zh: '预告条数', en: 'Announced count' },
  description: {
    zh: '预告的条数（“讲三点意见”“围绕以下四个方面”“提4点要求”）与随后列出的条数不一致。',
    en: 'A count announced (讲三点意见, 围绕以下四个方面, 提4点要求) differs from the number of items that follow.',
  },
  defaultSeverity: 'warning',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  check(model, { t, report }) {
    for (const a of model.announcements) {
      if (a.count === undefined) continue;
      const group = announcedGroup(model, a);
      if (!group || group.items.length === a.count) continue;
      const first = group.items[0].marker;
      const last = group.items[group.items.length - 1].marker;
      report({
        span: a.span,
        message: t('“{0}” announces {1} items, but {2} follow.', model.text.slice(a.span.start, a.span.end), a.count, group.items.length),
        related: [
          { span: { start: first.start, end: first.end }, message: t('The first item of the list.') },
          { span: { start: last.start, end: last.end }, message: t('The last item of the list.') },
        ],
      });
    }
  },
} as const satisfies DocumentRule;
