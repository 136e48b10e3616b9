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
