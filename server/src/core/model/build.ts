// Text -> structure model. Paragraph-local work (marker scanning) is cached by
// paragraph text so that an edit re-scans only the paragraphs it touched.

import { LineIndex, type EditRange } from '../text/lineIndex';
import { CharCounter } from './charCounter';
import { scanMarkers, type MarkerToken } from '../parse/markers';
import { splitParagraphs, splitParagraphsAfterEdit, type Paragraph } from '../parse/paragraphs';
import { findAnnouncements } from './announcements';
import { findOutlineBlock } from './outlineBlock';
import { findCut } from './cut';
import { findClosing, findFrontMatter, findTransition } from './parts';
import { buildTree, nestByKey, nestedAfterEdit, proseMarkers } from './tree';
import { editedTree, movedMarkersFrom } from './editedTree';
import { markersMoved, movedOffset, recordIfMoved, type BodyBounds } from './moved';
import { recordEditStretch } from './editStretch';
import type { Announcement, Marker, SpeechModel } from './types';
import type { CheckedFacts } from '../check';

/**
 * Remembers per-paragraph results between builds. An entry unused by the last builds goes when the
 * cache holds more than twice what a build uses: a build after an edit only looks up what it has
 * (one look-up a paragraph, no copying of the cache per build).
 */
export class ParagraphCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private build = 0;
  private used = 0;

  /** The entry for `key`, computed from it if new (`compute` gets the key: no closure needed per call). */
  get(key: string, compute: (key: string) => T): T {
    return this.entry(key, compute).value;
  }

  /** The entry itself, to be kept (`keep`) by a later build without a look-up. */
  entry(key: string, compute: (key: string) => T): CacheEntry<T> {
    let e = this.entries.get(key);
    if (e !== undefined) {
      this.keep(e);
      return e;
    }
    e = { value: compute(key), build: this.build };
    this.entries.set(key, e);
    this.used++;
    return e;
  }

  /** Marks an entry got from this cache as used by this build. */
  keep(e: CacheEntry<T>): void {
    if (e.build !== this.build) {
      e.build = this.build;
      this.used++;
    }
  }

  /** Known from an earlier look-up. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Call after each build: what the builds since the last clean-up did not touch may be forgotten. */
  sweep(): void {
    if (this.entries.size > 2 * this.used + 64) {
      for (const [key, e] of this.entries) if (e.build !== this.build) this.entries.delete(key);
    }
    this.build++;
    this.used = 0;
  }

  /** Entries held, for the tests that see the cache stays bounded. */
  get size(): number {
    return this.entries.size;
  }
}

export interface CacheEntry<T> {
  readonly value: T;
  /** The last build that used it. */
  build: number;
}

/** What is known of one paragraph's text, each part worked out when first needed. */
export interface ParagraphFacts {
  markers?: MarkerToken[];
  chars?: number;
  /** Running character counts, made only for paragraphs a span starts or ends inside. */
  charPrefix?: Int32Array;
  announcements?: Announcement[];
  /** The markers and announcements placed in the text at a paragraph's start and index: one that has not moved gives them again without a copy. */
  placed?: { start: number; index: number; markers: Marker[]; announcements: Announcement[] };
  /** What the checker worked out from the text (its rules' findings, memos and trigger answers). */
  checked?: CheckedFacts;
}

/** One entry per paragraph text: one look-up a paragraph, whatever is asked of it. */
export type ModelCaches = ParagraphCache<ParagraphFacts>;

export function createModelCaches(): ModelCaches {
  return new ParagraphCache();
}

export const noFacts = (): ParagraphFacts => ({});

export function markersOf(facts: ParagraphFacts, text: string): MarkerToken[] {
  return (facts.markers ??= scanMarkers(text));
}

/** The paragraph's announcements, offsets local to its text, found once per text. */
function announcementsOf(facts: ParagraphFacts, text: string): Announcement[] {
  return (facts.announcements ??= findAnnouncements(text, 0, 0));
}

export function buildModel(text: string, caches: ModelCaches = createModelCaches()): SpeechModel {
  const lines = new LineIndex(text);
  const paragraphs = splitParagraphs(text, lines);
  return modelOf(text, lines, paragraphs, caches, paragraphs.map((p) => caches.entry(p.text, noFacts)));
}

/** Per model, the cache entry of each paragraph's facts, in paragraph order. */
const factsOfModels = new WeakMap<SpeechModel, ReadonlyArray<CacheEntry<ParagraphFacts>>>();

/** What is known of each paragraph of a model this module built, in paragraph order. */
export function paragraphFacts(model: SpeechModel): ReadonlyArray<CacheEntry<ParagraphFacts>> | undefined {
  return factsOfModels.get(model);
}

/**
 * The model of `previous.text` with one stretch replaced (`text` is the result): the line index
 * and the paragraphs are updated around the edit (`splitParagraphsAfterEdit`), the untouched
 * paragraphs keeping their text, so that each is one look-up in the caches; the rest is derived
 * again from them.
 */
export function modelAfterEdit(previous: SpeechModel, text: string, edit: EditRange, caches: ModelCaches): SpeechModel {
  const lines = previous.lines.edited(text, edit);
  const split = splitParagraphsAfterEdit(previous.paragraphs, previous.lines, text, lines, edit);
  const { paragraphs, keptBefore, movedFrom, movedTo } = split;
  // The old paragraphs' entries are carried over: only the new paragraphs are looked up.
  const old = factsOfModels.get(previous);
  const entries = paragraphs.map((p, k) => {
    const e = !old ? undefined : k < keptBefore ? old[k] : k >= movedTo ? old[k - movedTo + movedFrom] : undefined;
    if (e === undefined) return caches.entry(p.text, noFacts);
    caches.keep(e);
    return e;
  });
  const model = modelOf(text, lines, paragraphs, caches, entries, { previous, edit, stretch: { from: keptBefore, oldTo: movedFrom, to: movedTo }, old });
  recordEditStretch(model, { previous, edit, from: keptBefore, oldTo: movedFrom, to: movedTo });
  return model;
}

/** The model an edit started from, the edit, and the paragraphs split again (`[from, to)`, with the old entries when known). */
interface AfterEdit {
  previous: SpeechModel;
  edit: EditRange;
  stretch: { from: number; oldTo: number; to: number };
  old: ReadonlyArray<CacheEntry<ParagraphFacts>> | undefined;
}

/** What a model's tree was made from: all the body's markers (prose ones too), which are prose, the body's bounds, and each list marker's parent and each marker's (-1 at the top). */
const treeInputs = new WeakMap<SpeechModel, { markers: Marker[]; prose: Set<Marker>; body: BodyBounds; parents: readonly number[]; allParents: number[] }>();

/** The paragraph's markers and announcements at its place in the text, made again only where it moved. */
function placedFacts(known: ParagraphFacts, p: Paragraph): NonNullable<ParagraphFacts['placed']> {
  if (known.placed?.start === p.start && known.placed.index === p.index) return known.placed;
  const markers = markersOf(known, p.text).map(
    (t): Marker => ({ ...t, start: t.start + p.start, end: t.end + p.start, numeralStart: t.numeralStart + p.start, numeralEnd: t.numeralEnd + p.start, paragraph: p.index }),
  );
  const announcements = announcementsOf(known, p.text).map(
    (a): Announcement => ({ ...a, span: { start: a.span.start + p.start, end: a.span.end + p.start }, paragraph: p.index }),
  );
  return (known.placed = { start: p.start, index: p.index, markers, announcements });
}

/** The two lists (paragraph indices, ascending) hold the same ones below `limit`. */
function sameBefore(a: readonly number[], b: readonly number[], limit: number): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] < limit && a[i] === b[i]) i++;
  return (i >= a.length || a[i] >= limit) && (i >= b.length || b[i] >= limit);
}

function modelOf(
  text: string,
  lines: LineIndex,
  paragraphs: Paragraph[],
  caches: ModelCaches,
  entries: Array<CacheEntry<ParagraphFacts>>,
  after?: AfterEdit,
): SpeechModel {
  const facts = entries.map((e) => e.value);
  const counter = new CharCounter(paragraphs, facts);
  const outlineBlock = findOutlineBlock(text, paragraphs);
  const inOutlineBlock = new Set(outlineBlock?.paragraphs ?? []);
  const speech = paragraphs.filter((p) => !p.comment && !inOutlineBlock.has(p.index));
  const front = findFrontMatter(speech);
  const bodyStart = front.bodyStart;
  const cut = findCut(speech);
  const closing = findClosing(text, speech, bodyStart, cut?.start);
  const bodyEnd = closing ? closing.start : cut ? cut.start : text.length;

  const before = after && treeInputs.get(after.previous);
  // Before the edit, inside both bodies, a paragraph's markers and announcements are the last model's
  // (the same objects: a text met in several paragraphs is placed again at each, its `placed` being the last one's).
  const keptUpTo =
    before && before.body.start === bodyStart && before.body.startParagraph === front.bodyStartParagraph && sameBefore(before.body.outlineBlock, outlineBlock?.paragraphs ?? [], after!.stretch.from)
      ? Math.min(bodyEnd, before.body.end)
      : -1;
  const oldMarkers = before?.markers ?? [];
  const oldAnnouncements = after?.previous.announcements ?? [];
  let j = 0;
  let q = 0;
  const markers: Marker[] = [];
  const announcements: Announcement[] = [];
  let chars = 0;
  for (let i = 0; i < speech.length; i++) {
    const p = speech[i];
    chars += counter.paragraph(p.index);
    if (i < front.bodyStartParagraph || p.start >= bodyEnd) continue;
    if (after && p.index < after.stretch.from && p.start < keptUpTo) {
      while (j < oldMarkers.length && oldMarkers[j].paragraph < p.index) j++;
      while (j < oldMarkers.length && oldMarkers[j].paragraph === p.index) markers.push(oldMarkers[j++]);
      while (q < oldAnnouncements.length && oldAnnouncements[q].paragraph < p.index) q++;
      while (q < oldAnnouncements.length && oldAnnouncements[q].paragraph === p.index) announcements.push(oldAnnouncements[q++]);
      continue;
    }
    const known = facts[p.index];
    // Most paragraphs hold neither: nothing to place.
    if (markersOf(known, p.text).length === 0 && announcementsOf(known, p.text).length === 0) continue;
    const placed = placedFacts(known, p);
    for (const m of placed.markers) if (m.start >= bodyStart) markers.push(m);
    for (const a of placed.announcements) announcements.push(a);
  }
  caches.sweep();

  // The markers of the last model moved: their nesting and prose are copied; the tree is made as after any edit (`editedTree`).
  let prose: Set<Marker>;
  let listMarkers: Marker[];
  let parents: readonly number[];
  let allParents: number[];
  const body: BodyBounds = { startParagraph: front.bodyStartParagraph, start: bodyStart, end: bodyEnd, outlineBlock: outlineBlock?.paragraphs ?? [] };
  const structural = (k: number, previously: boolean): boolean => {
    const p = (previously ? after!.previous.paragraphs : paragraphs)[k];
    const f = previously ? after!.old?.[k]?.value : facts[k];
    return p.comment || !f || markersOf(f, p.text).length > 0 || (previously ? before!.body : body).outlineBlock.includes(k);
  };
  const tokens = (k: number, previously: boolean): readonly MarkerToken[] => {
    const p = (previously ? after!.previous.paragraphs : paragraphs)[k];
    const f = previously ? after!.old?.[k]?.value : facts[k];
    return f ? markersOf(f, p.text) : [];
  };
  const copied =
    after !== undefined &&
    before !== undefined &&
    before.markers.length === markers.length &&
    markersMoved({ previous: after.previous, edit: after.edit }, before.body, body, paragraphs, after.stretch, structural, tokens);
  if (copied) {
    // The same tokens moved nest and group as they did: the nesting is the last one's.
    prose = new Set();
    if (before.prose.size) markers.forEach((m, i) => before.prose.has(before.markers[i]) && prose.add(m));
    listMarkers = prose.size ? markers.filter((m) => !prose.has(m)) : markers;
    parents = before.parents;
    allParents = before.allParents;
  } else {
    // After an edit, markers are nested anew from the first not kept to the first moved past it at the top.
    const delta = after ? after.edit.newEnd - after.edit.oldEnd : 0;
    const nested = (was: readonly Marker[], wasParents: readonly number[], now: Marker[]) =>
      after ? nestedAfterEdit(was, wasParents, now, movedMarkersFrom(was, now, after.stretch, delta)) : nestByKey(now);
    allParents = before ? nested(before.markers, before.allParents, markers) : nestByKey(markers);
    // A lone 首先 or 最后 is prose: take it out so that it does not hold what follows.
    const found = proseMarkers(markers, allParents);
    prose = found.prose;
    listMarkers = prose.size ? markers.filter((m) => !prose.has(m)) : markers;
    parents = !prose.size ? allParents : before ? nested(after!.previous.markers, before.parents, listMarkers) : nestByKey(listMarkers);
  }
  // After an edit, the lists at the top the edit did not reach are the last tree's, kept or moved.
  const edited =
    after && before
      ? editedTree(
          {
            old: after.previous,
            markers: after.previous.markers,
            parents: before.parents,
            stretch: after.stretch,
            delta: after.edit.newEnd - after.edit.oldEnd,
            bodyEndMoved: movedOffset(after, before.body.end) === bodyEnd,
          },
          listMarkers,
          parents,
          text,
          paragraphs,
          bodyEnd,
          counter,
        )
      : undefined;
  const tree = edited ?? buildTree(text, paragraphs, listMarkers, bodyEnd, counter, parents);
  const firstRoot = tree.roots[0];
  const transition = findTransition(text, bodyStart, firstRoot ? firstRoot.marker.start : bodyEnd);
  const model: SpeechModel = {
    text,
    lines,
    paragraphs,
    parts: {
      form: front.form,
      title: front.title,
      date: front.date,
      speaker: front.speaker,
      salutation: front.salutation,
      transition,
      closing,
      cut,
      strayHeading: front.strayHeading,
      outlineBlock,
      bodyStart,
    },
    markers: listMarkers,
    proseMarkers: [...prose],
    roots: tree.roots,
    items: tree.items,
    groups: tree.groups,
    announcements: announcements.filter((a) => a.span.start >= bodyStart),
    chars,
  };
  factsOfModels.set(model, entries);
  treeInputs.set(model, { markers, prose, body, parents, allParents });
  if (after && copied) {
    const { old } = after;
    const announcements = (k: number, previously: boolean) => {
      const f = previously ? old?.[k]?.value : facts[k];
      const p = (previously ? after.previous.paragraphs : paragraphs)[k];
      return f ? announcementsOf(f, p.text) : undefined;
    };
    recordIfMoved(after.previous, model, after.edit, after.stretch, announcements, edited?.made);
  }
  return model;
}
