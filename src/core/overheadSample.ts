// The overhead total's percentiles when two or more phases are random: a Latin hypercube of
// OVERHEAD_SAMPLES points (docs/model.md, per-action overhead). Every step of a workflow plan
// asks for one, and steps on the same phases with the same sizes ask for the same one, so each
// distinct sample is computed once per process and its percentiles kept, and so is each
// lognormal's column of quantiles and each phase's random order (the same for every sample):
// the same inputs give the same bits, whether computed or remembered.
import { normalQuantile, quantile, sortedQuantile, type Dist } from './distribution.js';
import { createRng, type Rng } from './random.js';

/** Points of the Latin hypercube; fixed seed, so reports repeat. */
export const OVERHEAD_SAMPLES = 2048;
export const OVERHEAD_SEED = 0x5eed;
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
  const n = OVERHEAD_SAMPLES;
  const draws = new Float64Array(n).fill(fixedSeconds);
  random.forEach((d, k) => {
    if (d.kind === 'lognormal') addPermuted(draws, lognormalQuantiles(d.mu, d.sigma), permutation(k));
    else {
      const column = new Float64Array(n);
      for (let i = 0; i < n; i++) column[i] = quantile(d, (i + 0.5) / n);
      addPermuted(draws, column, permutation(k));
    }
  });
  draws.sort();
  return { p50Seconds: sortedQuantile(draws, 0.5), p95Seconds: sortedQuantile(draws, 0.95), p99Seconds: sortedQuantile(draws, 0.99) };
}

/**
 * The k-th phase's random order: a Fisher–Yates shuffle (from the top) by the k-th run of
 * n − 1 draws from OVERHEAD_SEED. Every sample starts the generator afresh and draws the same
 * runs whatever the columns hold, so the orders are the same for every sample: each is made
 * once per process, as indices (place i of the shuffled column holds the column's entry
 * order[i]), and a workflow's second sample draws nothing.
 */
const orders: Uint16Array[] = [];
let ordersRng: Rng | null = null;

function permutation(k: number): Uint16Array {
  for (;;) {
    const known = orders[k];
    if (known !== undefined) return known;
    ordersRng ??= createRng(OVERHEAD_SEED);
    orders.push(ordersRng.shuffledIndices(OVERHEAD_SAMPLES));
  }
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

/**
 * Standard normal quantiles at (i + 0.5)/n for i < n/2, the lower half of the strata. The CLI
 * bundle carries OVERHEAD_SAMPLES' half as a constant, computed by this function when it is
 * built (scripts/build.mjs): 1,024 rational approximations less at every start. The library
 * computes them on first use.
 */
export function lowerStrata(n: number): number[] {
  return Array.from({ length: n / 2 }, (_, i) => normalQuantile((i + 0.5) / n));
}

declare const __FLYSCALE_STRATA__: readonly number[] | undefined;

let z: Float64Array | null = null;

/**
 * Standard normal quantiles at the strata, once per process: a lognormal column is then
 * exp(mu + sigma·z). n is a power of two, so (i + 0.5) / n and 1 minus it are exact and the
 * quantile is odd about 1/2 to the last bit: the upper half is the lower half negated.
 */
function strata(): Float64Array {
  if (z !== null) return z;
  const n = OVERHEAD_SAMPLES;
  const lower = typeof __FLYSCALE_STRATA__ === 'undefined' ? lowerStrata(n) : __FLYSCALE_STRATA__;
  const made = new Float64Array(n);
  made.set(lower);
  for (let i = 0; i < n / 2; i++) made[n - 1 - i] = -(made[i] ?? 0);
  z = made;
  return made;
}

// The loops of a column in small functions of their own, with nothing looked up inside:
// `plan` runs them once, mostly before the optimiser is done with them, so every operation
// saved in the unoptimised code is start-up time saved.

/** column[i] = exp(mu + sigma·z[i]): a lognormal's quantiles at the strata. */
function lognormalColumn(column: Float64Array, z: Float64Array, mu: number, sigma: number): void {
  for (let i = 0; i < column.length; i++) column[i] = Math.exp(mu + sigma * (z[i] ?? 0));
}

/** draws[i] += column[order[i]]: the shuffled column added in, phase after phase, as the shuffle in place added it. */
function addPermuted(draws: Float64Array, column: Float64Array, order: Uint16Array): void {
  for (let i = 0; i < draws.length; i++) draws[i] = (draws[i] ?? 0) + (column[order[i] ?? 0] ?? 0);
}
