// Distributions of durations (seconds). Each form has an exact mean, variance and quantile
// where one exists; sampling draws from a seeded Rng.
import type { Rng } from './random.js';

export const DIST_KINDS = ['fixed', 'uniform', 'exponential', 'lognormal', 'empirical'] as const;
export type DistKind = (typeof DIST_KINDS)[number];

export type Dist =
  | { kind: 'fixed'; value: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; mu: number; sigma: number }
  /** Samples sorted ascending; quantiles interpolate linearly, draws resample. */
  | { kind: 'empirical'; samples: readonly number[] };

/** z of the standard normal at 0.95, as docs/model.md (per-action overhead) fixes it. */
export const Z95 = 1.6449;

export const fixed = (value: number): Dist => ({ kind: 'fixed', value });
export const ZERO: Dist = fixed(0);

/** A lognormal through a median and a p95: sigma = ln(p95/median) / 1.6449. */
export function lognormalFromMedianP95(median: number, p95: number): Dist {
  return { kind: 'lognormal', mu: Math.log(median), sigma: Math.log(p95 / median) / Z95 };
}

export function empirical(samples: readonly number[]): Dist {
  return { kind: 'empirical', samples: [...samples].sort((x, y) => x - y) };
}

export function mean(d: Dist): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'exponential':
      return d.mean;
    case 'lognormal':
      return Math.exp(d.mu + (d.sigma * d.sigma) / 2);
    case 'empirical':
      return d.samples.reduce((s, x) => s + x, 0) / d.samples.length;
  }
}

/** Population variance of one draw. */
export function variance(d: Dist): number {
  switch (d.kind) {
    case 'fixed':
      return 0;
    case 'uniform':
      return (d.max - d.min) ** 2 / 12;
    case 'exponential':
      return d.mean * d.mean;
    case 'lognormal':
      return (Math.exp(d.sigma * d.sigma) - 1) * Math.exp(2 * d.mu + d.sigma * d.sigma);
    case 'empirical': {
      const m = mean(d);
      return d.samples.reduce((s, x) => s + (x - m) ** 2, 0) / d.samples.length;
    }
  }
}

export function quantile(d: Dist, p: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + p * (d.max - d.min);
    case 'exponential':
      return -d.mean * Math.log(1 - p);
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * normalQuantile(p));
    case 'empirical':
      return sortedQuantile(d.samples, p);
  }
}

export function sample(d: Dist, rng: Rng): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.min + rng.next() * (d.max - d.min);
    case 'exponential':
      return -d.mean * Math.log(1 - rng.next());
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * rng.normal());
    case 'empirical': {
      const i = Math.floor(rng.next() * d.samples.length);
      return d.samples[i] ?? 0;
    }
  }
}

export const isFixed = (d: Dist): boolean => d.kind === 'fixed' || variance(d) === 0;

/**
 * Quantile of sorted values with linear interpolation (the "type 7" rule of R and numpy).
 * simple-statistics' quantileSorted applies the same rule (test/unit/statistics.test.ts checks
 * they agree), but takes number[]: the simulator sorts Float64Arrays in place and would have
 * to copy each one into an array first, so this stays hand-written.
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? 0;
  return a + (h - lo) * (b - a);
}

/**
 * Inverse of the standard normal CDF (Acklam's rational approximation, relative error
 * below 1.2e-9), so lognormal quantiles are exact to display precision. Hand-written:
 * simple-statistics' probit is off by 3e-3 at 0.975 (test/unit/statistics.test.ts).
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q - 2.549732539343734) * q + 4.374664141464968) * q + 2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) * q + 1);
  }
  if (p > 1 - 0.02425) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r + 1.38357751867269e2) * r - 3.066479806614716e1) * r + 2.506628277459239) * q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r + 6.680131188771972e1) * r - 1.328068155288572e1) * r + 1);
}
