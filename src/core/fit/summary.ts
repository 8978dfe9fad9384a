// The empirical summary of one phase's measured seconds. Quantiles interpolate linearly
// between order statistics (the type-7 rule of R and numpy, as MODEL §2 fixes it).
import { mean, sampleStandardDeviation } from 'simple-statistics';
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

/** `sorted` must be ascending and non-empty. */
export function summarize(sorted: ArrayLike<number>): Summary {
  const n = sorted.length;
  const values = Array.isArray(sorted) ? sorted : Array.from(sorted);
  return {
    n,
    meanSeconds: mean(values),
    sdSeconds: n > 1 ? sampleStandardDeviation(values) : 0,
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
