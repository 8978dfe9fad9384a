// A periodic piecewise-linear rate profile: λ(t) through the shape's points, linear between
// neighbours, the last point joined to the first one a period later (so the profile is continuous
// and repeats). One point: a constant rate.
import type { RatePoint } from './arrivalsSpec.js';

export interface RateShape {
  /** Knot times in [0, periodSeconds), ascending, with the first knot repeated at +period. */
  readonly atSeconds: Float64Array;
  readonly ratePerSecond: Float64Array;
  readonly periodSeconds: number;
  /** The largest rate: linear pieces peak at a knot. */
  readonly maxRatePerSecond: number;
  /** Time-average of λ over one period (trapezoids). */
  readonly meanRatePerSecond: number;
}

export function rateShape(points: readonly RatePoint[], periodSeconds: number): RateShape {
  const n = points.length;
  if (n === 0) throw new RangeError('a rate shape needs at least one point');
  if (!(periodSeconds > 0)) throw new RangeError(`a rate shape needs a positive period, got ${periodSeconds}`);
  const atSeconds = new Float64Array(n + 1);
  const ratePerSecond = new Float64Array(n + 1);
  let maxRate = 0;
  for (let i = 0; i < n; i++) {
    const p = points[i];
    if (p === undefined) continue;
    if (!(p.atSeconds >= 0 && p.atSeconds < periodSeconds)) throw new RangeError(`shape point ${i}: atSeconds ${p.atSeconds} is outside [0, ${periodSeconds})`);
    if (i > 0 && !(p.atSeconds > (atSeconds[i - 1] ?? 0))) throw new RangeError(`shape point ${i}: atSeconds must increase`);
    if (!(p.ratePerSecond >= 0 && Number.isFinite(p.ratePerSecond))) throw new RangeError(`shape point ${i}: rate ${p.ratePerSecond} is not a finite rate >= 0`);
    atSeconds[i] = p.atSeconds;
    ratePerSecond[i] = p.ratePerSecond;
    maxRate = Math.max(maxRate, p.ratePerSecond);
  }
  atSeconds[n] = (atSeconds[0] ?? 0) + periodSeconds;
  ratePerSecond[n] = ratePerSecond[0] ?? 0;
  // The integral over [t_0, t_0 + period) equals the integral over [0, period): λ is periodic.
  let area = 0;
  for (let i = 0; i < n; i++) area += (((ratePerSecond[i] ?? 0) + (ratePerSecond[i + 1] ?? 0)) / 2) * ((atSeconds[i + 1] ?? 0) - (atSeconds[i] ?? 0));
  return { atSeconds, ratePerSecond, periodSeconds, maxRatePerSecond: maxRate, meanRatePerSecond: area / periodSeconds };
}

/** λ(t) at any t >= 0. */
export function rateAt(shape: RateShape, tSeconds: number): number {
  const { atSeconds, ratePerSecond, periodSeconds } = shape;
  const first = atSeconds[0] ?? 0;
  // Phase within [first, first + period): the knots cover exactly that window.
  let phase = (tSeconds - first) % periodSeconds;
  if (phase < 0) phase += periodSeconds;
  const x = first + phase;
  let lo = 0;
  let hi = atSeconds.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((atSeconds[mid] ?? 0) <= x) lo = mid;
    else hi = mid;
  }
  const t0 = atSeconds[lo] ?? 0;
  const t1 = atSeconds[hi] ?? 0;
  const r0 = ratePerSecond[lo] ?? 0;
  const r1 = ratePerSecond[hi] ?? 0;
  return t1 > t0 ? r0 + ((x - t0) / (t1 - t0)) * (r1 - r0) : r0;
}
