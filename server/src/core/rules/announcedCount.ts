import { openAtCut, withCutNote } from '../model/facts';
import type { Announcement, Group, Item, SpeechModel } from '../model/types';
import { firstAtOrAfter, firstWhere } from '../text/search';
import type { DocumentRule } from './types';

/** How far (in paragraphs) the announced list may begin after a speaker's announcement or `以下N个方面`. */
const MAX_PARAGRAPH_DISTANCE = 3;

/** Paragraphs `to` lies after `from`, comments left out (they are not the speech's): counted up to `limit` + 1 at most. */
function within(model: SpeechModel, from: number, to: number, limit: number): boolean {
  let n = 0;
  for (let i = from + 1; i <= to && n <= limit; i++) if (!model.paragraphs[i].comment) n++;
  return n <= limit;
}

/**
 * The model's lists by where they begin, and the sections that hold each
 * announcement, found in one sweep: announcements come in document order, so
 * a check costs what the text holds, not announcements times lists.
 */
class Lists {
  private readonly groups: Group[] = [];
  private readonly starts: number[] = [];
  private next = 0;
  private readonly open: Item[] = [];

  constructor(private readonly model: SpeechModel) {
    // The items are in document order: each list met at its first item is in order of where it begins, with no sort.
    for (const item of model.items) {
      const g = item.group;
      if (g.enumerative && g.items[0] === item) {
        this.groups.push(g);
        this.starts.push(item.marker.start);
      }
    }
  }

  /** The deepest heading or run-in item whose section holds `offset`; offsets are asked in increasing order. */
  sectionAt(offset: number): Item | undefined {
    const { items } = this.model;
    const open = this.open;
    for (; this.next < items.length && items[this.next].marker.start <= offset; this.next++) {
      const item = items[this.next];
      if (item.kind === 'inline' || item.kind === 'dash') continue;
      while (open.length && open[open.length - 1].span.end <= item.marker.start) open.pop();
      open.push(item);
    }
    while (open.length && open[open.length - 1].span.end <= offset) open.pop();
    return open[open.length - 1];
  }

  /** Lists beginning at or after `offset`, in order. */
  *from(offset: number): Generator<Group> {
    for (let i = firstAtOrAfter(this.starts, offset); i < this.groups.length; i++) yield this.groups[i];
  }

  /** The first marker at or after `offset`. */
  markerFrom(offset: number) {
    return this.model.markers[firstWhere(this.model.markers, (m) => m.start >= offset)];
  }
}

/**
 * The list an announcement promises: the first list that begins soon after it
 * in its section. A sentence that only counts (`主要有两个特点`) is held to
 * a list that begins at once: the next marker, in its sentence or the next
 * paragraph.
 */
function announcedGroup(model: SpeechModel, lists: Lists, a: Announcement, section: Item | undefined): Group | undefined {
  // The section that holds it, or one above: a run-in item's section runs on to its next sibling (`第三点，…` then `今年要抓好4项工作：`).
  const sections = new Set<Item | undefined>([undefined]);
  for (let s = section; s; s = s.parent) sections.add(s);
  let best: Group | undefined;
  for (const g of lists.from(a.span.end)) {
    if (!within(model, a.paragraph, g.items[0].marker.paragraph, MAX_PARAGRAPH_DISTANCE)) break;
    if (sections.has(g.parent)) {
      best = g;
      break;
    }
  }
  if (!best || a.kind !== 'count') return best;
  const first = best.items[0].marker;
  if (lists.markerFrom(a.span.end) !== first || !within(model, a.paragraph, first.paragraph, 1)) return undefined;
  // No other sentence between the count and the list: the end of the announcement's paragraph, if the list is in the next.
  const to = first.paragraph === a.paragraph ? first.start : model.paragraphs[a.paragraph].end;
  return SENTENCE_END.test(model.text.slice(a.span.end, to).replace(TRAILING_MARKS, '')) ? undefined : best;
}

const SENTENCE_END = /[。！？]/;
const TRAILING_MARKS = /[。！？：；，\s]+$/;

/** Some list of any family begins after the announcement, in the section that holds it. */
function anyListAfter(model: SpeechModel, lists: Lists, a: Announcement, section: Item | undefined): boolean {
  const end = section ? section.span.end : model.text.length;
  for (const g of lists.from(a.span.end)) return g.items[0].marker.start < end;
  return false;
}

/** Nothing of the body follows the announcement's paragraph: the draft stops (or is cut off) right after it. */
function endsRightAfter(model: SpeechModel, a: Announcement): boolean {
  const end = model.parts.closing?.start ?? model.parts.cut?.start ?? model.text.length;
  for (let i = a.paragraph + 1; i < model.paragraphs.length; i++) {
    const p = model.paragraphs[i];
    if (!p.comment) return p.start >= end;
  }
  return true;
}

export const announcedCount = {
  id: 'announced-count',
  name: { zh: '预告条数', en: 'Announced count' },
  description: {
    zh: '预告的条数（“讲三点意见”“围绕以下四个方面”“主要有两个特点”）与随后列出的条数不一致，或讲话人预告了几点却没有列出。',
    en: 'A count announced (讲三点意见, 围绕以下四个方面, 主要有两个特点) differs from the number of items that follow, or a speaker announces points and none follow.',
  },
  defaultSeverity: 'warning',
  fixes: 'none',
  blocksExport: 'error',
  scope: 'document',
  reads: 'structure',
  check(model, { t, report }) {
    const lists = new Lists(model);
    for (const a of model.announcements) {
      const section = lists.sectionAt(a.span.start);
      if (a.count === undefined) continue;
      const said = model.text.slice(a.span.start, a.span.end);
      const group = announcedGroup(model, lists, a, section);
      if (!group) {
        // `我讲三点` and no list after it at all; a sentence that only counts may describe in prose.
        if (a.kind !== 'speaker' || anyListAfter(model, lists, a, section) || endsRightAfter(model, a)) continue;
        const message = t('“{0}” announces {1} items, but no list follows.', said, a.count);
        report({ span: a.span, message: withCutNote(message, model, t) });
        continue;
      }
      if (group.items.length === a.count) continue;
      const first = group.items[0].marker;
      const lastItem = group.items[group.items.length - 1];
      const last = lastItem.marker;
      const message = t('“{0}” announces {1} items, but {2} follow.', said, a.count, group.items.length);
      const cut = group.items.length < a.count && openAtCut(model, lastItem);
      report({
        span: a.span,
        message: cut ? withCutNote(message, model, t) : message,
        related: [
          { span: { start: first.start, end: first.end }, message: t('The first item of the list.') },
          { span: { start: last.start, end: last.end }, message: t('The last item of the list.') },
        ],
      });
    }
  },
} as const satisfies DocumentRule;
