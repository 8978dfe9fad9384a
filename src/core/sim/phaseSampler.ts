// Draws of the overhead phases of MODEL §2: a transfer takes a latency draw plus
// bytes / bandwidth (no size term when bandwidth is null); a plain phase is one draw.
import { type Dist, sample } from '../distribution.js';
import type { Phase } from '../model.js';
import type { Rng } from '../random.js';

/** Draws the duration of a plain phase; an always-zero phase costs no random draw. */
export function durationSampler(dist: Dist): (rng: Rng) => number {
  if (dist.kind === 'fixed') {
    const value = dist.value;
    return () => value;
  }
  return (rng) => sample(dist, rng);
}

/** Draws the duration of a transfer of `items × bytesPerItem` bytes. */
export function transferSampler(phase: Phase, bytesPerItem: number): (rng: Rng, items: number) => number {
  const latency = durationSampler(phase.latency);
  const bandwidth = phase.bandwidthBytesPerSecond;
  if (bandwidth === null || bytesPerItem === 0) return (rng) => latency(rng);
  const secondsPerItem = bytesPerItem / bandwidth;
  return (rng, items) => latency(rng) + items * secondsPerItem;
}
