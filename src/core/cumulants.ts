// The first three cumulants (mean, variance, third central moment) of a duration, which add
// over independent sums, and the shifted lognormal that matches them: the distribution the
// tail-aware estimate (tailEstimate.ts) gives to a slot time.
import { type Dist, mean, variance } from './distribution.js';
import { normalCdf } from './normal.js';

export interface Cumulants {
  mean: number;
  variance: number;
  /** Third central moment E[(X − mean)³]. */
  third: number;
}

export const NO_SPREAD = (value: number): Cumulants => ({ mean: value, variance: 0, third: 0 });

export function cumulantsOf(d: Dist): Cumulants {
  const m = mean(d);
  const v = variance(d);
  switch (d.kind) {
    case 'fixed':
    case 'uniform':
      return { mean: m, variance: v, third: 0 };
    case 'exponential':
      return { mean: m, variance: v, third: 2 * d.mean ** 3 };
    case 'lognormal': {
      const w = Math.exp(d.sigma * d.sigma);
      return { mean: m, variance: v, third: (w + 2) * Math.sqrt(w - 1) * v ** 1.5 };
    }
    case 'empirical':
      return { mean: m, variance: v, third: d.samples.reduce((s, x) => s + (x - m) ** 3, 0) / d.samples.length };
  }
}

/** Cumulants of a sum of independent parts; `times` copies of one part scale every cumulant. */
export function addCumulants(parts: readonly Cumulants[]): Cumulants {
  return parts.reduce((s, c) => ({ mean: s.mean + c.mean, variance: s.variance + c.variance, third: s.third + c.third }), NO_SPREAD(0));
}
export const scaleCumulants = (c: Cumulants, times: number): Cumulants => ({ mean: c.mean * times, variance: c.variance * times, third: c.third * times });

/** X = shift + exp(mu + sigma·Z), or a normal (sigma 0 → no skew) when the skew is not positive. */
export interface ShiftedLognormal {
  shift: number;
  mu: number;
  sigma: number;
  /** Mean and standard deviation when the fit falls back to a normal (no positive skew). */
  normal: { mean: number; sd: number } | null;
}

/** The shifted lognormal with these three cumulants (a normal when the skew is not positive). */
export function shiftedLognormal(c: Cumulants): ShiftedLognormal {
  const sd = Math.sqrt(Math.max(c.variance, 0));
  const skew = sd > 0 ? c.third / sd ** 3 : 0;
  if (!(sd > 0) || !(skew > 1e-6)) return { shift: c.mean, mu: 0, sigma: 0, normal: sd > 0 ? { mean: c.mean, sd } : null };
  // A lognormal's skew is t³ + 3t with t = sqrt(e^{σ²} − 1): solve the cubic (Cardano).
  const root = Math.sqrt(skew * skew / 4 + 1);
  const t = Math.cbrt(skew / 2 + root) + Math.cbrt(skew / 2 - root);
  const w = 1 + t * t;
  const scale = sd / Math.sqrt(w * (w - 1)); // e^mu
  return { shift: c.mean - scale * Math.sqrt(w), mu: Math.log(scale), sigma: Math.sqrt(Math.log(w)), normal: null };
}

export function slnCdf(d: ShiftedLognormal, x: number): number {
  if (d.normal) return normalCdf((x - d.normal.mean) / d.normal.sd);
  if (d.sigma === 0) return x >= d.shift ? 1 : 0;
  const y = x - d.shift;
  return y > 0 ? normalCdf((Math.log(y) - d.mu) / d.sigma) : 0;
}

/** E[(X − x)⁺], in closed form: the stop-loss transform, which gives the residual life's tail. */
export function slnExcess(d: ShiftedLognormal, x: number): number {
  if (d.normal) {
    const { mean: m, sd } = d.normal;
    const z = (m - x) / sd;
    return (m - x) * normalCdf(z) + (sd * Math.exp(-z * z / 2)) / Math.sqrt(2 * Math.PI);
  }
  const y = x - d.shift;
  const mL = Math.exp(d.mu + (d.sigma * d.sigma) / 2);
  if (y <= 0) return mL - y;
  if (d.sigma === 0) return Math.max(0, Math.exp(d.mu) - y);
  const d1 = (d.mu + d.sigma * d.sigma - Math.log(y)) / d.sigma;
  return mL * normalCdf(d1) - y * normalCdf(d1 - d.sigma);
}
