// Text -> structure model. Paragraph-local work (marker scanning) is cached by
// paragraph text so that an edit re-scans only the paragraphs it touched.

import { LineIndex, type EditRange } from '../text/lineIndex';
import { CharCounter } from './charCounter';
import { scanMarkers, type MarkerToken } from '../parse/markers';
import { splitParagraphs, splitParagraphsAfterEdit, type Paragraph } from '../parse/paragraphs';
import { findAnnouncements } from './announcements';
import { findOutlineBlock, OUTLINE_BLOCK_LABEL_WITHIN } from './outlineBlock';
import { findCut } from './cut';
import { findClosing, findFrontMatter, findTransition } from './parts';
import { buildTree, nestByKey, nestedAfterEdit, proseMarkers } from './tree';
import { editedTree, movedMarkersFrom } from './editedTree';
import { markersMoved, movedOffset, recordIfMoved, type BodyBounds } from './moved';
import { recordEditStretch } from './editStretch';
import { carryLineBreaks } from './lineBreak';
import { firstWhere } from '../text/search';
import { equalValues, sameItems } from '../givenAgain';
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

  /**
   * Call after each build: what the builds since the last clean-up did not touch may be forgotten.
   * `live`: a build after an edit carries the entries of the paragraphs it kept without marking each;
   * they count as used, and are marked only when a clean-up is due (it comes once the cache has grown
   * by as many entries as the build holds: the marking is paid for by the entries made since).
   */
  sweep(live?: ReadonlyArray<CacheEntry<T>>): void {
    if (this.entries.size > 2 * Math.max(this.used, live?.length ?? 0) + 64) {
      if (live) for (const e of live) e.build = this.build;
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
  const entries = paragraphs.map((p) => caches.entry(p.text, noFacts));
  return modelOf(text, lines, paragraphs, caches, entries, entries.map((e) => e.value));
}

/**
 * What a model was made with that the next one, after an edit, carries over from it: the cache entry
 * of each paragraph's facts and the facts (the entries' values), in paragraph order, the comment
 * paragraphs (indices, ascending), the counter of characters, and the index of the body's first paragraph.
 */
interface Made {
  entries: ReadonlyArray<CacheEntry<ParagraphFacts>>;
  facts: ParagraphFacts[];
  comments: number[];
  counter: CharCounter;
  bodyFirst: number;
}
const madeOfModels = new WeakMap<SpeechModel, Made>();

/** What is known of each paragraph of a model this module built, in paragraph order. */
export function factsOf(model: SpeechModel): readonly ParagraphFacts[] | undefined {
  return madeOfModels.get(model)?.facts;
}

/** The indices of a model's comment paragraphs, ascending, where this module built it. */
export function commentParagraphs(model: SpeechModel): readonly number[] | undefined {
  return madeOfModels.get(model)?.comments;
}

/** The comment paragraphs after an edit: those before the stretch kept, the stretch's found, those after it renumbered. */
function commentsAfterEdit(was: readonly number[], paragraphs: readonly Paragraph[], stretch: { from: number; oldTo: number; to: number }): number[] {
  const out: number[] = [];
  let i = 0;
  while (i < was.length && was[i] < stretch.from) out.push(was[i++]);
  for (let k = stretch.from; k < stretch.to; k++) if (paragraphs[k].comment) out.push(k);
  while (i < was.length && was[i] < stretch.oldTo) i++;
  for (; i < was.length; i++) out.push(was[i] - stretch.oldTo + stretch.to);
  return out;
}

/** The front matter's finders read no further than this many speech paragraphs (the salutation's, 16 and 12 more). */
const SPEECH_HEAD = 40;
/** The cut's finder reads no further back than this many. */
const SPEECH_TAIL = 8;

/** Paragraphs of the body walked for their markers and announcements (after an edit, those of the stretch): the tests count them. */
export const bodyWork = { paragraphs: 0 };

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
  const was = madeOfModels.get(previous);
  let entries: Array<CacheEntry<ParagraphFacts>>;
  let facts: ParagraphFacts[];
  if (was) {
    // Copied in runs (no work a paragraph): the entries kept are marked used when the cache is next cleaned up.
    const made: Array<CacheEntry<ParagraphFacts>> = [];
    for (let k = keptBefore; k < movedTo; k++) made.push(caches.entry(paragraphs[k].text, noFacts));
    if (movedTo - keptBefore === movedFrom - keptBefore) {
      // As many paragraphs as before: one copy of each list, the stretch written over.
      entries = was.entries.slice();
      facts = was.facts.slice();
      for (let k = keptBefore; k < movedTo; k++) facts[k] = (entries[k] = made[k - keptBefore]).value;
    } else {
      entries = was.entries.slice(0, keptBefore).concat(made, was.entries.slice(movedFrom));
      facts = was.facts.slice(0, keptBefore).concat(made.map((e) => e.value), was.facts.slice(movedFrom));
    }
  } else {
    entries = paragraphs.map((p) => caches.entry(p.text, noFacts));
    facts = entries.map((e) => e.value);
  }
  const model = modelOf(text, lines, paragraphs, caches, entries, facts, { previous, edit, stretch: { from: keptBefore, oldTo: movedFrom, to: movedTo } });
  recordEditStretch(model, { previous, edit, from: keptBefore, oldTo: movedFrom, to: movedTo });
  carryLineBreaks(model, previous, edit);
  return model;
}

/** The model an edit started from, the edit, and the paragraphs split again (`[from, to)`). */
interface AfterEdit {
  previous: SpeechModel;
  edit: EditRange;
  stretch: { from: number; oldTo: number; to: number };
}

/** What a model's tree was made from: all the body's markers (prose ones too), which are prose, the body's bounds, and each list marker's parent and each marker's (-1 at the top). */
const treeInputs = new WeakMap<SpeechModel, { markers: Marker[]; prose: Set<Marker>; body: BodyBounds; parents: readonly number[]; allParents: number[] }>();

/**
 * The paragraph's markers and announcements at its place in the text, made again only where it
 * moved. `stood`: those of the paragraph that stood at this place before an edit (its text
 * changed): where equal field by field, they themselves, so that the lists and the tree made of
 * them are given again.
 */
function placedFacts(known: ParagraphFacts, p: Paragraph, stood?: ParagraphFacts['placed']): NonNullable<ParagraphFacts['placed']> {
  if (known.placed?.start === p.start && known.placed.index === p.index) return known.placed;
  const markers = markersOf(known, p.text).map((t) => placedMarker(t, p));
  const announcements = announcementsOf(known, p.text).map(
    (a): Announcement => ({ kind: a.kind, span: { start: a.span.start + p.start, end: a.span.end + p.start }, count: a.count, countText: a.countText, paragraph: p.index }),
  );
  if (stood?.start === p.start && stood.index === p.index && equalValues(markers, stood.markers) && equalValues(announcements, stood.announcements)) return (known.placed = stood);
  return (known.placed = { start: p.start, index: p.index, markers, announcements });
}

/**
 * A paragraph's marker token at the paragraph's place, written field by field: a spread copy
 * (`{ ...t }`) gives each marker a map of its own in V8, and every rule reading markers then
 * reads them as objects of a thousand shapes (slow, megamorphic loads).
 */
function placedMarker(t: MarkerToken, p: Paragraph): Marker {
  return {
    family: t.family,
    key: t.key,
    value: t.value,
    start: t.start + p.start,
    end: t.end + p.start,
    text: t.text,
    numeralStart: t.numeralStart + p.start,
    numeralEnd: t.numeralEnd + p.start,
    numeral: t.numeral,
    canonical: t.canonical,
    atStart: t.atStart,
    paragraph: p.index,
  };
}

/**
 * The 【提纲】 of the model before the edit is this one's: it is found in the first paragraphs (its
 * label in one of the first 20, its items those that follow on the next lines), and the edit split
 * again only paragraphs after all those it read — the block and the paragraph that ended it, or the
 * first 20 where there was none — which are the same objects (with the text they cover).
 */
function outlineBlockKept(after: AfterEdit): boolean {
  const block = after.previous.parts.outlineBlock;
  if (!block) return after.stretch.from >= OUTLINE_BLOCK_LABEL_WITHIN;
  return after.stretch.from > block.paragraphs[block.paragraphs.length - 1] + 1;
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
  facts: ParagraphFacts[],
  after?: AfterEdit,
): SpeechModel {
  const was = after && madeOfModels.get(after.previous);
  const counter = was ? new CharCounter(paragraphs, facts, { counter: was.counter, ...after!.stretch }) : new CharCounter(paragraphs, facts);
  const comments = was ? commentsAfterEdit(was.comments, paragraphs, after!.stretch) : paragraphs.filter((p) => p.comment).map((p) => p.index);
  const outlineBlock = after && outlineBlockKept(after) ? after.previous.parts.outlineBlock : findOutlineBlock(text, paragraphs);
  const inOutlineBlock = new Set(outlineBlock?.paragraphs ?? []);
  const isSpeech = (p: Paragraph) => !p.comment && !inOutlineBlock.has(p.index);
  // The front matter is read from the first speech paragraphs, the cut from the last (each finder reads no further).
  const head: Paragraph[] = [];
  for (let k = 0; k < paragraphs.length && head.length < SPEECH_HEAD; k++) if (isSpeech(paragraphs[k])) head.push(paragraphs[k]);
  const tail: Paragraph[] = [];
  for (let k = paragraphs.length - 1; k >= 0 && tail.length < SPEECH_TAIL; k--) if (isSpeech(paragraphs[k])) tail.push(paragraphs[k]);
  tail.reverse();
  const front = findFrontMatter(head);
  const bodyStart = front.bodyStart;
  const cut = findCut(tail);
  const closing = findClosing(text, paragraphs, bodyStart, cut?.start, (p) => inOutlineBlock.has(p.index));
  const bodyEnd = closing ? closing.start : cut ? cut.start : text.length;
  // The index of the body's first paragraph (the speech paragraphs before it are the front matter's).
  const bodyFirst = front.bodyStartParagraph < head.length ? head[front.bodyStartParagraph].index : paragraphs.length;
  // Speech characters: all the paragraphs' but the comments' and the 【提纲】's.
  let chars = counter.total;
  for (const k of comments) chars -= counter.paragraph(k);
  for (const k of outlineBlock?.paragraphs ?? []) if (!paragraphs[k].comment) chars -= counter.paragraph(k);

  const before = after && treeInputs.get(after.previous);
  // Before the edit, inside both bodies, a paragraph's markers and announcements are the last model's
  // (the same objects: a text met in several paragraphs is placed again at each, its `placed` being the last one's).
  const keptUpTo =
    before && before.body.start === bodyStart && before.body.startParagraph === front.bodyStartParagraph && sameBefore(before.body.outlineBlock, outlineBlock?.paragraphs ?? [], after!.stretch.from)
      ? Math.min(bodyEnd, before.body.end)
      : -1;
  const markers: Marker[] = [];
  const announcements: Announcement[] = [];
  /** The markers after the stretch are the last model's themselves (an edit that keeps the length and the paragraphs). */
  let tailGiven = false;
  // The markers and announcements the paragraph at k held before an edit that kept the paragraphs' places (its index and start the same).
  const stoodAt = (k: number): ParagraphFacts['placed'] => {
    if (!after || !before || after.stretch.to !== after.stretch.oldTo || k < after.stretch.from || k >= after.stretch.to) return undefined;
    const start = paragraphs[k].start;
    if (after.previous.paragraphs[k].start !== start) return undefined;
    const ofK = <T extends { paragraph: number }>(list: readonly T[]): T[] => {
      const from = firstWhere(list, (x) => x.paragraph >= k);
      return list.slice(from, firstWhere(list, (x) => x.paragraph > k, from));
    };
    return { start, index: k, markers: ofK(before.markers), announcements: ofK(after.previous.announcements) };
  };
  // The body's paragraphs in [from, to) placed (each holding neither is passed by).
  const walk = (from: number, to: number) => {
    for (let k = Math.max(from, bodyFirst); k < to; k++) {
      const p = paragraphs[k];
      if (p.start >= bodyEnd) break;
      if (!isSpeech(p)) continue;
      bodyWork.paragraphs++;
      const known = facts[k];
      // Most paragraphs hold neither: nothing to place.
      if (markersOf(known, p.text).length === 0 && announcementsOf(known, p.text).length === 0) continue;
      const placed = placedFacts(known, p, stoodAt(k));
      for (const m of placed.markers) if (m.start >= bodyStart) markers.push(m);
      for (const a of placed.announcements) announcements.push(a);
    }
  };
  if (after && before && was && keptUpTo >= 0) {
    const { from, oldTo, to } = after.stretch;
    const old = after.previous;
    const oldMarkers = before.markers;
    const oldAnnouncements = old.announcements;
    // Kept: the paragraphs before the stretch that start before the body ends in both.
    const walkFrom = Math.min(from, firstWhere(paragraphs, (p) => p.start >= keptUpTo));
    const keptM = firstWhere(oldMarkers, (m) => m.paragraph >= walkFrom);
    for (let i = 0; i < keptM; i++) markers.push(oldMarkers[i]);
    const keptA = firstWhere(oldAnnouncements, (a) => a.paragraph >= walkFrom);
    for (let i = 0; i < keptA; i++) announcements.push(oldAnnouncements[i]);
    // Moved: the paragraphs after the stretch are in the body here as they were there, where the body's end moved
    // with the edit (or lies before them in both), its start and the 【提纲】 lie before the stretch in both.
    const delta = after.edit.newEnd - after.edit.oldEnd;
    const firstAfter = to < paragraphs.length ? paragraphs[to].start : Infinity;
    const oldFirstAfter = oldTo < old.paragraphs.length ? old.paragraphs[oldTo].start : Infinity;
    const lastOf = (block: readonly number[]) => (block.length ? block[block.length - 1] : -1);
    const movedAlike =
      bodyFirst <= from &&
      was.bodyFirst <= from &&
      lastOf(outlineBlock?.paragraphs ?? []) < from &&
      lastOf(before.body.outlineBlock) < from &&
      (bodyEnd === before.body.end + delta || (bodyEnd <= firstAfter && before.body.end <= oldFirstAfter));
    walk(walkFrom, movedAlike ? to : paragraphs.length);
    if (movedAlike) {
      const fromM = firstWhere(oldMarkers, (m) => m.paragraph >= oldTo);
      const fromA = firstWhere(oldAnnouncements, (a) => a.paragraph >= oldTo);
      if (delta === 0 && to === oldTo) {
        tailGiven = true;
        for (let i = fromM; i < oldMarkers.length; i++) markers.push(oldMarkers[i]);
        for (let i = fromA; i < oldAnnouncements.length; i++) announcements.push(oldAnnouncements[i]);
      } else {
        // Placed again at each paragraph's new place (one placing a paragraph that holds any).
        const placeAgain = <T extends { paragraph: number }>(list: readonly T[], from: number, out: T[], of: (placed: NonNullable<ParagraphFacts['placed']>) => readonly T[]) => {
          for (let i = from; i < list.length; ) {
            const oldK = list[i].paragraph;
            while (i < list.length && list[i].paragraph === oldK) i++;
            const k = oldK - oldTo + to;
            for (const x of of(placedFacts(facts[k], paragraphs[k]))) out.push(x);
          }
        };
        placeAgain(oldMarkers, fromM, markers, (placed) => placed.markers);
        placeAgain(oldAnnouncements, fromA, announcements, (placed) => placed.announcements);
      }
    }
  } else walk(0, paragraphs.length);
  caches.sweep(after ? entries : undefined);

  // The markers of the last model moved: their nesting and prose are copied; the tree is made as after any edit (`editedTree`).
  let prose: Set<Marker>;
  let listMarkers: Marker[];
  let parents: readonly number[];
  let allParents: number[];
  const body: BodyBounds = { startParagraph: front.bodyStartParagraph, start: bodyStart, end: bodyEnd, outlineBlock: outlineBlock?.paragraphs ?? [] };
  // Paragraph k and its facts, here or (`previously`) in the model before the edit (facts unknown there: undefined).
  const paragraphAt = (k: number, previously: boolean): Paragraph => (previously ? after!.previous.paragraphs : paragraphs)[k];
  const factsAt = (k: number, previously: boolean): ParagraphFacts | undefined => (previously ? was?.facts[k] : facts[k]);
  const structural = (k: number, previously: boolean): boolean => {
    const p = paragraphAt(k, previously);
    const f = factsAt(k, previously);
    return p.comment || !f || markersOf(f, p.text).length > 0 || (previously ? before!.body : body).outlineBlock.includes(k);
  };
  const tokens = (k: number, previously: boolean): readonly MarkerToken[] => {
    const f = factsAt(k, previously);
    return f ? markersOf(f, paragraphAt(k, previously).text) : [];
  };
  const copied =
    after !== undefined &&
    before !== undefined &&
    before.markers.length === markers.length &&
    markersMoved({ previous: after.previous, edit: after.edit }, before.body, body, paragraphs, after.stretch, structural, tokens);
  if (copied && sameItems(markers, before.markers)) {
    // The last model's markers themselves (an edit that moved none): its prose and list markers too.
    prose = before.prose;
    listMarkers = after.previous.markers;
    parents = before.parents;
    allParents = before.allParents;
  } else if (copied) {
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
            tailGiven: tailGiven && copied,
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
  madeOfModels.set(model, { entries, facts, comments, counter, bodyFirst });
  treeInputs.set(model, { markers, prose, body, parents, allParents });
  if (after && copied) {
    const announcements = (k: number, previously: boolean) => {
      const f = factsAt(k, previously);
      return f ? announcementsOf(f, paragraphAt(k, previously).text) : undefined;
    };
    recordIfMoved(after.previous, model, after.edit, after.stretch, announcements, edited?.made);
  }
  return model;
}
