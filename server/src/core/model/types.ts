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

export interface OutlineBlockItem {
  marker: Marker;
  /** Item text without marker and terminal punctuation. */
  text: string;
  textSpan: Span;
  /** The whole item including its marker and trailing punctuation. */
  span: Span;
  parent: OutlineBlockItem | undefined;
  children: OutlineBlockItem[];
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
  items: OutlineBlockItem[];
}

/**
 * `speaker`: the speaker announces what comes (`下面，我讲三点意见`); `following`:
 * `以下四个方面`; `count`: a sentence counting what it lists (`主要有两个特点`),
 * held to its count only where a list follows it at once.
 */
export type AnnouncementKind = 'speaker' | 'following' | 'count';

export interface Announcement {
  kind: AnnouncementKind;
  span: Span;
  /** Undefined for a vague count (`几点`). */
  count: number | undefined;
  countText: string;
  paragraph: number;
}

/**
 * What the text is: a speech (a speech's title, or a salutation), a work report
 * (`政府工作报告`: opens with `各位代表：`, no closing formula by design), or
 * another text (an article, a notice), which has no title, salutation or
 * closing to ask for.
 */
export type TextForm = 'speech' | 'report' | 'text';

export interface SpeechParts {
  form: TextForm;
  title?: Span;
  date?: Span;
  speaker?: Span;
  salutation?: Span;
  /** The sentence announcing the body (`下面，我讲几点意见。`). */
  transition?: Span;
  closing?: Span;
  /** Where a text copied from a download site is cut off (`预览结束…`): the site's note and all after it. */
  cut?: Span;
  /** A numbered heading above the title and salutation (a book's chapter heading left in): not part of the speech. */
  strayHeading?: Span;
  outlineBlock?: OutlineBlock;
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
