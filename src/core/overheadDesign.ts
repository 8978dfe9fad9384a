// The design of the overhead sample (core/overheadSample.ts): a Latin hypercube of
// OVERHEAD_SAMPLES points, each phase at the strata (i + 0.5)/n in a random order of its own.
// All of it is constant: the strata's normal quantiles and the orders are the same in every
// process, so the CLI bundle carries them, made by this file's own functions when it is built
// (scripts/build.mjs), and `plan` computes neither; the library makes each on first use.
import { normalQuantile } from './distribution.js';
import { createRng, type Rng } from './random.js';

/** Points of the Latin hypercube; fixed seed, so reports repeat. */
export const OVERHEAD_SAMPLES = 2048;
export const OVERHEAD_SEED = 0x5eed;
/** Orders the bundle carries: a total has at most six random phases (core/overhead.ts). */
export const ORDERS_BUILT = 6;

declare const __FLYSCALE_STRATA__: readonly number[] | undefined;
declare const __FLYSCALE_ORDERS__: (() => Uint16Array) | undefined;

/** Standard normal quantiles at (i + 0.5)/n for i < n/2, the lower half of the strata. */
export function lowerStrata(n: number): number[] {
  return Array.from({ length: n / 2 }, (_, i) => normalQuantile((i + 0.5) / n));
}

let z: Float64Array | null = null;

/**
 * Standard normal quantiles at the strata, once per process: a lognormal column is then
 * exp(mu + sigma·z). n is a power of two, so (i + 0.5) / n and 1 minus it are exact and the
 * quantile is odd about 1/2 to the last bit: the upper half is the lower half negated.
 */
export function strata(): Float64Array {
  if (z !== null) return z;
  const n = OVERHEAD_SAMPLES;
  const lower = typeof __FLYSCALE_STRATA__ === 'undefined' ? lowerStrata(n) : __FLYSCALE_STRATA__;
  const made = new Float64Array(n);
  made.set(lower);
  for (let i = 0; i < n / 2; i++) made[n - 1 - i] = -(made[i] ?? 0);
  z = made;
  return made;
}

const orders: Uint16Array[] = [];
let ordersRng: Rng | null = null;

/**
 * The k-th phase's random order: a Fisher–Yates shuffle (from the top) by the k-th run of
 * n − 1 draws from OVERHEAD_SEED, kept as indices (place i of the shuffled column holds the
 * column's entry order[i]). The generator starts afresh for the sample and draws the same runs
 * whatever the columns hold, so the orders are the same for every sample.
 */
export function permutation(k: number): Uint16Array {
  for (;;) {
    const known = orders[k];
    if (known !== undefined) return known;
    if (orders.length === 0 && typeof __FLYSCALE_ORDERS__ !== 'undefined') {
      const built = __FLYSCALE_ORDERS__();
      for (let at = 0; at < built.length; at += OVERHEAD_SAMPLES) orders.push(built.subarray(at, at + OVERHEAD_SAMPLES));
      continue;
    }
    if (ordersRng === null) {
      // Started afresh: the runs of orders already there (carried by the bundle) are drawn again and dropped.
      ordersRng = createRng(OVERHEAD_SEED);
      for (let i = 0; i < orders.length; i++) ordersRng.shuffledIndices(OVERHEAD_SAMPLES);
    }
    orders.push(ordersRng.shuffledIndices(OVERHEAD_SAMPLES));
  }
}

/** The first `count` orders, for the build, which carries them. */
export function firstOrders(count: number): Uint16Array[] {
  return Array.from({ length: count }, (_, k) => permutation(k));
}
