// Quantiles of a sample with the same linear interpolation as distribution.sortedQuantile
// (type 7), found by selection (quickselect, O(n) on average) instead of a full sort: the
// order statistics are the same numbers, so the result equals sortedQuantile of the sorted
// sample. Reorders the array it is given: callers pass scratch arrays. Hand-written because
// it is the simulator's hot path on Float64Arrays; simple-statistics' quantile copies and
// works on number[].

/** Puts the k-th smallest of values[lo..hi] at index k (Numerical Recipes' `select`). */
function selectInPlace(values: Float64Array, k: number, lo0: number, hi0: number): void {
  let lo = lo0;
  let hi = hi0;
  const at = (i: number): number => values[i] ?? 0;
  const swap = (i: number, j: number): void => {
    const t = at(i);
    values[i] = at(j);
    values[j] = t;
  };
  for (;;) {
    if (hi <= lo + 1) {
      if (hi === lo + 1 && at(hi) < at(lo)) swap(lo, hi);
      return;
    }
    const mid = (lo + hi) >> 1;
    swap(mid, lo + 1);
    if (at(lo) > at(hi)) swap(lo, hi);
    if (at(lo + 1) > at(hi)) swap(lo + 1, hi);
    if (at(lo) > at(lo + 1)) swap(lo, lo + 1);
    let i = lo + 1;
    let j = hi;
    const pivot = at(lo + 1);
    for (;;) {
      do i++;
      while (at(i) < pivot);
      do j--;
      while (at(j) > pivot);
      if (j < i) break;
      swap(i, j);
    }
    values[lo + 1] = at(j);
    values[j] = pivot;
    if (j >= k) hi = j - 1;
    if (j <= k) lo = i;
  }
}

export function quantilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => 0);
  const ranks = new Set<number>();
  for (const p of ps) {
    const lo = Math.floor((n - 1) * p);
    ranks.add(lo);
    ranks.add(Math.min(lo + 1, n - 1));
  }
  // Select ranks in ascending order; each selection leaves everything above it to the right.
  let from = 0;
  for (const k of [...ranks].sort((x, y) => x - y)) {
    selectInPlace(values, k, from, n - 1);
    from = k;
  }
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = values[lo] ?? 0;
    const b = values[Math.min(lo + 1, n - 1)] ?? 0;
    return a + (h - lo) * (b - a);
  });
}
