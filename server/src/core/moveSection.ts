// Moving a section among its siblings in the heading tree: the whole section's
// text moves, and each list among the siblings is renumbered in its new order
// by the core's numbering (full-width digits stay full-width), in one edit.

import { expectedValues, numeralFor } from './numbering';
import { treeItemAt, treeSiblings } from './model/facts';
import type { Item, SpeechModel } from './model/types';
import type { TextEdit } from './types';

/** One place up or down, or to the place of the sibling whose marker or heading holds `offset`. */
export type MoveTarget = 'up' | 'down' | { offset: number };

export type MoveOutcome =
  | { kind: 'moved'; edit: TextEdit }
  /** `own-line`: a sibling does not begin its own line; `not-sibling`: the target is not a sibling. */
  | { kind: 'refused'; reason: 'own-line' | 'not-sibling' }
  /** No section there, or it is already first (last). */
  | { kind: 'none' };

const INDENT = /^[ \t\u3000\u00a0\ufeff]*/;
const TRAILING_BREAKS = /(?:\r\n|\n|\r)+$/;
const LAST_BREAK = /(?:\r\n|\n|\r)$/;

/** Where the item's line starts (after a byte order mark), if only indentation stands before its marker. */
function ownLineStart(model: SpeechModel, item: Item): number | undefined {
  const line = model.lines.lineAt(item.marker.start);
  let start = model.lines.lineStarts[line];
  if (start === 0 && model.text.charCodeAt(0) === 0xfeff) start = 1;
  const before = model.text.slice(start, item.marker.start);
  return INDENT.exec(before)![0].length === before.length ? start : undefined;
}

/** The index the section takes among its siblings, or why it cannot move. */
function destination(model: SpeechModel, siblings: Item[], from: number, target: MoveTarget): number | 'not-sibling' {
  if (target === 'up') return from - 1;
  if (target === 'down') return from + 1;
  const to = treeItemAt(model, target.offset);
  const i = to ? siblings.indexOf(to) : -1;
  return i >= 0 ? i : 'not-sibling';
}

/**
 * The new numeral of each sibling that changes: each list (group) among them
 * numbered 1…n in its new order, in its own family; a list that cannot be
 * written (mixed series, dashes, past the family's words) keeps its markers.
 */
function renumbered(order: Item[]): Map<Item, string> {
  const out = new Map<Item, string>();
  const byGroup = new Map<Item['group'], Item[]>();
  for (const item of order) {
    const list = byGroup.get(item.group);
    if (list) list.push(item);
    else byGroup.set(item.group, [item]);
  }
  for (const [group, items] of byGroup) {
    if (group.family === 'dash' || group.mixed.length || items.length !== group.items.length) continue;
    const values = expectedValues(group);
    if (!values) continue;
    items.forEach((item, i) => {
      const m = item.marker;
      const numeral = numeralFor(m.family, values[i], m.numeral);
      if (numeral !== undefined && numeral !== m.numeral) out.set(item, numeral);
    });
  }
  return out;
}

/** The edit that moves the section at `offset` (on its marker or heading) to `target`. */
export function moveSectionEdit(model: SpeechModel, offset: number, target: MoveTarget): MoveOutcome {
  const item = treeItemAt(model, offset);
  if (!item) return { kind: 'none' };
  const siblings = treeSiblings(model, item);
  const from = siblings.indexOf(item);
  const to = destination(model, siblings, from, target);
  if (to === 'not-sibling') return { kind: 'refused', reason: 'not-sibling' };
  if (to === from || to < 0 || to >= siblings.length) return { kind: 'none' };
  const starts: number[] = [];
  for (const s of siblings) {
    const start = ownLineStart(model, s);
    if (start === undefined) return { kind: 'refused', reason: 'own-line' };
    starts.push(start);
  }
  const { text, lines } = model;
  const last = siblings[siblings.length - 1];
  const lastLine = lines.lineAt(last.span.end);
  const end = lastLine + 1 < lines.lineCount ? lines.lineStarts[lastLine + 1] : text.length;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const blocks = siblings.map((s, i) => {
    const raw = text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : end);
    // The blank lines after a block separate it from the next one: they stay in their place.
    const separator = /(?:\r\n|\n|\r)*$/.exec(raw.replace(LAST_BREAK, ''))![0];
    return { item: s, start: starts[i], raw, body: raw.replace(TRAILING_BREAKS, ''), separator };
  });
  const lastHadBreak = LAST_BREAK.test(blocks[blocks.length - 1].raw);
  const order = [...blocks];
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const numerals = renumbered(order.map((b) => b.item));
  let newText = order
    .map((b, i) => {
      const m = b.item.marker;
      const numeral = numerals.get(b.item);
      const body =
        numeral === undefined ? b.body : b.body.slice(0, m.numeralStart - b.start) + numeral + b.body.slice(m.numeralEnd - b.start);
      return body + eol + blocks[i].separator;
    })
    .join('');
  if (!lastHadBreak) newText = newText.replace(LAST_BREAK, '');
  return { kind: 'moved', edit: { start: starts[0], end, newText } };
}
