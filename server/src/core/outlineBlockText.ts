// Writes a 【提纲】 block from the body's headings: the text for "update the
// outline from the body" (quick fix and command).

import { HEADING_FAMILIES } from './parse/markers';
import { lineBreakOf } from './model/lineBreak';
import type { Item, OutlineBlock, SpeechModel } from './model/types';
import type { TextEdit } from './types';

function headingItems(items: Item[]): Item[] {
  return items.filter((i) => i.kind === 'heading' && HEADING_FAMILIES.has(i.marker.family));
}

function lines(items: Item[], out: string[]): void {
  for (const item of headingItems(items)) {
    out.push(`${item.marker.canonical}${item.headingText.trim()}`);
    lines(item.children, out);
  }
}

/** The outline's items as text lines, marker + heading, in body order. */
export function outlineBlockLines(model: SpeechModel): string[] {
  const out: string[] = [];
  lines(model.roots, out);
  return out;
}

/**
 * The edit that writes the 【提纲】 from the body: replaces an existing block in
 * its own form (one line, or one item per line), or inserts one at the top.
 */
export function updateOutlineBlockEdit(model: SpeechModel): TextEdit | undefined {
  const items = outlineBlockLines(model);
  if (items.length === 0) return undefined;
  const block: OutlineBlock | undefined = model.parts.outlineBlock;
  const eol = lineBreakOf(model);
  if (block) {
    const label = model.text.slice(block.label.start, block.label.end);
    const body = block.singleLine ? items.map((l) => `${l}。`).join('') : eol + items.join(eol);
    return { start: block.span.start, end: block.span.end, newText: label + body };
  }
  const start = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { start, end: start, newText: `【提纲】${eol}${items.join(eol)}${eol}${eol}` };
}
