// After an edit of prose alone, a model's structure is the last one's moved:
// the same markers, items, lists, announcements and parts, with the same
// texts, lines and paragraph bounds, those from the edit on shifted by what it
// added. The checker then gives the findings of the rules that read only the
// structure again, moved, instead of running them (`DocumentRule.reads`).
// Whether it is so is checked here, fact by fact, in work a structural item.

import type { MarkerToken } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import type { EditRange } from '../text/lineIndex';
import { firstWhere } from '../text/search';
import type { Finding, Span, TextEdit } from '../types';
import type { Announcement, SpeechModel, SpeechParts } from './types';

/** The model before an edit and the edit: a place in it is where `movedOffset` puts it now. */
export interface MovedStructure {
  previous: SpeechModel;
  edit: EditRange;
}

/**
 * Where a place of the text before the edit is now: up to the edit's start it stays, from its old
 * end it moves; inside it, it is lost. Where text was only inserted, its place moves (what ends
 * there is what the insertion made longer).
 */
export function movedOffset(moved: MovedStructure, offset: number): number | undefined {
  const { start, oldEnd, newEnd } = moved.edit;
  if (offset < start || (offset === start && oldEnd > start)) return offset;
  return offset >= oldEnd ? offset + newEnd - oldEnd : undefined;
}

const movedModels = new WeakMap<SpeechModel, MovedStructure>();

/** The model's structure is that of `previous` moved by the edit between them (see the file's head), if it is. */
export function movedStructureOf(model: SpeechModel): MovedStructure | undefined {
  return movedModels.get(model);
}

/**
 * Forgets where `model`'s structure moved from, once a model made after it is checked: each record
 * holds the model before, so records kept along a run of edits would keep every model alive.
 */
export function forgetMovedStructure(model: SpeechModel): void {
  movedModels.delete(model);
}

/** Where a model's body lies, what its markers are read from. */
export interface BodyBounds {
  /** The first paragraph after the front matter, and the offsets the body begins and ends at. */
  startParagraph: number;
  start: number;
  end: number;
  /** The paragraphs of the 【提纲】 (not the body's). */
  outlineBlock: readonly number[];
}

/**
 * The body's markers are the last model's moved (token for token, each at its place moved, markers
 * sharing a paragraph as they did), so that they nest, group and are prose as they did: found from
 * the paragraphs split again alone, the others having kept their texts and so their markers. The
 * body's bounds are the same moved, and the paragraphs of the stretch (old `[from, oldTo)`, new
 * `[from, to)`) that hold markers, or are comments or in the 【提纲】, pair up: comments and the
 * 【提纲】's with the same texts, the others with the same texts or the same marker tokens moved
 * (`tokensMoved`; their headings, made anew with the tree, `recordIfMoved` compares).
 * `structural(k, before)`: paragraph k holds markers, is a comment or is in the 【提纲】;
 * `tokens(k, before)`: its marker tokens.
 */
export function markersMoved(
  moved: MovedStructure,
  was: BodyBounds,
  now: BodyBounds,
  paragraphs: readonly Paragraph[],
  stretch: { from: number; oldTo: number; to: number },
  structural: (k: number, before: boolean) => boolean,
  tokens: (k: number, before: boolean) => readonly MarkerToken[],
): boolean {
  const { from, oldTo, to } = stretch;
  if (was.startParagraph !== now.startParagraph || now.startParagraph > from) return false;
  if (movedOffset(moved, was.start) !== now.start || movedOffset(moved, was.end) !== now.end) return false;
  const shift = to - oldTo;
  const index = (k: number) => (k < from ? k : k >= oldTo ? k + shift : -1);
  if (was.outlineBlock.length !== now.outlineBlock.length || was.outlineBlock.some((k, i) => index(k) !== now.outlineBlock[i])) return false;
  const old = moved.previous.paragraphs;
  let j = from;
  for (let k = from; k < to; k++) {
    if (!structural(k, false)) continue;
    while (j < oldTo && !structural(j, true)) j++;
    if (j >= oldTo) return false;
    const a = old[j];
    const b = paragraphs[k];
    if (a.comment !== b.comment || movedOffset(moved, a.start) !== b.start) return false;
    if (a.text !== b.text && (b.comment || now.outlineBlock.includes(k) || was.outlineBlock.includes(j) || !tokensMoved(moved, a.start, tokens(j, true), b.start, tokens(k, false)))) return false;
    j++;
  }
  while (j < oldTo) if (structural(j++, true)) return false;
  return true;
}

/** Fields of a marker token other than its places. */
const TOKEN_FIELDS = ['family', 'key', 'value', 'text', 'numeral', 'canonical', 'atStart'] as const;

/**
 * The marker tokens of a paragraph at `at` (`b`, local offsets) are those of one at `was` before the
 * edit (`a`), each moved: the same token, its marker and numeral where `movedOffset` puts them (so
 * none overlaps the edit: a token's length is kept).
 */
function tokensMoved(moved: MovedStructure, was: number, a: readonly MarkerToken[], at: number, b: readonly MarkerToken[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    for (const field of TOKEN_FIELDS) if (x[field] !== y[field]) return false;
    for (const place of ['start', 'end', 'numeralStart', 'numeralEnd'] as const) if (movedOffset(moved, was + x[place]) !== at + y[place]) return false;
  }
  return true;
}

/**
 * Records that `model` is `previous` moved by `edit`, where it is: the same paragraphs and lines,
 * those whose text changed prose after the front matter and not the last paragraph (their markers
 * the same moved, `markersMoved`; their announcements the same moved, the edit off what
 * announced-count reads of them); the others, the parts, the items (headings and what headings
 * hold) and the announcements at their old places moved. `announcements(k, before)`: those of
 * paragraph k's text, offsets local to it; `made`: the items of `model` made anew, the only ones
 * not known to be the last ones kept or moved (all where not given).
 */
export function recordIfMoved(
  previous: SpeechModel,
  model: SpeechModel,
  edit: EditRange,
  stretch: { from: number; to: number },
  announcements: (k: number, before: boolean) => readonly Announcement[] | undefined,
  made: { start: number; end: number } = { start: 0, end: model.items.length },
): void {
  const moved: MovedStructure = { previous, edit };
  if (previous.paragraphs.length !== model.paragraphs.length || previous.lines.lineCount !== model.lines.lineCount) return;
  // Whether the draft's lines end in \r\n is read from the whole text (the 【提纲】 written anew).
  if (holdsCarriageReturn(previous.text, edit.start, edit.oldEnd) || holdsCarriageReturn(model.text, edit.start, edit.newEnd)) return;
  const at = (offset: number) => movedOffset(moved, offset);
  const same = (a: Span | undefined, b: Span | undefined) => (a === undefined ? b === undefined : b !== undefined && at(a.start) === b.start && at(a.end) === b.end);
  if (!sameParts(previous.parts, model.parts, same)) return;
  const outline = new Set(model.parts.outlineBlock?.paragraphs);
  // The speech's last paragraph (comments and the 【提纲】 are not the speech's).
  let last = model.paragraphs.length - 1;
  while (last >= 0 && (model.paragraphs[last].comment || outline.has(last))) last--;
  /** Paragraphs whose text the edit changed: their items are read below. */
  const changed = new Set<number>();
  for (let k = stretch.from; k < stretch.to; k++) {
    const a = previous.paragraphs[k];
    const b = model.paragraphs[k];
    if (a.comment !== b.comment || a.indented !== b.indented || a.firstLine !== b.firstLine || a.lastLine !== b.lastLine) return;
    if (a.text === b.text) {
      if (!same(a, b)) return;
      continue;
    }
    if (b.comment || outline.has(k)) return;
    // Inside the body (the front matter's texts are read whole: its form, a title's first character),
    // and not the last paragraph (speech-structure points at it). The closing's and the cut's spans are compared.
    if (b.start <= model.parts.bodyStart || k === last) return;
    if (!announcementsMoved(moved, previous, a, announcements(k, true), b, announcements(k, false))) return;
    changed.add(k);
  }
  if (previous.items.length !== model.items.length || previous.announcements.length !== model.announcements.length) return;
  // The items before those made anew are the last tree's, before the edit; those after, its moved past it (`editedTree`).
  for (let i = made.start; i < made.end; i++) {
    const a = previous.items[i];
    const b = model.items[i];
    if (!same(a.span, b.span) || !same(a.heading, b.heading) || !same(a.marker, b.marker) || a.headingText !== b.headingText || a.standalone !== b.standalone) return;
    // An item in a paragraph the edit changed: heading-style reads a stand-alone heading's paragraph
    // to its end (its last character) and of every item whether its span runs past its paragraph.
    if (changed.has(b.marker.paragraph)) {
      if (b.standalone || a.span.end > previous.paragraphs[a.marker.paragraph].end !== b.span.end > model.paragraphs[b.marker.paragraph].end) return;
    }
  }
  for (let i = 0; i < model.announcements.length; i++) if (!same(previous.announcements[i].span, model.announcements[i].span)) return;
  movedModels.set(model, moved);
}

/**
 * The announcements of a paragraph the edit changed (`a` before, `b` now; offsets local to each) are
 * the same moved, and the edit is off what announced-count and speech-structure read of each: its
 * words, and for a sentence that counts (held to a list that follows at once) the text after it up
 * to the next list marker in its paragraph, or the paragraph's end. `undefined`: not known.
 */
function announcementsMoved(
  moved: MovedStructure,
  previous: SpeechModel,
  a: Paragraph,
  was: readonly Announcement[] | undefined,
  b: Paragraph,
  now: readonly Announcement[] | undefined,
): boolean {
  if (!was || !now || was.length !== now.length) return false;
  const { start, oldEnd } = moved.edit;
  for (let i = 0; i < was.length; i++) {
    const [x, y] = [was[i], now[i]];
    if (x.kind !== y.kind || x.count !== y.count || x.countText !== y.countText) return false;
    const from = a.start + x.span.start;
    const to = a.start + x.span.end;
    if (movedOffset(moved, from) !== b.start + y.span.start || movedOffset(moved, to) !== b.start + y.span.end) return false;
    let readTo = to;
    if (x.kind === 'count') {
      const next = previous.markers[firstWhere(previous.markers, (m) => m.start >= to)];
      readTo = next && next.paragraph === a.index ? next.start : a.end;
    }
    // Touching counts: an insertion at either end may lengthen what is read.
    if (start <= readTo && oldEnd >= from) return false;
  }
  return true;
}

/** A \r in `[start, end)` or next to it. */
function holdsCarriageReturn(text: string, start: number, end: number): boolean {
  for (let i = Math.max(0, start - 1); i < end + 1 && i < text.length; i++) if (text.charCodeAt(i) === 13) return true;
  return false;
}

function sameParts(a: SpeechParts, b: SpeechParts, same: (a: Span | undefined, b: Span | undefined) => boolean): boolean {
  if (a.form !== b.form || !same({ start: a.bodyStart, end: a.bodyStart }, { start: b.bodyStart, end: b.bodyStart })) return false;
  for (const key of ['title', 'date', 'speaker', 'salutation', 'transition', 'closing', 'cut', 'strayHeading'] as const) if (!same(a[key], b[key])) return false;
  const [x, y] = [a.outlineBlock, b.outlineBlock];
  if (!x || !y) return x === y;
  if (!same(x.span, y.span) || !same(x.label, y.label) || x.items.length !== y.items.length || x.paragraphs.length !== y.paragraphs.length) return false;
  return x.items.every((item, i) => same(item.span, y.items[i].span) && item.text === y.items[i].text);
}

/**
 * The findings of a check of `moved.previous` where they are now: the same object where nothing of
 * one is at or after the edit, else a copy with its places moved; undefined if a place was inside
 * the edit (the rule is run again).
 */
export function movedFindings(findings: readonly Finding[], moved: MovedStructure): readonly Finding[] | undefined {
  const { start: from, oldEnd, newEnd } = moved.edit;
  // An edit of one character or none that keeps the length moves no place and loses none (a place
  // is lost strictly inside the edit): the findings are the last ones themselves, no walk.
  if (newEnd === oldEnd && oldEnd - from <= 1 && !holdsMembers(findings)) {
    movedWork.given++;
    return findings;
  }
  movedWork.walked++;
  const out: Finding[] = new Array(findings.length);
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.members) return undefined;
    if (lastPlaceOf(f) < from || (lastPlaceOf(f) === from && moved.edit.oldEnd > from)) {
      out[i] = f;
      continue;
    }
    const span = movedSpan(moved, f.span);
    if (!span) return undefined;
    const copy: Finding = { ...f, span };
    if (f.related) {
      const related: NonNullable<Finding['related']> = [];
      for (const r of f.related) {
        const s = movedSpan(moved, r.span);
        if (!s) return undefined;
        related.push({ ...r, span: s });
      }
      copy.related = related;
    }
    if (f.fixes) {
      const fixes: NonNullable<Finding['fixes']> = [];
      for (const fix of f.fixes) {
        const edits: TextEdit[] = [];
        for (const e of fix.edits) {
          const s = movedSpan(moved, e);
          if (!s) return undefined;
          edits.push({ start: s.start, end: s.end, newText: e.newText });
        }
        fixes.push({ ...fix, edits });
      }
      copy.fixes = fixes;
    }
    out[i] = copy;
  }
  return out;
}

/** Structure rules' lists given again whole (`given`) and walked finding by finding (`walked`), for the tests that count what an edit costs. */
export const movedWork = { given: 0, walked: 0 };

/** Whether a list of findings holds a group (`members`): known once a list, as the same list is given again edit after edit. */
const groupsHeld = new WeakMap<readonly Finding[], boolean>();
function holdsMembers(findings: readonly Finding[]): boolean {
  let held = groupsHeld.get(findings);
  if (held === undefined) groupsHeld.set(findings, (held = findings.some((f) => f.members !== undefined)));
  return held;
}

function movedSpan(moved: MovedStructure, s: Span): Span | undefined {
  const start = movedOffset(moved, s.start);
  const end = movedOffset(moved, s.end);
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The greatest offset a finding names. */
function lastPlaceOf(f: Finding): number {
  let last = f.span.end;
  if (f.related) for (const r of f.related) last = Math.max(last, r.span.end);
  if (f.fixes) for (const fix of f.fixes) for (const e of fix.edits) last = Math.max(last, e.end);
  return last;
}
