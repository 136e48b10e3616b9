// Applying fixes. A fix is taken whole or not at all; its edits never overlap
// another taken fix; text outside the edits is never touched.

import type { Finding, Fix, TextEdit } from './types';

// Two edits conflict when their ranges overlap, when they start at one point
// and one of them is an insertion (two insertions there, or one at the start
// of a replaced range), or when an insertion falls inside a replaced range.
// An insertion at the end of a replaced range does not conflict. So two edits
// starting at one point always conflict.

export interface ApplyResult {
  text: string;
  applied: Fix[];
  skipped: Fix[];
}

/** Counts the steps of the searches below, for the test that checks the work grows as n log n. */
export const fixWork = { steps: 0 };

/** Index of the first of the sorted `values` that is not below `x` (`orEqual`: above it). */
function firstAbove(values: readonly number[], x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    fixWork.steps++;
    const mid = (lo + hi) >> 1;
    if (orEqual ? values[mid] <= x : values[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Prefix maxima over slots that only grow (a Fenwick tree): the furthest end of the replacements taken. */
class PrefixMax {
  private readonly tree: Float64Array;
  constructor(size: number) {
    this.tree = new Float64Array(size + 1).fill(-Infinity);
  }
  raise(slot: number, value: number): void {
    for (let i = slot + 1; i < this.tree.length; i += i & -i, fixWork.steps++) if (this.tree[i] < value) this.tree[i] = value;
  }
  /** The maximum over slots below `count`. */
  below(count: number): number {
    let m = -Infinity;
    for (let i = count; i > 0; i -= i & -i, fixWork.steps++) if (this.tree[i] > m) m = this.tree[i];
    return m;
  }
}

/** Counts per slot (a Fenwick tree): the insertion points taken. */
class Counts {
  private readonly tree: Int32Array;
  constructor(size: number) {
    this.tree = new Int32Array(size + 1);
  }
  add(slot: number): void {
    for (let i = slot + 1; i < this.tree.length; i += i & -i, fixWork.steps++) this.tree[i]++;
  }
  below(count: number): number {
    let n = 0;
    for (let i = count; i > 0; i -= i & -i, fixWork.steps++) n += this.tree[i];
    return n;
  }
}

/**
 * Applies the fixes in order of preference; a fix conflicting with one already
 * taken (or whose own edits conflict) waits for the next pass. All edits are
 * sorted once; what is taken is kept in two trees over that order (the
 * furthest end of the replacements starting before a point, and the insertion
 * points), so each edit is checked in log time against all taken ones.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): ApplyResult {
  const inside = (e: TextEdit) => e.start >= 0 && e.end <= text.length && e.start <= e.end;
  const valid = fixes.map((fix) => fix.edits.length > 0 && fix.edits.every(inside));
  // Only edits that may be taken are sorted (a position that is not a number would leave them unordered).
  const replaced: TextEdit[] = [];
  const insertedAt: number[] = [];
  fixes.forEach((fix, i) => {
    if (!valid[i]) return;
    for (const e of fix.edits) {
      if (e.start === e.end) insertedAt.push(e.start);
      else replaced.push(e);
    }
  });
  replaced.sort((a, b) => a.start - b.start);
  insertedAt.sort((a, b) => a - b);
  const starts = replaced.map((e) => e.start);
  const slotOf = new Map<TextEdit, number>();
  replaced.forEach((e, i) => slotOf.set(e, i));
  const ends = new PrefixMax(replaced.length);
  const points = new Counts(insertedAt.length);

  const conflictsWithTaken = (e: TextEdit): boolean => {
    if (e.start === e.end) {
      // A replacement taken that starts at or before the point and ends after it; an insertion taken there.
      if (ends.below(firstAbove(starts, e.start, true)) > e.start) return true;
      return points.below(firstAbove(insertedAt, e.start, true)) - points.below(firstAbove(insertedAt, e.start, false)) > 0;
    }
    // A replacement taken that starts before this one ends and ends after it starts; an insertion taken in [start, end).
    if (ends.below(firstAbove(starts, e.end, false)) > e.start) return true;
    return points.below(firstAbove(insertedAt, e.end, false)) - points.below(firstAbove(insertedAt, e.start, false)) > 0;
  };
  /** The fix's own edits, in order of start: no two start at one point, and none starts before an earlier one ends. */
  const conflictsWithItself = (edits: readonly TextEdit[]): boolean => {
    if (edits.length < 2) return false;
    const sorted = [...edits].sort((a, b) => a.start - b.start);
    let furthest = sorted[0].end;
    for (let i = 1; i < sorted.length; i++) {
      fixWork.steps++;
      if (sorted[i].start === sorted[i - 1].start || sorted[i].start < furthest) return true;
      furthest = Math.max(furthest, sorted[i].end);
    }
    return false;
  };

  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: Fix[] = [];
  fixes.forEach((fix, i) => {
    if (!valid[i] || conflictsWithItself(fix.edits) || fix.edits.some(conflictsWithTaken)) {
      skipped.push(fix);
      return;
    }
    for (const e of fix.edits) {
      if (e.start === e.end) points.add(firstAbove(insertedAt, e.start, false));
      else ends.raise(slotOf.get(e)!, e.end);
      taken.push(e);
    }
    applied.push(fix);
  });
  return { text: applyEdits(text, taken), applied, skipped };
}

/** Applies edits known not to overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

/** The preferred fix of each finding, when it is safe (cannot change what the speech says). */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) if (f.fixes?.[0]?.safe) out.push(f.fixes[0]);
  return out;
}

/**
 * The fixes moved by `by` characters (an edit before them), their edits written field by field: a
 * spread that adds a key (`{ ...span, newText }`) takes V8's slow clone path.
 */
export function shiftedFixes(fixes: readonly Fix[], by: number): Fix[] {
  return fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ start: e.start + by, end: e.end + by, newText: e.newText })) }));
}
