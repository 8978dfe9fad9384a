// The empirical summary of one phase's measured seconds. Quantiles interpolate linearly
// between order statistics (the type-7 rule of R and numpy, as MODEL §2 fixes it).
import { sortedQuantile } from '../distribution.js';

export interface Summary {
  n: number;
  meanSeconds: number;
  /** Sample standard deviation (divisor n − 1); 0 for a single value. */
  sdSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
  minSeconds: number;
  maxSeconds: number;
}

/**
 * simple-statistics' `mean` (a Neumaier-compensated sum) and `sampleStandardDeviation` (squared
 * deviations from that mean, summed plainly), computed the same way but read in place: the
 * library takes number[] only, and copying a million-row Float64Array into an array first
 * doubled the time of `profile fit`. test/unit/statistics.test.ts checks they agree bit for bit.
 */
export function meanAndSd(xs: ArrayLike<number>): { mean: number; sd: number } {
  const n = xs.length;
  let sum = xs[0] ?? 0;
  let correction = 0;
  for (let i = 1; i < n; i++) {
    const x = xs[i] ?? 0;
    const t = sum + x;
    correction += Math.abs(sum) >= Math.abs(x) ? sum - t + x : x - t + sum;
    sum = t;
  }
  const mean = (sum + correction) / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = (xs[i] ?? 0) - mean;
    squares += d * d;
  }
  return { mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}

/** `sorted` must be ascending and non-empty. */
export function summarize(sorted: ArrayLike<number>): Summary {
  const n = sorted.length;
  const { mean, sd } = meanAndSd(sorted);
  return {
    n,
    meanSeconds: mean,
    sdSeconds: sd,
    p50Seconds: sortedQuantile(sorted, 0.5),
    p95Seconds: sortedQuantile(sorted, 0.95),
    p99Seconds: sortedQuantile(sorted, 0.99),
    minSeconds: sorted[0] ?? Number.NaN,
    maxSeconds: sorted[n - 1] ?? Number.NaN,
  };
}

/**
 * At most `points` values that stand for the sample as an empirical distribution: the mean of
 * each of `points` equal slices of the sorted sample. Drawn with equal weight they keep the
 * sample mean (exactly when the slices are equal, within one value's weight otherwise); the
 * min and max would each get weight 1/points and inflate the mean and the tail.
 */
export function quantilePoints(sorted: ArrayLike<number>, points: number): number[] {
  const n = sorted.length;
  if (n <= points) return Array.from(sorted);
  const out: number[] = [];
  for (let k = 0; k < points; k++) {
    const from = Math.floor((k * n) / points);
    const to = Math.floor(((k + 1) * n) / points);
    let sum = 0;
    for (let i = from; i < to; i++) sum += sorted[i] ?? 0;
    out.push(sum / (to - from));
  }
  return out;
}
