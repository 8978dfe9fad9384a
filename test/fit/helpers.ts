// Small builders for the fit tests.
import { createRng } from '../../src/core/random.js';

/** n draws of a lognormal with the given median (seconds) and sigma, from a fixed seed. */
export function lognormalSample(n: number, medianSeconds: number, sigma: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = medianSeconds * Math.exp(sigma * rng.normal());
  return out;
}

export const ascending = (values: ArrayLike<number>): Float64Array => Float64Array.from(values).sort();
