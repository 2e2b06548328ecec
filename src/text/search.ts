/**
 * Binary search over anything sorted: the index of the first item for which
 * `before(i)` is false, given that every item for which it is true comes
 * first; `length` when there is none. (Items sorted by start, looking for
 * the first one at or after an offset: `before = i => items[i].start < offset`.)
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index of the last item starting at or before `offset` (0 when none does), for items sorted by start. */
export function lastStartingAtOrBefore(length: number, startOf: (i: number) => number, offset: number): number {
  return Math.max(0, partitionPoint(length, (i) => startOf(i) <= offset) - 1);
}
