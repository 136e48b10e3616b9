// Renumbering that keeps the 【提纲】 with the body: a 【提纲】 item follows its
// heading's new number, where its level of the 【提纲】 has a heading for every
// item. Where an item has none (a lost section), the 【提纲】 is left as it is,
// and that item's `outline-consistency` finding still says they disagree.

import { expectedValues, numeralFor, renumberEdits } from '../numbering';
import { pairOutlineBlock, type OutlineBlockLevel } from '../outlineBlockPairing';
import type { Group, Item, SpeechModel } from '../model/types';
import type { TextEdit } from '../types';

const overlaps = (x: TextEdit, edits: readonly TextEdit[]) => edits.some((y) => x.start < y.end && y.start < x.end);

/** The edits renumbering these lists, and the 【提纲】 items paired with their headings. */
export function renumberWithOutline(model: SpeechModel, groups: readonly Group[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const renumbered = new Map<Item, number>();
  for (const group of groups) {
    const e = renumberEdits(group) ?? [];
    // A list whose edits would clash with one already taken waits for the next run.
    if (e.length === 0 || e.some((x) => overlaps(x, edits))) continue;
    edits.push(...e);
    const values = expectedValues(group)!;
    group.items.forEach((item, i) => {
      if (item.marker.value !== values[i]) renumbered.set(item, values[i]);
    });
  }
  const pairing = pairOutlineBlock(model);
  if (pairing && renumbered.size) follow(pairing, renumbered, edits);
  return edits.sort((a, b) => a.start - b.start);
}

function follow(level: OutlineBlockLevel, renumbered: ReadonlyMap<Item, number>, edits: TextEdit[]): void {
  const whole = level.unmatched.length === 0;
  for (const { item, heading, children } of level.pairs) {
    const value = renumbered.get(heading);
    if (whole && value !== undefined && value !== item.marker.value) {
      const numeral = numeralFor(item.marker.family, value, item.marker.numeral);
      const m = item.marker;
      if (numeral !== undefined) edits.push({ start: m.numeralStart, end: m.numeralEnd, newText: numeral });
    }
    if (children) follow(children, renumbered, edits);
  }
}
