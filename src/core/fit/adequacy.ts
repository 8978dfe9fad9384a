// How many samples put a phase's p95 within ±10%, at 95% confidence.
import { sortedQuantile, Z95 } from '../distribution.js';

/** Below this many samples a phase gets a warning whatever its spread. */
export const MIN_SAMPLES = 6;
/** Two-sided 95% confidence. */
const CONFIDENCE_Z = 1.96;
/** ±10%. */
export const P95_RELATIVE_HALF_WIDTH = 0.1;

/**
 * For a fitted lognormal the profile's p95 is exp(mu + z·sigma), z = 1.6449, from the MLE.
 * Delta method: Var(mu^) = sigma²/n, Var(sigma^) ≈ sigma²/(2n), independent for a normal
 * sample, so Var(ln p95^) ≈ sigma²·(1 + z²/2)/n. Asking 1.96·SD(ln p95^) ≤ ln 1.1 keeps the
 * estimate within a factor 1.1 either way, which lies inside ±10%:
 *   n ≥ (1.96 / ln 1.1)² · sigma² · (1 + z²/2)  ≈ 995 · sigma².
 */
export function samplesForP95Lognormal(sigma: number): number {
  const perSigma2 = (CONFIDENCE_Z / Math.log(1 + P95_RELATIVE_HALF_WIDTH)) ** 2 * (1 + (Z95 * Z95) / 2);
  return Math.max(1, Math.ceil(perSigma2 * sigma * sigma));
}

/**
 * For an empirical form the p95 is a sample quantile. Its asymptotic variance is
 * p(1 − p) / (n·f(q)²) with f the density at the quantile q, so a half-width of 10% of q at
 * 95% confidence needs
 *   n ≥ (1.96 / 0.10)² · p(1 − p) / (q·f(q))².
 * f(q) is estimated from the sample itself by the difference quotient
 * 2h / (q(p + h) − q(p − h)), h = 0.02. Returns null when q ≤ 0 (no relative precision) or
 * the sample is flat around the p95 (no density to estimate).
 */
export function samplesForP95Empirical(sorted: ArrayLike<number>): number | null {
  const p = 0.95;
  const h = 0.02;
  const q = sortedQuantile(sorted, p);
  const spread = sortedQuantile(sorted, p + h) - sortedQuantile(sorted, p - h);
  if (!(q > 0) || !(spread > 0)) return null;
  const qf = (q * 2 * h) / spread;
  return Math.max(1, Math.ceil(((CONFIDENCE_Z / P95_RELATIVE_HALF_WIDTH) ** 2 * p * (1 - p)) / (qf * qf)));
}
