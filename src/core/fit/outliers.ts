// Outliers by Tukey's far-out fences, Q1 − 3·IQR and Q3 + 3·IQR.
import { sortedQuantile } from '../distribution.js';

/** log: the fences are computed on ln(seconds); linear: on seconds. */
export type OutlierScale = 'log' | 'linear';

export const FENCE_IQRS = 3;

export interface Fences {
  scale: OutlierScale;
  /** Fences mapped back to seconds. */
  lowerSeconds: number;
  upperSeconds: number;
}

/**
 * Durations are right-skewed: on the linear scale the fences would flag a few percent of a
 * perfectly ordinary lognormal (sigma 0.8 puts 2% beyond Q3 + 3·IQR). On the log scale the
 * far-out fences sit at mu ± 4.72·sigma for a lognormal, about 2 in a million. So the log
 * scale is used whenever every value is positive, the linear scale otherwise.
 * `sorted` must be ascending and non-empty.
 */
export function farOutFences(sorted: ArrayLike<number>): Fences {
  const first = sorted[0] ?? 0;
  const scale: OutlierScale = first > 0 ? 'log' : 'linear';
  const q1 = sortedQuantile(sorted, 0.25);
  const q3 = sortedQuantile(sorted, 0.75);
  if (scale === 'log') {
    const l1 = Math.log(q1);
    const l3 = Math.log(q3);
    const iqr = l3 - l1;
    // With no spread the fences are the quartiles themselves: exp(ln x) need not give x back,
    // and a rounding error must not make every value an outlier.
    if (iqr === 0) return { scale, lowerSeconds: q1, upperSeconds: q3 };
    return { scale, lowerSeconds: Math.exp(l1 - FENCE_IQRS * iqr), upperSeconds: Math.exp(l3 + FENCE_IQRS * iqr) };
  }
  const iqr = q3 - q1;
  return { scale, lowerSeconds: q1 - FENCE_IQRS * iqr, upperSeconds: q3 + FENCE_IQRS * iqr };
}

export const isOutside = (seconds: number, fences: Fences): boolean =>
  seconds < fences.lowerSeconds || seconds > fences.upperSeconds;

export function countOutside(sorted: ArrayLike<number>, fences: Fences): number {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (isOutside(sorted[i] ?? 0, fences)) count++;
  return count;
}
