// The runtime of a batch is the sum of b item runtimes (MODEL §2). Up to DRAW_EACH_UP_TO
// items every item is drawn. Beyond that a batch is split the way its right tail is made: the
// items above the item quantile 1 − TAIL_ITEMS/b (on average TAIL_ITEMS of them, a binomial
// count) are drawn one by one from that tail, exactly; the others, the body, are bounded by
// that quantile, so their sum is close to normal and is drawn as one lognormal matched on its
// exact mean and variance. A fan-out's makespan is the largest of many batch sums, set by their
// right tail, and a heavy-tailed sum's tail comes from its few largest items: those are exact.
// The mean and variance of the whole sum stay exact (itemTail.ts), the cost of a draw is about
// TAIL_ITEMS + 3 random numbers whatever b, and at b = DRAW_EACH_UP_TO + 1 the sum barely
// changes (docs/simulator.md shows the comparison with item-by-item summation).
import type { Dist } from '../distribution.js';
import type { Rng } from '../random.js';
import { bodyMoments, upperQuantile } from './itemTail.js';
import { durationSampler } from './phaseSampler.js';

/** Largest batch whose items are drawn one by one. */
export const DRAW_EACH_UP_TO = 32;

/** Expected number of items per batch drawn exactly from the item's right tail beyond DRAW_EACH_UP_TO. */
export const TAIL_ITEMS = 4;

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
  return splitSampler(item, items);
}

/** Body plus tail (see the file's head): the sum of `items` > DRAW_EACH_UP_TO draws of `item`. */
function splitSampler(item: Dist, items: number): (rng: Rng) => number {
  const p = TAIL_ITEMS / items;
  const c = 1 - p;
  const body = bodyMoments(item, c);
  const bodyMean = body.first / c;
  const bodyVariance = Math.max(0, body.second / c - bodyMean * bodyMean);
  const none = (1 - p) ** items;
  const ratio = p / (1 - p);
  // Lognormal parameters of a body of (items − n) items, kept for the usual counts n.
  const kept = Math.min(items, 4 * TAIL_ITEMS);
  const mus = new Float64Array(kept + 2);
  const sigmas = new Float64Array(kept + 2);
  const means = new Float64Array(kept + 2);
  const fit = (n: number, at: number): number => {
    const m = (items - n) * bodyMean;
    const s2 = m > 0 ? Math.log1p(((items - n) * bodyVariance) / (m * m)) : 0;
    means[at] = m;
    mus[at] = m > 0 ? Math.log(m) - s2 / 2 : 0;
    sigmas[at] = Math.sqrt(s2);
    return at;
  };
  for (let n = 0; n <= kept; n++) fit(n, n);
  // A rarer count reuses the spare last cell, refitted on the spot.
  const spare = fit(0, kept + 1);
  return (rng) => {
    // n ~ Binomial(items, p) by inversion from n = 0.
    const u = rng.next();
    let n = 0;
    let prob = none;
    let cdf = prob;
    while (u > cdf && n < items) {
      prob *= ((items - n) / (n + 1)) * ratio;
      n++;
      cdf += prob;
    }
    let total = 0;
    for (let i = 0; i < n; i++) total += upperQuantile(item, p * (1 - rng.next()));
    const at = n <= kept ? n : fit(n, spare);
    const m = means[at] ?? 0;
    if (m > 0) total += sigmas[at] === 0 ? m : Math.exp((mus[at] ?? 0) + (sigmas[at] ?? 0) * rng.normal());
    return total;
  };
}
