import type { Group, Item, SpeechModel } from '../model/types';
import type { Announcement } from '../model/types';
import type { DocumentRule } from './types';

/** How far (in paragraphs) the announced list may begin after its announcement. */
const MAX_PARAGRAPH_DISTANCE = 3;

/** The last of `items` (in order of start) starting at or before `offset`. */
function lastStartingBy<T>(items: readonly T[], start: (t: T) => number, offset: number): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (start(items[mid]) <= offset) {
      found = items[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The deepest heading or run-in item whose section holds the offset. Sections
 * nest and siblings never overlap, so the items holding an offset are one path
 * down the tree: each level is a binary search among the children.
 */
function containing(roots: readonly Item[], offset: number): Item | undefined {
  let found: Item | undefined;
  let level = roots;
  for (;;) {
    const item = lastStartingBy(level, (i) => i.span.start, offset);
    if (!item || offset >= item.span.end) return found;
    if (item.kind !== 'inline' && item.kind !== 'dash') found = item;
    level = item.children;
  }
}

/** The lists under each parent, in order (found once per check, not once per announcement). */
function listsByParent(model: SpeechModel): Map<Item | undefined, Group[]> {
  const out = new Map<Item | undefined, Group[]>();
  for (const g of model.groups) {
    if (!g.enumerative) continue;
    const list = out.get(g.parent);
    if (list) list.push(g);
    else out.set(g.parent, [g]);
  }
  for (const list of out.values()) list.sort((a, b) => a.items[0].marker.start - b.items[0].marker.start);
  return out;
}

/** The first list under the same parent that begins soon after the announcement. */
export function announcedGroup(model: SpeechModel, a: Announcement, lists = listsByParent(model)): Group | undefined {
  const candidates = lists.get(containing(model.roots, a.span.start)) ?? [];
  // The first list starting at or after the announcement's end; later ones are further away still.
  let lo = 0;
  let hi = candidates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (candidates[mid].items[0].marker.start < a.span.end) lo = mid + 1;
    else hi = mid;
  }
  const g = candidates[lo];
  return g && g.items[0].marker.paragraph - a.paragraph <= MAX_PARAGRAPH_DISTANCE ? g : undefined;
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
    const lists = listsByParent(model);
    for (const a of model.announcements) {
      if (a.count === undefined) continue;
      const group = announcedGroup(model, a, lists);
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
