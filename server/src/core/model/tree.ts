// Builds the item tree from the body's markers. Nesting follows the writer: a
// marker whose key is already open on the stack is that item's sibling (the
// writer came back to that level); any other marker opens a level below the
// current one. GB/T 9704 rank is not imposed here: `numbering-hierarchy`
// reports where the writer's nesting goes against it.

import { HEADING_FAMILIES, INLINE_CIRCLED_KEY, LAST, type Family } from '../parse/markers';
import type { Paragraph } from '../parse/paragraphs';
import type { CharCounter } from './charCounter';
import { codeTable, isSpaceCode } from '../text/chars';
import type { Group, Item, ItemKind, Marker } from './types';

export function kindOf(m: { family: Marker['family']; key: string }): ItemKind {
  if (m.key === INLINE_CIRCLED_KEY) return 'inline';
  if (HEADING_FAMILIES.has(m.family)) return 'heading';
  if (m.family === 'inline') return 'inline';
  if (m.family === 'dash') return 'dash';
  return 'runin';
}

function canContain(parent: ItemKind, child: ItemKind): boolean {
  if (parent === 'heading') return true;
  if (parent === 'inline') return false;
  return child !== 'heading';
}

const SENTENCE_END = codeTable('。！？；!?;');
const TRAILING = codeTable('”’）)」』】 \u3000\t\r\n');

/**
 * For markers in document order, the index of each one's parent (-1 at the top).
 * Shared by the body and the 【提纲】 block so that both nest alike.
 */
export function nestByKey(markers: ReadonlyArray<Pick<Marker, 'key' | 'family' | 'paragraph' | 'value'>>): number[] {
  const parents: number[] = [];
  nestFrom(markers, 0, [], parents, () => false);
  return parents;
}

type Nestable = Pick<Marker, 'key' | 'family' | 'paragraph' | 'value'>;

/**
 * Nests `markers` from `from` on, `stack` holding the open items there (the chain of the one before
 * and its parents), into `parents`; stops after a top-level marker for which `resumes(i)` holds.
 * Returns the place after the last one nested.
 */
function nestFrom(markers: ReadonlyArray<Nestable>, from: number, stack: number[], parents: number[], resumes: (i: number) => boolean): number {
  const fits = (parent: number, child: number): boolean => {
    const p = markers[parent];
    const kind = kindOf(p);
    // A dash item is one paragraph: only what stands in it can belong to it.
    if (kind === 'dash' && p.paragraph !== markers[child].paragraph) return false;
    const childKind = kindOf(markers[child]);
    // A list nested in a run-in item starts at one; `首先……其次……第三` continues, it does not nest.
    if (kind === 'runin' && childKind === 'runin' && markers[child].value !== 1) return false;
    return canContain(kind, childKind);
  };
  for (let i = from; i < markers.length; i++) {
    let k = stack.length - 1;
    while (k >= 0 && markers[stack[k]].key !== markers[i].key) k--;
    if (k >= 0) stack.length = k;
    else while (stack.length && !fits(stack[stack.length - 1], i)) stack.pop();
    parents[i] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(i);
    if (stack.length === 1 && resumes(i)) return i + 1;
  }
  return markers.length;
}

/**
 * `nestByKey(markers)` after an edit, from the last nesting (`was`, of `oldMarkers`): the markers
 * before the first not kept (the same objects) nest as they did; from there they are nested anew
 * until a top-level one moved past the edit (`movedFrom` on: the last ones, shifted) that was at the
 * top before too, after which each nests as it did, shifted. Nesting after a top-level marker reads
 * only what follows it.
 */
export function nestedAfterEdit(oldMarkers: readonly Nestable[], was: readonly number[], markers: readonly Nestable[], movedFrom: number): number[] {
  const n = markers.length;
  const shift = n - oldMarkers.length;
  let kept = 0;
  while (kept < n && kept < oldMarkers.length && markers[kept] === oldMarkers[kept]) kept++;
  const parents: number[] = was.slice(0, kept);
  parents.length = n;
  // The stack where the first marker not kept comes: the one before and its parents.
  const stack: number[] = [];
  for (let k = kept - 1; k >= 0; k = parents[k]) stack.unshift(k);
  const resumed = nestFrom(markers, kept, stack, parents, (i) => i >= Math.max(movedFrom, kept + 1) && was[i - shift] === -1);
  treeWork.nested += resumed - kept;
  for (let i = resumed; i < n; i++) parents[i] = was[i - shift] === -1 ? -1 : was[i - shift] + shift;
  return parents;
}

export interface Tree {
  roots: Item[];
  items: Item[];
  groups: Group[];
}

/** Items made anew (headings and spans worked out) and markers nested anew after an edit, for the tests that count what an edit costs. */
export const treeWork = { itemsMade: 0, nested: 0, itemsMoved: 0 };

/**
 * The item of marker `index` (nested as `parents`), its heading worked out and its span still to
 * set, put at its place in `items` and among its parent's children (or `roots`).
 */
export function makeItem(markers: Marker[], parents: readonly number[], index: number, items: Item[], roots: Item[], text: string, paragraphs: Paragraph[]): Item {
  const marker = markers[index];
  const parent = parents[index] >= 0 ? items[parents[index]] : undefined;
  const item: Item = {
    marker,
    kind: kindOf(marker),
    parent,
    children: [],
    group: undefined as unknown as Group,
    span: { start: marker.start, end: marker.start },
    heading: { start: marker.end, end: marker.end },
    headingText: '',
    standalone: false,
    depth: parent ? parent.depth + 1 : 0,
    chars: 0,
  };
  setHeading(text, paragraphs[marker.paragraph], item, markers[index + 1]);
  (parent ? parent.children : roots).push(item);
  items[index] = item;
  return item;
}

/** `parents`: `nestByKey(markers)` where the caller has it already. */
export function buildTree(text: string, paragraphs: Paragraph[], markers: Marker[], bodyEnd: number, counter: CharCounter, parents: readonly number[] = nestByKey(markers)): Tree {
  treeWork.itemsMade += markers.length;
  const items: Item[] = [];
  const roots: Item[] = [];
  for (let index = 0; index < markers.length; index++) makeItem(markers, parents, index, items, roots, text, paragraphs);
  setSpans(text, paragraphs, roots, bodyEnd, counter);
  const groups: Group[] = [];
  groupChildren(roots, undefined, groups);
  for (const item of items) groupChildren(item.children, item, groups);
  return { roots, items, groups };
}

function setHeading(text: string, paragraph: Paragraph, item: Item, following: Marker | undefined): void {
  const m = item.marker;
  let limit = paragraph.end;
  // A heading never runs into the next marker of its paragraph.
  const next = following && following.paragraph === m.paragraph ? following : undefined;
  if (next) limit = Math.min(limit, next.start);
  let i = m.end;
  while (i < limit && SENTENCE_END[text.charCodeAt(i)] !== 1) i++;
  const headingEnd = i;
  let rest = i < limit ? i + 1 : i;
  while (rest < paragraph.end && TRAILING[text.charCodeAt(rest)] === 1) rest++;
  let start = m.end;
  while (start < headingEnd && isSpaceCode(text.charCodeAt(start))) start++;
  item.heading = { start, end: headingEnd };
  item.headingText = text.slice(start, headingEnd);
  item.standalone = m.atStart && item.kind === 'heading' && rest >= paragraph.end && !next;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && WHITESPACE.has(text.charCodeAt(end - 1))) end--;
  return end;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x3000, 0xa0, 0xfeff]);

export function setSpans(text: string, paragraphs: Paragraph[], siblings: Item[], parentEnd: number, counter: CharCounter): void {
  for (let i = 0; i < siblings.length; i++) {
    const item = siblings[i];
    let end = i + 1 < siblings.length ? siblings[i + 1].marker.start : parentEnd;
    if (item.kind === 'inline' || item.kind === 'dash') end = Math.min(end, paragraphs[item.marker.paragraph].end);
    end = trimEnd(text, item.marker.start, Math.max(end, item.marker.end));
    item.span = { start: item.marker.start, end };
    item.chars = counter.count(item.span.start, item.span.end);
    setSpans(text, paragraphs, item.children, end, counter);
  }
}

/** Families where a second `一、` right after a lone first is a number copied by mistake, not a new list. */
const REPEATABLE: ReadonlySet<Family> = new Set<Family>([...HEADING_FAMILIES, 'ordinal']);

/**
 * `一、` `一、` `三、`: the second one repeats the first's number (it should be
 * `二、`), so it stays in the list. A list restarting at one after a lone
 * first item is that only where its next item is `二、`.
 */
function repeatsLoneFirst<T extends { marker: Marker }>(group: readonly T[], children: readonly T[], at: number): boolean {
  const m = children[at].marker;
  if (group.length !== 1 || group[0].marker.value !== 1 || !REPEATABLE.has(m.family)) return false;
  for (let j = at + 1; j < children.length; j++) if (children[j].marker.key === m.key) return children[j].marker.value !== 2;
  return true;
}

/** Siblings of one key form a group; a new group starts where numbering restarts at one. */
function groupSiblings<T extends { marker: Marker }>(children: readonly T[]): T[][] {
  const open = new Map<string, T[]>();
  const groups: T[][] = [];
  for (let at = 0; at < children.length; at++) {
    const child = children[at];
    let g = open.get(child.marker.key);
    if (!g || (child.marker.value === 1 && g.length > 0 && !repeatsLoneFirst(g, children, at))) {
      open.set(child.marker.key, (g = []));
      groups.push(g);
    }
    g.push(child);
  }
  return groups;
}

/** A lone 首先 / 最后 / 再次 is ordinary prose (`首先，我代表…`), not a list. */
function isLoneSequenceWord(group: ReadonlyArray<{ marker: Marker }>): boolean {
  const { family, value } = group[0].marker;
  return family === 'sequence' && group.length === 1 && (value === 1 || value === LAST || value === 3);
}

/**
 * The markers that are prose (see `isLoneSequenceWord`), in the draft's order, found from the
 * nesting alone, before any item is made; with the nesting, which is the tree's where none is prose.
 */
export function proseMarkers(markers: readonly Marker[], parents: number[] = nestByKey(markers)): { prose: Set<Marker>; parents: number[] } {
  // Only a list holding a sequence word can hold prose: the others are not grouped here.
  const mayHold = new Set<number>();
  for (let i = 0; i < markers.length; i++) if (markers[i].family === 'sequence') mayHold.add(parents[i]);
  const siblings = new Map<number, Array<{ marker: Marker }>>();
  if (mayHold.size) {
    markers.forEach((marker, i) => {
      if (!mayHold.has(parents[i])) return;
      const list = siblings.get(parents[i]);
      if (list) list.push({ marker });
      else siblings.set(parents[i], [{ marker }]);
    });
  }
  const prose = new Set<Marker>();
  for (const list of siblings.values()) for (const g of groupSiblings(list)) if (isLoneSequenceWord(g)) prose.add(g[0].marker);
  // In the draft's order (found sibling list by sibling list), as a tree copied after an edit gives them.
  return { prose: prose.size > 1 ? new Set(markers.filter((m) => prose.has(m))) : prose, parents };
}

/** A list of siblings' groups, before they are made `Group`s: the items of each, those continuing it from another series, whether it enumerates. */
export interface SiblingGroup<T> {
  items: T[];
  mixed: T[];
  enumerative: boolean;
}

/** The groups of one list of siblings, in the order they start (see `groupSiblings`, and the mixed runs below). */
export function siblingGroups<T extends { marker: Marker }>(children: readonly T[]): SiblingGroup<T>[] {
  const local = groupSiblings(children).map((items): SiblingGroup<T> => ({ items, mixed: [], enumerative: !isLoneSequenceWord(items) }));
  // `首先……其次……第三`: an ordinal run continuing a sequence-word run is one mixed group
  // (the groups kept are pushed as they come: taking each merged one out of the list would be quadratic).
  const out: SiblingGroup<T>[] = [];
  let g: SiblingGroup<T> | undefined;
  for (const h of local) {
    const last = g?.items[g.items.length - 1].marker;
    if (
      g &&
      last &&
      g.items[0].marker.family === 'sequence' &&
      g.enumerative &&
      last.value !== LAST &&
      h.items[0].marker.family === 'ordinal' &&
      h.items[0].marker.value === g.items.length + 1 &&
      h.items[0].marker.start > last.start
    ) {
      for (const item of h.items) {
        g.items.push(item);
        g.mixed.push(item);
      }
      continue;
    }
    out.push(h);
    g = h;
  }
  return out;
}

export function groupOf(found: SiblingGroup<Item>, parent: Item | undefined): Group {
  const first = found.items[0].marker;
  const g: Group = { key: first.key, family: first.family, parent, items: found.items, enumerative: found.enumerative, mixed: found.mixed };
  for (const item of g.items) item.group = g;
  return g;
}

export function groupChildren(children: Item[], parent: Item | undefined, out: Group[]): void {
  if (children.length === 0) return;
  for (const found of siblingGroups(children)) out.push(groupOf(found, parent));
}
