// Lognormal fit by maximum likelihood, judged by the Kolmogorov–Smirnov distance.
import { ksCritical, ksDistance, KS_COEFFICIENT_5PCT } from './ks.js';
import { normalCdf } from '../normal.js';

export interface LognormalFit {
  /** Mean of ln(seconds). The median is e^mu. */
  mu: number;
  /** Standard deviation of ln(seconds), MLE (divisor n). */
  sigma: number;
  ksDistance: number;
  ksCritical: number;
  /** ksDistance <= ksCritical. */
  passes: boolean;
}

export type LognormalResult = { ok: true; fit: LognormalFit } | { ok: false; problem: string };

/**
 * MLE of a lognormal: mu = mean of ln x, sigma² = mean of (ln x − mu)². Values ≤ 0 have no
 * logarithm; rather than dropping them silently (which would bias the fit) the lognormal is
 * declined and the caller falls back to an empirical form. `sorted` must be ascending.
 */
export function fitLognormal(sorted: ArrayLike<number>, ksCoefficient: number = KS_COEFFICIENT_5PCT): LognormalResult {
  const n = sorted.length;
  if (n < 2) return { ok: false, problem: 'a lognormal needs at least 2 values' };
  let nonPositive = 0;
  while (nonPositive < n && (sorted[nonPositive] ?? 0) <= 0) nonPositive++;
  if (nonPositive > 0) {
    return { ok: false, problem: `${nonPositive} of ${n} values are 0 or less, which a lognormal cannot produce` };
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.log(sorted[i] ?? 1);
  const mu = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (Math.log(sorted[i] ?? 1) - mu) ** 2;
  const sigma = Math.sqrt(squares / n);
  if (!(sigma > 0)) return { ok: false, problem: 'all values are equal, so there is no spread to fit' };
  const distance = ksDistance(sorted, (x) => normalCdf((Math.log(x) - mu) / sigma));
  const critical = ksCritical(n, ksCoefficient);
  return { ok: true, fit: { mu, sigma, ksDistance: distance, ksCritical: critical, passes: distance <= critical } };
}
