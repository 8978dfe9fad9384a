// The overhead total's percentiles when two or more phases are random: a Latin hypercube of
// OVERHEAD_SAMPLES points (docs/model.md, per-action overhead). Every step of a workflow plan
// asks for one, and steps on the same phases with the same sizes ask for the same one, so each
// distinct sample is computed once per process and its percentiles kept, and so is each
// lognormal's column of quantiles (the shuffles differ, the columns do not): the same inputs
// give the same bits, whether computed or remembered.
import { normalQuantile, quantile, sortedQuantile, type Dist } from './distribution.js';
import { createRng, type Rng } from './random.js';

/** Points of the Latin hypercube; fixed seed, so reports repeat. */
export const OVERHEAD_SAMPLES = 2048;
const OVERHEAD_SEED = 0x5eed;
/** Distinct samples remembered; a sweep over sizes asks for many, each a few numbers. */
const REMEMBERED = 256;

export interface SampledPercentiles {
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
}

const remembered = new Map<string, SampledPercentiles>();

/**
 * p50, p95, p99 of fixedSeconds + the sum of the random phases, in this order: each phase
 * contributes its quantiles at (i + 0.5) / n in a seeded random order. Far less noise than
 * plain Monte Carlo at the same n, and cheap at start-up.
 */
export function sampledPercentiles(random: readonly Dist[], fixedSeconds: number): SampledPercentiles {
  // JSON writes each number so that it reads back to the same double: equal keys, equal inputs.
  const key = JSON.stringify([fixedSeconds, random]);
  const known = remembered.get(key);
  if (known !== undefined) return { ...known };
  const computed = sample(random, fixedSeconds);
  if (remembered.size >= REMEMBERED) {
    remembered.clear();
    columns.clear();
  }
  remembered.set(key, computed);
  return { ...computed };
}

function sample(random: readonly Dist[], fixedSeconds: number): SampledPercentiles {
  const rng = createRng(OVERHEAD_SEED);
  const n = OVERHEAD_SAMPLES;
  const draws = new Float64Array(n).fill(fixedSeconds);
  const column = new Float64Array(n);
  for (const d of random) {
    if (d.kind === 'lognormal') column.set(lognormalQuantiles(d.mu, d.sigma));
    else for (let i = 0; i < n; i++) column[i] = quantile(d, (i + 0.5) / n);
    shuffleInto(column, draws, rng);
  }
  draws.sort();
  return { p50Seconds: sortedQuantile(draws, 0.5), p95Seconds: sortedQuantile(draws, 0.95), p99Seconds: sortedQuantile(draws, 0.99) };
}

/** A lognormal's quantiles at the strata, by mu and sigma: phases share latencies (upload and download each serve two). */
const columns = new Map<string, Float64Array>();

function lognormalQuantiles(mu: number, sigma: number): Float64Array {
  const key = `${mu} ${sigma}`;
  const known = columns.get(key);
  if (known !== undefined) return known;
  const column = new Float64Array(OVERHEAD_SAMPLES);
  lognormalColumn(column, strata(), mu, sigma);
  columns.set(key, column);
  return column;
}

let z: Float64Array | null = null;

/**
 * Standard normal quantiles at the strata, computed once per process: a lognormal column is
 * then exp(mu + sigma·z). n is a power of two, so (i + 0.5) / n and 1 minus it are exact and
 * the quantile is odd about 1/2 to the last bit: the upper half is the lower half negated.
 */
function strata(): Float64Array {
  if (z !== null) return z;
  const n = OVERHEAD_SAMPLES;
  const made = new Float64Array(n);
  for (let i = 0; i < n / 2; i++) {
    const zi = normalQuantile((i + 0.5) / n);
    made[i] = zi;
    made[n - 1 - i] = -zi;
  }
  z = made;
  return made;
}

// The two loops of a column in small functions of their own, with nothing looked up inside:
// `plan` runs them once, mostly before the optimiser is done with them, so every operation
// saved in the unoptimised code is start-up time saved.

/** column[i] = exp(mu + sigma·z[i]): a lognormal's quantiles at the strata. */
function lognormalColumn(column: Float64Array, z: Float64Array, mu: number, sigma: number): void {
  for (let i = 0; i < column.length; i++) column[i] = Math.exp(mu + sigma * (z[i] ?? 0));
}

/**
 * Shuffles `column` (Fisher–Yates, from the top) and adds it into `draws`. Place i is final once
 * step i has swapped into it, so it is added then instead of in a pass of its own: the same
 * shuffle, the same additions in the same order, one loop fewer.
 */
function shuffleInto(column: Float64Array, draws: Float64Array, rng: Rng): void {
  for (let i = column.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const picked = column[j] ?? 0;
    column[j] = column[i] ?? 0;
    draws[i] = (draws[i] ?? 0) + picked;
  }
  draws[0] = (draws[0] ?? 0) + (column[0] ?? 0);
}
