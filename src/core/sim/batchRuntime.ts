// The runtime of a batch is the sum of b item runtimes (MODEL §2). Up to DRAW_EACH_UP_TO
// items every item is drawn; beyond that the sum is drawn from one distribution with exactly
// the sum's mean b·m and variance b·v: a lognormal matched on those two moments (the
// Fenton–Wilkinson method). A sum of many positive draws is positive and right-skewed
// like a lognormal, and by the central limit theorem its shape matters less as b grows;
// the two moments, which set the makespan to first order, are exact.
import { type Dist, fixed, mean, variance } from '../distribution.js';
import type { Rng } from '../random.js';
import { durationSampler } from './phaseSampler.js';

/** Largest batch whose items are drawn one by one. */
export const DRAW_EACH_UP_TO = 32;

/** The distribution used for the sum of `items` draws of `item` when items > DRAW_EACH_UP_TO. */
export function batchSumApproximation(item: Dist, items: number): Dist {
  const m = items * mean(item);
  const v = items * variance(item);
  if (v === 0 || m <= 0) return fixed(m);
  const sigma2 = Math.log1p(v / (m * m));
  return { kind: 'lognormal', mu: Math.log(m) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** A sampler of the runtime of a batch of `items` items. */
export function batchRuntimeSampler(item: Dist, items: number): (rng: Rng) => number {
  if (item.kind === 'fixed') {
    const total = items * item.value;
    return () => total;
  }
  const one = durationSampler(item);
  if (items === 1) return one;
  if (items <= DRAW_EACH_UP_TO) {
    return (rng) => {
      let total = 0;
      for (let i = 0; i < items; i++) total += one(rng);
      return total;
    };
  }
  return durationSampler(batchSumApproximation(item, items));
}
