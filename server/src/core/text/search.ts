// Binary search over sorted offsets, shared by look-ups that must not scan.

/** The index of the first value at or after `value` in ascending `sorted` (its length if none). */
export function firstAtOrAfter(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first index in `[lo, list.length)` for which `past` holds, where `past` holds from some index
 * on (`list.length` if it never does): one binary search for every sorted list the checker keeps.
 */
export function firstWhere<T>(list: readonly T[], past: (x: T) => boolean, lo = 0): number {
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (past(list[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index of the first of `list` (in order of start) starting at `offset` or after it: findings, items, spans. */
export function firstFindingFrom<T extends { span: { start: number } }>(list: readonly T[], offset: number): number {
  return firstWhere(list, (x) => x.span.start >= offset);
}
