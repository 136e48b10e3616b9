// Small facts derived from the model, each defined here once: what the heading
// tree shows and what of it is a section, where a heading is selected, how
// long a stretch takes to speak, whether a draft is Markdown, and what a cut
// (a download stopped short) takes away.

import type { Translate } from '../l10n';
import type { DraftFormat } from '../rules/types';
import type { Span } from '../types';
import type { Item, SpeechModel } from './types';

/** A section: a heading or a run-in heading (`第一，要……`), what the outlines list and a writer moves. */
export function isSection(item: Item): boolean {
  return item.kind === 'heading' || item.kind === 'runin';
}

/** What the heading tree shows: the sections and the items of a list inside a paragraph (`一是……`); not dash items. */
export function inHeadingTree(item: Item): boolean {
  return isSection(item) || item.kind === 'inline';
}

/** The item and its siblings as the heading tree shows them, in order. */
export function treeSiblings(model: SpeechModel, item: Item): Item[] {
  return (item.parent ? item.parent.children : model.roots).filter(inHeadingTree);
}

/** Where a heading is selected and pointed at: its marker and heading text. */
export function headingSelection(item: Item): Span {
  return { start: item.marker.start, end: Math.max(item.heading.end, item.marker.end) };
}

/** The offset is on the item's marker or heading text (ends included). */
export function onHeading(item: Item, offset: number): boolean {
  const s = headingSelection(item);
  return s.start <= offset && offset <= s.end;
}

/** The deepest item of the heading tree with `offset` on its marker or heading text; where two touch, the one starting there. */
export function treeItemAt(model: SpeechModel, offset: number): Item | undefined {
  let found: Item | undefined;
  for (const item of model.items) if (inHeadingTree(item) && onHeading(item, offset) && (!found || item.depth >= found.depth)) found = item;
  return found;
}

/** Minutes it takes to read `chars` characters at `rate` a minute, to one decimal. */
export function speakingMinutes(chars: number, rate: number): number {
  return Math.round((chars * 10) / rate) / 10;
}

/** A draft is Markdown when its editor says so (language `markdown`) or its file name ends in `.md`. */
export function draftFormat(of: { languageId?: string; fileName?: string }): DraftFormat {
  if (of.languageId !== undefined) return of.languageId === 'markdown' ? 'markdown' : 'text';
  return of.fileName && /[^/\\]\.md$/i.test(of.fileName) ? 'markdown' : 'text';
}

/** The line (1-based) where the text is cut off, if it is (`预览结束…`). */
export function cutLine(model: SpeechModel): number | undefined {
  return model.parts.cut ? model.lines.positionAt(model.parts.cut.start).line + 1 : undefined;
}

/**
 * Nothing of the item's level or above follows it before the cut: what should
 * come after it may be what the cut took away.
 */
export function openAtCut(model: SpeechModel, item: Item): boolean {
  if (!model.parts.cut) return false;
  return !model.items.some((other) => other.marker.start > item.marker.start && other.depth <= item.depth && inHeadingTree(other));
}

/** A finding that follows from the cut says so, in place of advice to renumber or add what is missing. */
export function withCutNote(message: string, model: SpeechModel, t: Translate): string {
  const line = cutLine(model);
  return line === undefined ? message : t('{0} The text is cut off at line {1}: what follows is missing.', message, line);
}
