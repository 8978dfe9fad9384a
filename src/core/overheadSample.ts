// The overhead total's percentiles when two or more phases are random: a Latin hypercube of
// OVERHEAD_SAMPLES points (docs/model.md, per-action overhead; its design in
// core/overheadDesign.ts). The sample is of the random phases' sum alone, and the fixed part
// (fixed phases and transfer times) is added to its percentiles, so every step of a workflow
// on the same phases shares one sample whatever its sizes. Each distinct sample is computed
// once per process and its percentiles kept, and so is each lognormal's column of quantiles:
// the same inputs give the same bits, whether computed or remembered. The CLI bundle carries
// the samples of the built-in profiles, computed by this file when it is built
// (scripts/build.mjs), so `plan` on them draws nothing.
import { quantile, sortedQuantile, type Dist } from './distribution.js';
import { OVERHEAD_SAMPLES, permutation, strata } from './overheadDesign.js';

export { OVERHEAD_SAMPLES, OVERHEAD_SEED } from './overheadDesign.js';
/** Distinct samples remembered; a sweep over profiles asks for many, each a few numbers. */
const REMEMBERED = 256;

export interface SampledPercentiles {
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
}

declare const __FLYSCALE_SAMPLES__: readonly (readonly [string, SampledPercentiles])[] | undefined;

const remembered = new Map<string, SampledPercentiles>(typeof __FLYSCALE_SAMPLES__ === 'undefined' ? [] : __FLYSCALE_SAMPLES__);

/**
 * p50, p95, p99 of fixedSeconds + the sum of the random phases, in this order: each phase
 * contributes its quantiles at (i + 0.5) / n in a seeded random order. Far less noise than
 * plain Monte Carlo at the same n, and cheap at start-up.
 */
export function sampledPercentiles(random: readonly Dist[], fixedSeconds: number): SampledPercentiles {
  // JSON writes each number so that it reads back to the same double: equal keys, equal inputs.
  const key = JSON.stringify(random);
  let known = remembered.get(key);
  if (known === undefined) {
    known = sample(random);
    if (remembered.size >= REMEMBERED) {
      remembered.clear();
      columns.clear();
    }
    remembered.set(key, known);
  }
  return { p50Seconds: fixedSeconds + known.p50Seconds, p95Seconds: fixedSeconds + known.p95Seconds, p99Seconds: fixedSeconds + known.p99Seconds };
}

/** The samples this process has made or was given, by key: for the build, which carries them. */
export function rememberedSamples(): [string, SampledPercentiles][] {
  return [...remembered];
}

function sample(random: readonly Dist[]): SampledPercentiles {
  const n = OVERHEAD_SAMPLES;
  const draws = new Float64Array(n);
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

// The loops of a column in small functions of their own, with nothing looked up inside, each
// called once per CHUNK places: `plan` runs them once per sample, cold, and V8 gives a function
// its type feedback only after a few calls, so a loop run whole in one call stayed in the
// interpreter to its end.
const CHUNK = 256;

/** column[i] = exp(mu + sigma·z[i]): a lognormal's quantiles at the strata. */
function lognormalColumn(column: Float64Array, z: Float64Array, mu: number, sigma: number): void {
  for (let at = 0; at < column.length; at += CHUNK) lognormalChunk(column, z, mu, sigma, at, Math.min(column.length, at + CHUNK));
}

function lognormalChunk(column: Float64Array, z: Float64Array, mu: number, sigma: number, from: number, to: number): void {
  for (let i = from; i < to; i++) column[i] = Math.exp(mu + sigma * (z[i] ?? 0));
}

/** draws[i] += column[order[i]]: the shuffled column added in, phase after phase, as the shuffle in place added it. */
function addPermuted(draws: Float64Array, column: Float64Array, order: Uint16Array): void {
  for (let at = 0; at < draws.length; at += CHUNK) addChunk(draws, column, order, at, Math.min(draws.length, at + CHUNK));
}

function addChunk(draws: Float64Array, column: Float64Array, order: Uint16Array, from: number, to: number): void {
  for (let i = from; i < to; i++) draws[i] = (draws[i] ?? 0) + (column[order[i] ?? 0] ?? 0);
}
