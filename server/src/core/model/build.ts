// Text -> structure model. Paragraph-local work (marker scanning) is cached by
// paragraph text so that an edit re-scans only the paragraphs it touched.

import { LineIndex } from '../text/lineIndex';
import { CharCounter } from './charCounter';
import { scanMarkers, type MarkerToken } from '../parse/markers';
import { splitParagraphs } from '../parse/paragraphs';
import { findAnnouncements } from './announcements';
import { findOutlineBlock } from './outlineBlock';
import { findCut } from './cut';
import { findClosing, findFrontMatter, findTransition } from './parts';
import { buildTree, proseMarkers } from './tree';
import type { Announcement, Marker, SpeechModel } from './types';

/** Remembers per-paragraph results between builds; entries unused by the last build are dropped. */
export class ParagraphCache<T> {
  private current = new Map<string, T>();
  private previous = new Map<string, T>();

  /** The entry for `key`, computed from it if new (`compute` gets the key: no closure needed per call). */
  get(key: string, compute: (key: string) => T): T {
    let v = this.current.get(key);
    if (v !== undefined) return v;
    v = this.previous.get(key);
    if (v === undefined) v = compute(key);
    this.current.set(key, v);
    return v;
  }

  /** Known from this build or the last one. */
  has(key: string): boolean {
    return this.current.has(key) || this.previous.has(key);
  }

  /** Call after each build: what the build did not touch is forgotten next time. */
  sweep(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** What is known of one paragraph's text, each part worked out when first needed. */
export interface ParagraphFacts {
  markers?: MarkerToken[];
  chars?: number;
  /** Running character counts, made only for paragraphs a span starts or ends inside. */
  charPrefix?: Int32Array;
  announcements?: Announcement[];
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

export function buildModel(text: string, caches: ModelCaches = createModelCaches()): SpeechModel {
  const lines = new LineIndex(text);
  const paragraphs = splitParagraphs(text, lines);
  const facts = paragraphs.map((p) => caches.get(p.text, noFacts));
  const counter = new CharCounter(paragraphs, facts);
  const outlineBlock = findOutlineBlock(text, paragraphs);
  const inOutlineBlock = new Set(outlineBlock?.paragraphs ?? []);
  const speech = paragraphs.filter((p) => !p.comment && !inOutlineBlock.has(p.index));
  const front = findFrontMatter(speech);
  const bodyStart = front.bodyStart;
  const cut = findCut(speech);
  const closing = findClosing(text, speech, bodyStart, cut?.start);
  const bodyEnd = closing ? closing.start : cut ? cut.start : text.length;

  const markers: Marker[] = [];
  const announcements: Announcement[] = [];
  let chars = 0;
  for (let i = 0; i < speech.length; i++) {
    const p = speech[i];
    chars += counter.paragraph(p.index);
    if (i < front.bodyStartParagraph || p.start >= bodyEnd) continue;
    const known = facts[p.index];
    for (const t of markersOf(known, p.text)) {
      const start = t.start + p.start;
      if (start < bodyStart) continue;
      markers.push({
        ...t,
        start,
        end: t.end + p.start,
        numeralStart: t.numeralStart + p.start,
        numeralEnd: t.numeralEnd + p.start,
        paragraph: p.index,
      });
    }
    for (const a of (known.announcements ??= findAnnouncements(p.text, 0, 0))) {
      announcements.push({ ...a, span: { start: a.span.start + p.start, end: a.span.end + p.start }, paragraph: p.index });
    }
  }
  caches.sweep();

  // A lone 首先 or 最后 is prose: take it out so that it does not hold what follows.
  const prose = proseMarkers(markers);
  const listMarkers = prose.size ? markers.filter((m) => !prose.has(m)) : markers;
  const tree = buildTree(text, paragraphs, listMarkers, bodyEnd, counter);
  const firstRoot = tree.roots[0];
  const transition = findTransition(text, bodyStart, firstRoot ? firstRoot.marker.start : bodyEnd);
  return {
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
}
