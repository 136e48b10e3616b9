// Pairs the 【提纲】's items with the body's headings, level by level: what
// `outline-consistency` reports on and what syncing a heading from its item
// rewrites. Same text pairs first, then same number and like text, then like text.

import { HEADING_FAMILIES } from './parse/markers';
import type { Item, OutlineBlockItem, SpeechModel } from './model/types';
import { normalizeHeading, similarity } from './text/similarity';

/** A 【提纲】 item and the body heading it answers to. */
export interface OutlineBlockPair {
  item: OutlineBlockItem;
  heading: Item;
  /** Worded differently (compared after normalising). */
  reworded: boolean;
  /** The heading stands outside the 【提纲】's order (not in a longest run that keeps it). */
  outOfOrder: boolean;
  /** The item's sub-items against the heading's children; undefined when the item has none. */
  children?: OutlineBlockLevel;
}

/** One level of the 【提纲】 against the body headings at the same place. */
export interface OutlineBlockLevel {
  /** In the order the matching found them. */
  pairs: OutlineBlockPair[];
  /** Items with no heading in the body. */
  unmatched: OutlineBlockItem[];
  /** Headings of this level with no item in the 【提纲】. */
  unlisted: Item[];
}

/** Body headings that answer to outline items: heading items, else run-in items. */
function bodyLevel(items: Item[]): Item[] {
  const headings = items.filter((i) => i.kind === 'heading');
  return headings.length ? headings : items.filter((i) => i.kind === 'runin');
}

/**
 * Pairs outline items with body headings: same text, then same number and like
 * text, then like text. Each text is normalised once; the first pass finds the
 * same text through an index (the like-text passes compare the items left).
 */
function match(outline: OutlineBlockItem[], body: Item[]): { pairs: Array<{ item: OutlineBlockItem; heading: Item }>; unmatched: OutlineBlockItem[]; unlisted: Item[] } {
  const pairs: Array<{ item: OutlineBlockItem; heading: Item }> = [];
  const freeO = new Set(outline);
  const freeB = new Set(body);
  const oText = new Map(outline.map((o) => [o, normalizeHeading(o.text)]));
  const bText = new Map(body.map((b) => [b, normalizeHeading(b.headingText)]));
  const take = (o: OutlineBlockItem, b: Item) => {
    pairs.push({ item: o, heading: b });
    freeO.delete(o);
    freeB.delete(b);
  };
  // Same text: the first free body heading with it, in body order.
  const byText = new Map<string, Item[]>();
  for (const b of body) {
    const list = byText.get(bText.get(b)!);
    if (list) list.push(b);
    else byText.set(bText.get(b)!, [b]);
  }
  for (const o of outline) {
    const b = byText.get(oText.get(o)!)?.shift();
    if (b) take(o, b);
  }
  const passes: Array<(o: OutlineBlockItem, b: Item) => boolean> = [
    (o, b) => o.marker.value === b.marker.value && similarity(oText.get(o)!, bText.get(b)!) >= 0.4,
    (o, b) => similarity(oText.get(o)!, bText.get(b)!) >= 0.6,
  ];
  for (const same of passes) {
    for (const o of outline) {
      if (!freeO.has(o)) continue;
      const b = body.find((x) => freeB.has(x) && same(o, x));
      if (b) take(o, b);
    }
  }
  return { pairs, unmatched: outline.filter((o) => freeO.has(o)), unlisted: body.filter((b) => freeB.has(b)) };
}

/** Pairs whose body heading breaks the outline's order (those outside a longest increasing run). */
function outOfOrder(pairs: ReadonlyArray<{ item: OutlineBlockItem; heading: Item }>, body: Item[]): Set<OutlineBlockItem> {
  const sorted = [...pairs].sort((a, b) => a.item.span.start - b.item.span.start);
  const index = new Map(body.map((b, i) => [b, i]));
  const pos = sorted.map((p) => index.get(p.heading)!);
  const best: number[] = pos.map(() => 1);
  const prev: number[] = pos.map(() => -1);
  for (let i = 0; i < pos.length; i++)
    for (let j = 0; j < i; j++)
      if (pos[j] < pos[i] && best[j] + 1 > best[i]) {
        best[i] = best[j] + 1;
        prev[i] = j;
      }
  const keep = new Set<number>();
  let k = best.indexOf(Math.max(0, ...best));
  while (k >= 0) {
    keep.add(k);
    k = prev[k];
  }
  return new Set(sorted.filter((_, i) => !keep.has(i)).map((p) => p.item));
}

function pairLevel(outline: OutlineBlockItem[], body: Item[]): OutlineBlockLevel {
  const level = bodyLevel(body);
  const { pairs, unmatched, unlisted } = match(outline, level);
  const late = outOfOrder(pairs, level);
  return {
    pairs: pairs.map(({ item, heading }) => {
      const sub = item.children.filter((c) => HEADING_FAMILIES.has(c.marker.family));
      return {
        item,
        heading,
        reworded: normalizeHeading(item.text) !== normalizeHeading(heading.headingText),
        outOfOrder: late.has(item),
        children: sub.length ? pairLevel(sub, heading.children) : undefined,
      };
    }),
    unmatched,
    unlisted,
  };
}

/** The 【提纲】 paired with the body; undefined when the draft has no 【提纲】 or it lists nothing. */
export function pairOutlineBlock(model: SpeechModel): OutlineBlockLevel | undefined {
  const block = model.parts.outlineBlock;
  return block && block.items.length ? pairLevel(block.items, model.roots) : undefined;
}

/** Every pair of every level, depth first. */
export function allPairs(level: OutlineBlockLevel | undefined): OutlineBlockPair[] {
  return level ? level.pairs.flatMap((p) => [p, ...allPairs(p.children)]) : [];
}
