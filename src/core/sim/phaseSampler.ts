// Draws of one distribution as a closure, for the batch runtime (batchRuntime.ts). The event
// loop draws the overhead phases through phaseDraws.ts instead (MODEL §2: a transfer takes a
// latency draw plus bytes / bandwidth, no size term when bandwidth is null).
import type { Dist } from '../distribution.js';
import type { Rng } from '../random.js';

/**
 * Draws of `dist`, specialised per kind so the hot loop makes no switch: the same formulas
 * as distribution.sample, hence the same numbers from the same generator. A fixed value
 * costs no random draw.
 */
export function durationSampler(dist: Dist): (rng: Rng) => number {
  switch (dist.kind) {
    case 'fixed': {
      const value = dist.value;
      return () => value;
    }
    case 'uniform': {
      const { min, max } = dist;
      return (rng) => min + rng.next() * (max - min);
    }
    case 'exponential': {
      const m = dist.mean;
      return (rng) => -m * Math.log(1 - rng.next());
    }
    case 'lognormal': {
      const { mu, sigma } = dist;
      return (rng) => Math.exp(mu + sigma * rng.normal());
    }
    case 'empirical': {
      const samples = dist.samples;
      return (rng) => samples[Math.floor(rng.next() * samples.length)] ?? 0;
    }
  }
}
