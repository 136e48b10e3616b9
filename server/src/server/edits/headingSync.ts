// Rewrites one body heading from its 【提纲】 item: the text behind the
// `syncHeadingFromOutline` command. Free of LSP types so it is unit-testable.
//
// Outline items are paired with body headings exactly as the outline-consistency
// rule pairs them (by running that rule here), so the command works even where
// the user has turned the rule off or suppressed its findings.

import { DEFAULT_CONFIG, ruleById, translator, type OutlineItem, type Span, type SpeechModel, type TextEdit } from '../../core';

/** Which heading to sync: the one at an offset (on the heading or on its 【提纲】 item), or the n-th outline item. */
export type SyncTarget = { offset: number } | { index: number };

/** A body heading worded differently from the 【提纲】 item it answers to. */
export interface HeadingDrift {
  /** The body heading's text (after its marker). */
  heading: Span;
  /** The 【提纲】 item's text (no marker, no closing punctuation). */
  outline: Span;
  /** Replaces the heading text with the outline item's text. */
  edit: TextEdit;
}

/** Every 【提纲】 item, depth first, in document order: what `{ index }` counts. */
export function flatOutlineItems(model: SpeechModel): OutlineItem[] {
  const out: OutlineItem[] = [];
  const walk = (items: OutlineItem[]) => {
    for (const item of items) {
      out.push(item);
      walk(item.children);
    }
  };
  walk(model.parts.outline?.items ?? []);
  return out;
}

const sameSpan = (a: Span, b: Span) => a.start === b.start && a.end === b.end;
const holds = (s: Span, offset: number) => s.start <= offset && offset <= s.end;

export function headingDrifts(model: SpeechModel): HeadingDrift[] {
  const rule = ruleById('outline-consistency');
  if (!rule || rule.scope !== 'document' || !model.parts.outline) return [];
  const drifts: HeadingDrift[] = [];
  try {
    rule.check(model, {
      t: translator('en'),
      config: { ...DEFAULT_CONFIG },
      memo: (text, compute) => compute(text),
      mayMatch: () => true,
      report: (f) => {
        const outline = f.related?.[0]?.span;
        // The fix that rewrites exactly the reported heading text.
        const edit = f.fixes?.map((fix) => fix.edits).find((e) => e.length === 1 && sameSpan(e[0], f.span))?.[0];
        if (outline && edit) drifts.push({ heading: f.span, outline, edit });
      },
    });
  } catch {
    // A failing rule already shows up in the diagnostics' log; here it means "nothing to sync".
    return [];
  }
  return drifts;
}

/** The edit that rewrites the targeted heading from its 【提纲】 item, or none when they already agree. */
export function headingSyncEdits(model: SpeechModel, target: SyncTarget): TextEdit[] {
  const drifts = headingDrifts(model);
  let drift: HeadingDrift | undefined;
  if ('index' in target) {
    const item = flatOutlineItems(model)[target.index];
    drift = item && drifts.find((d) => sameSpan(d.outline, item.textSpan));
  } else {
    const offset = target.offset;
    // On a body heading line: from its marker to the end of its heading text.
    const item = model.items.find((i) => i.marker.start <= offset && offset <= Math.max(i.heading.end, i.marker.end));
    drift = item && drifts.find((d) => sameSpan(d.heading, item.heading));
    if (!drift) {
      // On a 【提纲】 item, marker included; the deepest one holding the offset.
      const outlineItem = flatOutlineItems(model)
        .filter((o) => holds(o.span, offset))
        .sort((a, b) => b.depth - a.depth)[0];
      drift = outlineItem && drifts.find((d) => sameSpan(d.outline, outlineItem.textSpan));
    }
  }
  return drift ? [drift.edit] : [];
}
