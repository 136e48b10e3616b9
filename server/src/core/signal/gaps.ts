// Fixes that respect the writer: a gap in the numbering (`一、` then `三、`) is
// often a section lost, not a wrong number. Where the 【提纲】 still lists the
// lost item, its heading goes back in: at the cut (a download site's line
// between the neighbouring items, where the text was lost) when there is one,
// otherwise before the next item. Renumbering comes only after these.

import { canonicalMarker, describeMarker } from '../numbering';
import { allPairs, pairOutlineBlock, type OutlineBlockLevel } from '../outlineBlockPairing';
import { LAST } from '../parse/markers';
import type { Group, Item, OutlineBlockItem, SpeechModel } from '../model/types';
import type { Finding, Span, TextEdit } from '../types';

/** At most this many missing numbers are named for one gap. */
const MAX_MISSING = 20;

export interface Gap {
  group: Group;
  /** The item before the gap; undefined where the list starts past one (`第二` with no `第一`). */
  before?: Item;
  /** The item after the gap. */
  after: Item;
  /** The numbers missing, in order. */
  missing: number[];
  /** A download site's text between the neighbours: where the lost text most likely was. */
  cut?: Span;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to && out.length < MAX_MISSING; v++) out.push(v);
  return out;
}

/** Where the text between an item's neighbours starts: after the item before, else after the parent's heading, else the body's start. */
function gapStart(model: SpeechModel, group: Group, before: Item | undefined): number {
  if (before) return before.heading.end;
  return group.parent ? group.parent.heading.end : model.parts.bodyStart;
}

/** The first download site's text (a finding marking text for removal) between `from` and `to`. */
function cutBetween(findings: readonly Finding[], from: number, to: number): Span | undefined {
  for (const f of findings) {
    if (f.span.start >= to) break;
    if (f.rule === 'web-residue' && f.unnecessary && f.span.start >= from && f.span.end <= to) return f.span;
  }
  return undefined;
}

/** Every gap of the draft's numbered lists, in order of the item after it. `findings` in order of start. */
export function gapsOf(model: SpeechModel, findings: readonly Finding[]): Gap[] {
  const gaps: Gap[] = [];
  for (const group of model.groups) {
    if (!group.enumerative || group.family === 'dash') continue;
    const items = group.items;
    const add = (before: Item | undefined, after: Item, missing: number[]) =>
      gaps.push({ group, before, after, missing, cut: cutBetween(findings, gapStart(model, group, before), after.marker.start) });
    const first = items[0].marker.value;
    if (first > 1) add(undefined, items[0], range(1, first - 1));
    for (let i = 1; i < items.length; i++) {
      const [prev, cur] = [items[i - 1].marker.value, items[i].marker.value];
      if (prev !== LAST && cur !== LAST && cur > prev + 1) add(items[i - 1], items[i], range(prev + 1, cur - 1));
    }
  }
  return gaps.sort((a, b) => a.after.marker.start - b.after.marker.start);
}

/** The gap whose next item has its marker at `offset` (where `numbering-sequence` reports it). */
export function gapAt(gaps: readonly Gap[], offset: number): Gap | undefined {
  return gaps.find((g) => g.after.marker.start === offset);
}

/** The level of the 【提纲】 pairing, at any depth, for which `holds` is true. */
function levelWhere(level: OutlineBlockLevel, holds: (l: OutlineBlockLevel) => boolean): OutlineBlockLevel | undefined {
  if (holds(level)) return level;
  for (const p of level.pairs) {
    const inner = p.children && levelWhere(p.children, holds);
    if (inner) return inner;
  }
  return undefined;
}

/** The 【提纲】 items with no heading in the body that stand for a gap's missing numbers, by number. */
export function outlineItemsForGap(model: SpeechModel, gap: Gap): Map<number, OutlineBlockItem> {
  const out = new Map<number, OutlineBlockItem>();
  const pairing = pairOutlineBlock(model);
  const item = gap.after;
  const level = pairing && levelWhere(pairing, (l) => l.pairs.some((p) => p.heading === item) || l.unlisted.includes(item));
  if (!level) return out;
  const itemOf = (i: Item | undefined) => (i ? level.pairs.find((p) => p.heading === i)?.item : undefined);
  const [lo, hi] = [itemOf(gap.before), itemOf(gap.after)];
  // Between the neighbours' items in the 【提纲】, where the neighbours are listed there.
  const between = level.unmatched.filter((o) => (!lo || o.span.start > lo.span.start) && (!hi || o.span.start < hi.span.start));
  const byNumber = between.filter((o) => gap.missing.includes(o.marker.value));
  if (byNumber.length) for (const o of byNumber) out.set(o.marker.value, o);
  else if (between.length === gap.missing.length) between.forEach((o, i) => out.set(gap.missing[i], o));
  return out;
}

const eolOf = (text: string) => (/\r\n/.test(text) ? '\r\n' : '\n');

const isBlankLine = (model: SpeechModel, line: number) => model.text.slice(model.lines.lineStarts[line], model.lines.lineEnd(line)).trim() === '';

/** The first line after the one holding `offset` that is not blank; the line count when there is none. */
function nextTextLine(model: SpeechModel, offset: number): number {
  let line = model.lines.lineAt(offset) + 1;
  while (line < model.lines.lineCount && isBlankLine(model, line)) line++;
  return line;
}

/** The indentation of the line holding `offset`. */
function indentAt(model: SpeechModel, offset: number): string {
  const line = model.lines.lineAt(offset);
  const start = line === 0 && model.text.charCodeAt(0) === 0xfeff ? 1 : model.lines.lineStarts[line];
  return /^[ \t\u3000]*/.exec(model.text.slice(start, model.lines.lineEnd(line)))![0];
}

/**
 * An edit inserting heading lines, each a paragraph as the draft writes them
 * (with a blank line between where it has one): after the cut where there is
 * one, else before `after`, else after `before`'s section.
 */
export function insertHeadingsEdit(model: SpeechModel, lines: readonly string[], place: { cut?: Span; before?: Item; after?: Item }): TextEdit | undefined {
  const eol = eolOf(model.text);
  const like = place.after ?? place.before;
  if (!like) return undefined;
  const indent = indentAt(model, like.marker.start);
  let line: number;
  if (place.cut) line = nextTextLine(model, place.cut.end);
  else if (place.after) line = model.lines.lineAt(place.after.marker.start);
  else line = nextTextLine(model, place.before!.span.end);
  const likeLine = model.lines.lineAt(like.marker.start);
  const blankStyle = likeLine > 0 && isBlankLine(model, likeLine - 1);
  const between = blankStyle ? eol + eol : eol;
  const body = lines.map((l) => indent + l).join(between);
  if (line < model.lines.lineCount) {
    const at = model.lines.lineStarts[line];
    return { start: at, end: at, newText: body + between };
  }
  // Nothing follows: after the last line.
  const end = model.text.length;
  const lead = /[\r\n]$/.test(model.text) ? (blankStyle ? eol : '') : between;
  return { start: end, end, newText: lead + body + (/[\r\n]$/.test(model.text) ? eol : '') };
}

/** A heading to put back: its marker in the body's style (the neighbour's form at that number) and its text from the 【提纲】. */
export interface HeadingLine {
  marker: string;
  text: string;
}

export function headingLine(like: Item, value: number, o: OutlineBlockItem): HeadingLine {
  return { marker: canonicalMarker(like.marker, value) ?? o.marker.text, text: o.text };
}

/** The edit putting back a gap's headings from the 【提纲】, and the first of them; undefined where the 【提纲】 does not list them. */
export function gapInsertion(model: SpeechModel, gap: Gap): { edit: TextEdit; first: HeadingLine } | undefined {
  const found = outlineItemsForGap(model, gap);
  if (found.size === 0) return undefined;
  const headings = [...found].sort(([a], [b]) => a - b).map(([v, o]) => headingLine(gap.after, v, o));
  const edit = insertHeadingsEdit(model, headings.map((h) => h.marker + h.text), gap);
  return edit ? { edit, first: headings[0] } : undefined;
}

/** How a gap's missing markers read: `二、`, `第一`. */
export function missingMarkers(gap: Gap): string[] {
  return gap.missing.map((v) => describeMarker(gap.after.marker, v));
}

/**
 * For a 【提纲】 item with no heading in the body: where its heading would go
 * (between the headings of its listed neighbours) and the edit putting it there.
 */
export function outlineItemInsertion(model: SpeechModel, findings: readonly Finding[], o: OutlineBlockItem): { edit: TextEdit; heading: HeadingLine } | undefined {
  const pairing = pairOutlineBlock(model);
  if (!pairing) return undefined;
  const level = levelWhere(pairing, (l) => l.unmatched.includes(o) || l.pairs.some((p) => p.item === o));
  if (!level) return undefined;
  const paired = [...level.pairs].sort((x, y) => x.item.span.start - y.item.span.start);
  const before = [...paired].reverse().find((p) => p.item.span.start < o.span.start)?.heading;
  const after = paired.find((p) => p.item.span.start > o.span.start)?.heading;
  const like = after ?? before;
  if (!like) return undefined;
  const from = before ? before.heading.end : like.group.parent ? like.group.parent.heading.end : model.parts.bodyStart;
  const cut = after ? cutBetween(findings, from, after.marker.start) : undefined;
  const heading = headingLine(like, o.marker.value, o);
  const edit = insertHeadingsEdit(model, [heading.marker + heading.text], { cut, before, after });
  return edit ? { edit, heading } : undefined;
}

/** Every 【提纲】 item of the draft with no heading in the body. */
export function unmatchedOutlineItems(model: SpeechModel): OutlineBlockItem[] {
  const pairing = pairOutlineBlock(model);
  if (!pairing) return [];
  const out: OutlineBlockItem[] = [...pairing.unmatched];
  for (const p of allPairs(pairing)) if (p.children) out.push(...p.children.unmatched);
  return out;
}
