// Arrival times of a stream of runs (docs/model.md, streams of runs), drawn from the seeded Rng:
// Poisson by exponential gaps, a renewal process by drawing each gap from its distribution, a
// periodic rate shape by thinning (Lewis & Shedler 1979, "Simulation of nonhomogeneous Poisson
// processes by thinning", Naval Res. Logistics Quarterly 26(3)): candidates at the peak rate,
// each kept with probability λ(t) / peak. Times accumulate from 0: the first run arrives after
// one gap, and a run arriving exactly at durationSeconds is kept.
import { mean, sample } from '../distribution.js';
import type { Rng } from '../random.js';
import type { ArrivalsSpec } from './arrivalsSpec.js';
import { rateAt, rateShape, type RateShape } from './rateShape.js';

/** Long-run runs per second: the offered arrival rate λ. */
export function meanRatePerSecond(spec: ArrivalsSpec): number {
  if (spec.shape !== null) return rateShape(spec.shape, spec.periodSeconds).meanRatePerSecond;
  const p = spec.process;
  return p.kind === 'poisson' ? p.ratePerSecond : 1 / mean(p.interarrival);
}

/** Expected number of runs the spec produces (for sizing the output buffer). */
function expectedRuns(spec: ArrivalsSpec, ratePerSecond: number): number {
  const byDuration = spec.durationSeconds === null ? Infinity : ratePerSecond * spec.durationSeconds;
  return Math.min(spec.runs ?? Infinity, byDuration);
}

/** A growable Float64Array: doubling keeps appends O(1) amortised, no per-run objects. */
class TimeBuffer {
  private data: Float64Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Float64Array(Math.max(16, Math.min(capacity, 1 << 22)));
  }
  push(t: number): void {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = t;
  }
  result(): Float64Array {
    return this.length === this.data.length ? this.data : this.data.slice(0, this.length);
  }
}

/** A stationary process: Poisson gaps inline (the hot case), others drawn from their distribution. */
function stationary(spec: ArrivalsSpec, rng: Rng, runs: number, end: number, out: TimeBuffer): void {
  const p = spec.process;
  let t = 0;
  if (p.kind === 'poisson') {
    const meanGap = 1 / p.ratePerSecond;
    while (out.length < runs) {
      t -= meanGap * Math.log(1 - rng.next());
      if (t > end) return;
      out.push(t);
    }
    return;
  }
  const d = p.interarrival;
  while (out.length < runs) {
    // A negative draw (a distribution reaching below 0) counts as 0, so times never go back.
    t += Math.max(0, sample(d, rng));
    if (t > end) return;
    out.push(t);
  }
}

function validate(spec: ArrivalsSpec, ratePerSecond: number): void {
  const { runs, durationSeconds } = spec;
  if (runs === null && durationSeconds === null) throw new RangeError('arrivals need runs or a duration');
  if (runs !== null && !(Number.isInteger(runs) && runs >= 0)) throw new RangeError(`arrivals: runs must be an integer >= 0, got ${runs}`);
  if (durationSeconds !== null && !(durationSeconds >= 0 && Number.isFinite(durationSeconds))) throw new RangeError(`arrivals: duration must be finite and >= 0, got ${durationSeconds}`);
  if (spec.shape !== null && spec.process.kind !== 'poisson') throw new RangeError('arrivals: a rate shape needs a Poisson process, not an interarrival distribution');
  if (spec.shape === null && spec.process.kind === 'poisson' && !(spec.process.ratePerSecond >= 0 && Number.isFinite(spec.process.ratePerSecond))) {
    throw new RangeError(`arrivals: rate must be finite and >= 0, got ${spec.process.ratePerSecond}`);
  }
  // Without a duration to stop at, a zero rate would never produce the runs asked for; with
  // zero gaps, a duration alone would never be reached.
  if (durationSeconds === null && !(ratePerSecond > 0)) throw new RangeError('arrivals: a zero rate never produces the runs asked for');
  if (runs === null && !Number.isFinite(ratePerSecond)) throw new RangeError('arrivals: zero gaps never reach the duration; give runs');
}

/**
 * Arrival times in seconds, ascending, until `runs` runs or `durationSeconds`, whichever comes
 * first. Same spec and same Rng state: the same times.
 */
export function arrivalTimes(spec: ArrivalsSpec, rng: Rng): Float64Array {
  const shape = spec.shape === null ? null : rateShape(spec.shape, spec.periodSeconds);
  const ratePerSecond = shape === null ? meanRatePerSecond(spec) : shape.meanRatePerSecond;
  validate(spec, ratePerSecond);
  const runs = spec.runs ?? Infinity;
  const end = spec.durationSeconds ?? Infinity;
  if (runs === 0 || (shape !== null && shape.maxRatePerSecond === 0) || (shape === null && ratePerSecond === 0)) return new Float64Array(0);
  const out = new TimeBuffer(Math.ceil(expectedRuns(spec, ratePerSecond) * 1.1) + 16);
  if (shape === null) stationary(spec, rng, runs, end, out);
  else thinned(shape, rng, runs, end, out);
  return out.result();
}

function thinned(shape: RateShape, rng: Rng, runs: number, end: number, out: TimeBuffer): void {
  const peak = shape.maxRatePerSecond;
  const meanGap = 1 / peak;
  let t = 0;
  while (out.length < runs) {
    t += -meanGap * Math.log(1 - rng.next());
    if (t > end) break;
    if (rng.next() * peak < rateAt(shape, t)) out.push(t);
  }
}
