// Quantiles of a sample with the same linear interpolation as distribution.sortedQuantile
// (type 7), found by selection (quickselect, O(n) on average) instead of a full sort: the
// order statistics are the same numbers, so the result equals sortedQuantile of the sorted
// sample. Reorders the array it is given: callers pass scratch arrays. Hand-written because
// it is the simulator's hot path on Float64Arrays; simple-statistics' quantile copies and
// works on number[].

/**
 * Puts the k-th smallest of values[lo..hi] at index k (Numerical Recipes' `select`). Reads and
 * swaps the array directly: a helper closure for them was not inlined here, and every value it
 * returned was a freshly allocated number (megabytes per replication of 100k actions).
 */
function selectInPlace(v: Float64Array, k: number, lo0: number, hi0: number): void {
  let lo = lo0;
  let hi = hi0;
  let t = 0;
  for (;;) {
    if (hi <= lo + 1) {
      if (hi === lo + 1 && (v[hi] ?? 0) < (v[lo] ?? 0)) {
        t = v[lo] ?? 0;
        v[lo] = v[hi] ?? 0;
        v[hi] = t;
      }
      return;
    }
    const mid = (lo + hi) >> 1;
    t = v[mid] ?? 0;
    v[mid] = v[lo + 1] ?? 0;
    v[lo + 1] = t;
    if ((v[lo] ?? 0) > (v[hi] ?? 0)) {
      t = v[lo] ?? 0;
      v[lo] = v[hi] ?? 0;
      v[hi] = t;
    }
    if ((v[lo + 1] ?? 0) > (v[hi] ?? 0)) {
      t = v[lo + 1] ?? 0;
      v[lo + 1] = v[hi] ?? 0;
      v[hi] = t;
    }
    if ((v[lo] ?? 0) > (v[lo + 1] ?? 0)) {
      t = v[lo] ?? 0;
      v[lo] = v[lo + 1] ?? 0;
      v[lo + 1] = t;
    }
    let i = lo + 1;
    let j = hi;
    const pivot = v[lo + 1] ?? 0;
    for (;;) {
      do i++;
      while ((v[i] ?? 0) < pivot);
      do j--;
      while ((v[j] ?? 0) > pivot);
      if (j < i) break;
      t = v[i] ?? 0;
      v[i] = v[j] ?? 0;
      v[j] = t;
    }
    v[lo + 1] = v[j] ?? 0;
    v[j] = pivot;
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
