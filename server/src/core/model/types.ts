// The structure model: what the checker, the outline view and the exporter see.

import type { LineIndex } from '../text/lineIndex';
import type { Paragraph } from '../parse/paragraphs';
import type { Family, MarkerToken } from '../parse/markers';
import type { Span } from '../types';

/** A marker with document offsets and the paragraph it stands in. */
export interface Marker extends MarkerToken {
  paragraph: number;
}

export type ItemKind = 'heading' | 'runin' | 'inline' | 'dash';

export interface Item {
  marker: Marker;
  kind: ItemKind;
  parent: Item | undefined;
  children: Item[];
  group: Group;
  /** The whole item: from its marker to the next item at its level or above. */
  span: Span;
  /** The heading text after the marker: the whole line, or the first sentence of a run-in heading. */
  heading: Span;
  headingText: string;
  /** A heading that is a paragraph of its own (not followed by body text in the same paragraph). */
  standalone: boolean;
  depth: number;
  /** Characters of the item's span (see `countSpeechChars`). */
  chars: number;
}

export interface Group {
  key: string;
  family: Family;
  parent: Item | undefined;
  items: Item[];
  /** False for a lone 首先 or 最后: a sequence word used as ordinary prose. */
  enumerative: boolean;
  /** Items of another series that continue this one (`首先……其次……第三`). */
  mixed: Item[];
}

export interface OutlineItem {
  marker: Marker;
  /** Item text without marker and terminal punctuation. */
  text: string;
  textSpan: Span;
  /** The whole item including its marker and trailing punctuation. */
  span: Span;
  parent: OutlineItem | undefined;
  children: OutlineItem[];
  depth: number;
}

export interface OutlineBlock {
  /** The whole block, label included. */
  span: Span;
  /** `【提纲】` or `提纲：` as written. */
  label: Span;
  /** Items on one line (as in the model address) or one per line. */
  singleLine: boolean;
  paragraphs: number[];
  items: OutlineItem[];
}

export interface Announcement {
  span: Span;
  /** Undefined for a vague count (`几点`). */
  count: number | undefined;
  countText: string;
  paragraph: number;
}

export interface SpeechParts {
  title?: Span;
  date?: Span;
  speaker?: Span;
  salutation?: Span;
  /** The sentence announcing the body (`下面，我讲几点意见。`). */
  transition?: Span;
  closing?: Span;
  outline?: OutlineBlock;
  /** Where the speech proper (after title lines) begins. */
  bodyStart: number;
}

export interface SpeechModel {
  text: string;
  lines: LineIndex;
  paragraphs: Paragraph[];
  parts: SpeechParts;
  /** Body markers in document order (outline block excluded). */
  markers: Marker[];
  /** Sequence words used as prose (`首先，我代表…` with no 其次): not in the tree. */
  proseMarkers: Marker[];
  /** Top-level items; the tree below them. */
  roots: Item[];
  /** Every item in document order. */
  items: Item[];
  groups: Group[];
  announcements: Announcement[];
  /** Speech length: characters of the spoken text (outline block and comments excluded). */
  chars: number;
}
