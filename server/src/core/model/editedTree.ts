// The item tree after an edit, from the last one (`editedTree`): the lists at
// the top that the edit did not reach are the last tree's, kept or moved, and
// only the lists between are made anew, as `buildTree` makes them.

import type { Paragraph } from '../parse/paragraphs';
import type { CharCounter } from './charCounter';
import { firstWhere } from '../text/search';
import { recordMovedGroup } from './groupFindings';
import { groupChildren, groupOf, makeItem, setSpans, siblingGroups, treeWork, type SiblingGroup, type Tree } from './tree';
import type { Group, Item, Marker } from './types';

/** What an edit changed, for `editedTree`: the last tree's markers and nesting, and where the paragraphs were split again. */
export interface TreeEdit {
  /** The last tree, its markers (one an item, in order) and each one's parent (-1 at the top). */
  old: Tree;
  markers: readonly Marker[];
  parents: readonly number[];
  /** Paragraphs split again: old `[from, oldTo)`, new `[from, to)`; offsets past the edit moved by `delta`. */
  stretch: { from: number; oldTo: number; to: number };
  delta: number;
  /** The body ends where it ended, moved: the last item's span may be moved too. */
  bodyEndMoved: boolean;
  /**
   * The markers in the paragraphs after those split again are the last tree's themselves, nested as
   * they were (`parents` is its), at the same places: an edit that keeps the length and the
   * paragraphs. Their items and lists are then the last tree's too, not copies.
   */
  tailGiven?: boolean;
}

/** A tree made after an edit, and the items made anew: `[made.start, made.end)`; those before are the last tree's, those after its moved by the edit. */
export interface EditedTree extends Tree {
  made: { start: number; end: number };
}

/**
 * The tree over `markers` (nested as `parents`) after an edit, from the last one: the items before
 * the first top-level item whose list the edit may have touched are the last tree's (the same
 * objects, their lists too), those after the last such list the last tree's moved (copied, spans
 * and headings shifted, nothing read again), and only the lists between are made anew. Undefined
 * where the lists at the top do not part there as they did (`buildTree` then makes it all).
 */
export function editedTree(was: TreeEdit, markers: Marker[], parents: readonly number[], text: string, paragraphs: Paragraph[], bodyEnd: number, counter: CharCounter): EditedTree | undefined {
  const { old, delta } = was;
  const n = markers.length;
  const m = was.markers.length;
  if (n === 0 || m === 0) return undefined;
  const kept = keptCount(was, markers, parents);
  const given = was.tailGiven === true && n === m && parents === was.parents && was.delta === 0;
  const moved = given ? Math.min(n - kept, n - firstWhere(markers, (x) => x.paragraph >= was.stretch.to)) : movedCount(was, markers, parents, kept);
  const shift = n - m;
  const { roots, top, span, s, e } = topWindow(markers, parents, kept, Math.max(kept, n - moved), was.bodyEndMoved);
  const start = roots[s];
  const end = e < roots.length ? roots[e] : n;
  // The lists at the top before and after are the last tree's, member for member.
  const topBefore: Group[] = [];
  const topAfter: Group[] = [];
  for (let k = 0; k < top.length; k++) {
    if (span[k].hi < s) {
      const og = sameTopGroup(was, top[k], 0);
      if (!og) return undefined;
      topBefore.push(og);
    } else if (span[k].lo >= e) {
      const og = sameTopGroup(was, top[k], shift);
      if (!og) return undefined;
      topAfter.push(og);
    }
  }
  const items: Item[] = new Array(n);
  const newRoots: Item[] = old.roots.slice(0, s);
  for (let i = 0; i < start; i++) items[i] = old.items[i];
  const middleRoots = madeItems(markers, parents, start, end, items, text, paragraphs);
  setSpans(text, paragraphs, middleRoots, end < n ? markers[end].start : bodyEnd, counter);
  for (const r of middleRoots) newRoots.push(r);
  const movedGroups = given ? givenItems(old, end, e, items, newRoots) : movedItems(old, markers, parents, end, shift, delta, items, newRoots);
  // In `buildTree`'s order: the lists at the top, then each item's lists of children in the items' order.
  const groups: Group[] = topBefore;
  for (let k = 0; k < top.length; k++) {
    if (span[k].hi >= s && span[k].lo < e) groups.push(groupOf({ ...top[k], items: top[k].items.map((r) => items[r.index]), mixed: top[k].mixed.map((r) => items[r.index]) }, undefined));
  }
  for (const g of topAfter) groups.push(movedGroups(g));
  // The last tree's lists of children sort by their parent's place: those of the items kept, then of the items moved.
  const firstChild = countTop(old.groups);
  const keptTo = firstChildGroupFrom(old, firstChild, start);
  const movedFrom = firstChildGroupFrom(old, firstChild, end - shift);
  for (let k = firstChild; k < keptTo; k++) groups.push(old.groups[k]);
  for (let i = start; i < end; i++) groupChildren(items[i].children, items[i], groups);
  for (let k = movedFrom; k < old.groups.length; k++) groups.push(movedGroups(old.groups[k]));
  return { roots: newRoots, items, groups, made: { start, end } };
}

/**
 * How many markers lead both lists as the same objects, nested alike, before the paragraphs split
 * again (an edit that keeps the length keeps the paragraphs after it, and their markers, as they were).
 */
function keptCount(was: TreeEdit, markers: readonly Marker[], parents: readonly number[]): number {
  const limit = Math.min(markers.length, was.markers.length);
  let a = 0;
  while (a < limit && markers[a] === was.markers[a] && parents[a] === was.parents[a] && markers[a].paragraph < was.stretch.from) a++;
  return a;
}

/** `x` is `y` moved past the edit: in a paragraph after those split again, shifted, the same token. */
function sameMoved(x: Marker, y: Marker, stretch: TreeEdit['stretch'], delta: number): boolean {
  if (x.paragraph < stretch.to || y.paragraph < stretch.oldTo || x.paragraph - y.paragraph !== stretch.to - stretch.oldTo || x.start - y.start !== delta) return false;
  return x.key === y.key && x.value === y.value && x.text === y.text && x.family === y.family;
}

/** Where the markers moved past the edit begin: the last ones of `markers`, each the same token as its place from the end in `oldMarkers`, shifted. */
export function movedMarkersFrom(oldMarkers: readonly Marker[], markers: readonly Marker[], stretch: TreeEdit['stretch'], delta: number): number {
  const n = markers.length;
  const m = oldMarkers.length;
  const limit = Math.min(n, m);
  let b = 0;
  while (b < limit && sameMoved(markers[n - 1 - b], oldMarkers[m - 1 - b], stretch, delta)) b++;
  return n - b;
}

/** How many markers end both lists as the same tokens moved past the edit (in paragraphs after those split again), nested alike. */
function movedCount(was: TreeEdit, markers: readonly Marker[], parents: readonly number[], kept: number): number {
  const { stretch, delta } = was;
  const n = markers.length;
  const m = was.markers.length;
  const shift = n - m;
  const limit = Math.min(n, m) - kept;
  let b = 0;
  for (; b < limit; b++) {
    if (!sameMoved(markers[n - 1 - b], was.markers[m - 1 - b], stretch, delta)) break;
    const px = parents[n - 1 - b];
    const py = was.parents[m - 1 - b];
    if (px === -1 ? py !== -1 : px - py !== shift) break;
  }
  return b;
}

/**
 * The top-level markers and their lists, and `[s, e)`, the places among them of the items made
 * anew: from the last one before the first marker not kept to the first one from `after`, widened
 * until no list at the top crosses either end.
 */
function topWindow(markers: readonly Marker[], parents: readonly number[], kept: number, after: number, bodyEndMoved: boolean) {
  const roots: number[] = [];
  for (let i = 0; i < markers.length; i++) if (parents[i] === -1) roots.push(i);
  const top = siblingGroups(roots.map((index, at) => ({ marker: markers[index], index, at })));
  const span = top.map((g) => {
    let lo = g.items[0].at;
    let hi = lo;
    for (const item of g.items) {
      lo = Math.min(lo, item.at);
      hi = Math.max(hi, item.at);
    }
    return { lo, hi };
  });
  let s = 0;
  while (s + 1 < roots.length && roots[s + 1] < kept) s++;
  let e = 0;
  while (e < roots.length && roots[e] < after) e++;
  // The last item's span reaches the body's end: where that moved otherwise, it is made anew.
  if (!bodyEndMoved) e = roots.length;
  for (let widened = true; widened; ) {
    widened = false;
    for (const { lo, hi } of span) {
      if (lo < s && hi >= s) [s, widened] = [lo, true];
      if (lo < e && hi >= e) [e, widened] = [hi + 1, true];
    }
  }
  return { roots, top, span, s, e };
}

/** The last tree's list at the top that `g` is, `by` markers on (its first item's), if it is that list member for member. */
function sameTopGroup(was: TreeEdit, g: SiblingGroup<{ index: number }>, by: number): Group | undefined {
  const og = was.old.items[g.items[0].index - by]?.group;
  if (!og || og.parent || og.items.length !== g.items.length || og.mixed.length !== g.mixed.length) return undefined;
  for (let k = 0; k < g.items.length; k++) if (og.items[k].marker !== was.markers[g.items[k].index - by]) return undefined;
  for (let k = 0; k < g.mixed.length; k++) if (og.mixed[k].marker !== was.markers[g.mixed[k].index - by]) return undefined;
  return og;
}

/** The items of markers `[start, end)` (the first at the top), made as `buildTree` makes them, into `items`; the top-level ones. */
function madeItems(markers: Marker[], parents: readonly number[], start: number, end: number, items: Item[], text: string, paragraphs: Paragraph[]): Item[] {
  const roots: Item[] = [];
  for (let i = start; i < end; i++) makeItem(markers, parents, i, items, roots, text, paragraphs);
  treeWork.itemsMade += end - start;
  return roots;
}

/**
 * The items from `end` on, the last tree's moved by `delta` (`shift` markers on), into `items` and
 * their top-level ones onto `roots`; their lists made as they come (a list's first item comes
 * first, its items in order), by the last tree's list each is a move of.
 */
function movedItems(old: Tree, markers: Marker[], parents: readonly number[], end: number, shift: number, delta: number, items: Item[], roots: Item[]): (g: Group) => Group {
  const movedGroups = new Map<Group, Group>();
  for (let i = end; i < markers.length; i++) {
    const w = old.items[i - shift];
    const parent = parents[i] >= 0 ? items[parents[i]] : undefined;
    const g = w.group;
    let group = movedGroups.get(g);
    if (!group) {
      // Field by field, in `groupOf`'s order: a spread copy would give each list a shape of its own.
      group = { key: g.key, family: g.family, parent, items: [], enumerative: g.enumerative, mixed: [] };
      movedGroups.set(g, group);
      recordMovedGroup(group, g, delta);
    }
    const item: Item = {
      marker: markers[i],
      kind: w.kind,
      parent,
      children: [],
      group,
      span: { start: w.span.start + delta, end: w.span.end + delta },
      heading: { start: w.heading.start + delta, end: w.heading.end + delta },
      headingText: w.headingText,
      standalone: w.standalone,
      depth: w.depth,
      chars: w.chars,
    };
    group.items.push(item);
    if (g.mixed.length && g.mixed.includes(w)) group.mixed.push(item);
    (parent ? parent.children : roots).push(item);
    items[i] = item;
  }
  treeWork.itemsMoved += markers.length - end;
  return (g) => movedGroups.get(g)!;
}

/**
 * The items from `end` on, the last tree's themselves (`TreeEdit.tailGiven`: the same markers at
 * the same places, nested alike), into `items`, and its top-level ones from `rootsFrom` onto `roots`.
 */
function givenItems(old: Tree, end: number, rootsFrom: number, items: Item[], roots: Item[]): (g: Group) => Group {
  for (let i = end; i < old.items.length; i++) items[i] = old.items[i];
  for (let k = rootsFrom; k < old.roots.length; k++) roots.push(old.roots[k]);
  return (g) => g;
}

/** Of the last tree's lists of children (from `firstChild`, sorted by their parent's place), the first whose parent is at `limit` or after. */
function firstChildGroupFrom(old: Tree, firstChild: number, limit: number): number {
  let lo = firstChild;
  let hi = old.groups.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (binarySearchByStart(old.items, old.groups[mid].parent!.marker.start) < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lists at the top lead a tree's lists (`buildTree`'s order): how many there are. */
function countTop(groups: readonly Group[]): number {
  let k = 0;
  while (k < groups.length && !groups[k].parent) k++;
  return k;
}

/** The place of the item whose marker starts at `start` (items are in the draft's order, one a marker). */
function binarySearchByStart(items: readonly Item[], start: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = items[mid].marker.start;
    if (at === start) return mid;
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
