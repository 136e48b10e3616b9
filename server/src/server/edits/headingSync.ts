// Rewrites one body heading from its 【提纲】 item: the text behind the
// `syncHeadingFromOutline` command. Free of LSP types so it is unit-testable.
//
// 【提纲】 items are paired with body headings by the core's `pairOutlineBlock`, as
// the outline-consistency rule pairs them, so the command works even where the
// user has turned the rule off or suppressed its findings.

import { allPairs, onHeading, pairOutlineBlock, type OutlineBlockItem, type Span, type SpeechModel, type TextEdit } from '../../core';

/** Which heading to sync: the one at an offset (on the heading or on its 【提纲】 item), or the n-th 【提纲】 item. */
export type SyncTarget = { offset: number } | { index: number };

/** A body heading worded differently from the 【提纲】 item it answers to. */
export interface HeadingDrift {
  /** The body heading's text (after its marker). */
  heading: Span;
  /** The 【提纲】 item's text (no marker, no closing punctuation). */
  outlineBlockItem: Span;
  /** Replaces the heading text with the 【提纲】 item's text. */
  edit: TextEdit;
}

/** Every 【提纲】 item, depth first, in document order: what `{ index }` counts. */
export function flatOutlineBlockItems(model: SpeechModel): OutlineBlockItem[] {
  const out: OutlineBlockItem[] = [];
  const walk = (items: OutlineBlockItem[]) => {
    for (const item of items) {
      out.push(item);
      walk(item.children);
    }
  };
  walk(model.parts.outlineBlock?.items ?? []);
  return out;
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const holds = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

/** The body headings worded differently from their 【提纲】 items. */
export function headingDrifts(model: SpeechModel): HeadingDrift[] {
  return allPairs(pairOutlineBlock(model))
    .filter((p) => p.reworded)
    .map(({ item, heading }) => ({ heading: heading.heading, outlineBlockItem: item.textSpan, edit: { ...heading.heading, newText: item.text } }));
}

/** The edit that rewrites the targeted heading from its 【提纲】 item, or none when they already agree. */
export function headingSyncEdits(model: SpeechModel, target: SyncTarget): TextEdit[] {
  const drifts = headingDrifts(model);
  let drift: HeadingDrift | undefined;
  if ('index' in target) {
    const item = flatOutlineBlockItems(model)[target.index];
    drift = item && drifts.find((d) => sameSpan(d.outlineBlockItem, item.textSpan));
  } else {
    const offset = target.offset;
    // On a body heading line: from its marker to the end of its heading text.
    const item = model.items.find((i) => onHeading(i, offset));
    drift = item && drifts.find((d) => sameSpan(d.heading, item.heading));
    if (!drift) {
      // On a 【提纲】 item, marker included; the deepest one holding the offset.
      const blockItem = flatOutlineBlockItems(model)
        .filter((o) => holds(o.span, offset))
        .sort((a, b) => b.depth - a.depth)[0];
      drift = blockItem && drifts.find((d) => sameSpan(d.outlineBlockItem, blockItem.textSpan));
    }
  }
  return drift ? [drift.edit] : [];
}
