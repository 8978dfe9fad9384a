// Draws of the overhead phases of MODEL §2: a transfer takes a latency draw plus
// bytes / bandwidth (no size term when bandwidth is null); a plain phase is one draw.
import type { Dist } from '../distribution.js';
import type { Phase } from '../model.js';
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

/** Draws the duration of a transfer of `items × bytesPerItem` bytes. */
export function transferSampler(phase: Phase, bytesPerItem: number): (rng: Rng, items: number) => number {
  const latency = durationSampler(phase.latency);
  const bandwidth = phase.bandwidthBytesPerSecond;
  if (bandwidth === null || bytesPerItem === 0) return (rng) => latency(rng);
  const secondsPerItem = bytesPerItem / bandwidth;
  return (rng, items) => latency(rng) + items * secondsPerItem;
}
