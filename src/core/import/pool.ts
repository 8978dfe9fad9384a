// Pod per task or a reusable pool, inferred from what the run recorded, with the reason.
// A warm replica initialises in milliseconds and a new one (or a pod) in tens of seconds, so
// INITIALIZING of a reusable pool is bimodal: the slow mode is its cold starts.
import { sortedQuantile } from '../distribution.js';
import type { GroupSamples } from './groups.js';

/** The gap between the modes must be at least this ratio to call INITIALIZING bimodal. */
export const BIMODAL_RATIO = 10;
/** A median INITIALIZING under this cannot be a pod start (pods take seconds at best). */
export const WARM_MEDIAN_SECONDS = 1;
/** Added before taking ratios so that zeros (a dispatch under the clock's resolution) compare. */
const FLOOR_SECONDS = 1e-3;

export interface ColdSplit {
  /** Seconds at the geometric middle of the widest gap; INITIALIZING above it is a cold start. */
  thresholdSeconds: number;
  cold: number[];
  warm: number[];
}

/** The widest ratio between neighbours of the sorted INITIALIZING times, when it is ≥ 10×. */
export function splitColdStarts(initializing: readonly number[]): ColdSplit | null {
  const sorted = Float64Array.from(initializing).sort();
  let best = 0;
  let at = -1;
  for (let i = 1; i < sorted.length; i++) {
    const ratio = ((sorted[i] ?? 0) + FLOOR_SECONDS) / ((sorted[i - 1] ?? 0) + FLOOR_SECONDS);
    if (ratio > best) {
      best = ratio;
      at = i;
    }
  }
  if (at < 0 || best < BIMODAL_RATIO) return null;
  const low = (sorted[at - 1] ?? 0) + FLOOR_SECONDS;
  const high = (sorted[at] ?? 0) + FLOOR_SECONDS;
  const thresholdSeconds = Math.sqrt(low * high) - FLOOR_SECONDS;
  return { thresholdSeconds, cold: Array.from(sorted.subarray(at)), warm: Array.from(sorted.subarray(0, at)) };
}

export interface PoolInference {
  mode: 'pod' | 'reusable';
  reason: string;
  /** Reusable: INITIALIZING above the threshold (new replicas); pod: every start. */
  coldStarts: number;
  split: ColdSplit | null;
}

const fmt = (s: number): string => (s >= 1 ? `${s.toPrecision(3)} s` : `${(s * 1000).toPrecision(3)} ms`);

export function inferPool(group: GroupSamples): PoolInference {
  const init = group.samples.initializing;
  const split = splitColdStarts(init);
  const median = init.length ? sortedQuantile(Float64Array.from(init).sort(), 0.5) : 0;
  const bimodal = split !== null && split.cold.length < split.warm.length;
  const coldText = (s: ColdSplit): string => `${s.cold.length} of ${init.length} attempts initialised for more than ${fmt(s.thresholdSeconds)} (new replicas), the rest for a median of ${fmt(sortedQuantile(Float64Array.from(s.warm), 0.5))}`;
  if (group.taskType === 'actor' || group.reusePolicy !== null) {
    const why = group.reusePolicy !== null ? 'the task carries a reuse policy' : 'the task type is "actor" (a reusable environment)';
    const s = bimodal ? split : null;
    return { mode: 'reusable', reason: s !== null ? `${why}; ${coldText(s)}` : `${why}; no INITIALIZING time stands out as a cold start`, coldStarts: s?.cold.length ?? 0, split: s };
  }
  if (bimodal && split !== null) return { mode: 'reusable', reason: `INITIALIZING is bimodal: ${coldText(split)}`, coldStarts: split.cold.length, split };
  if (init.length > 0 && median < WARM_MEDIAN_SECONDS) {
    return { mode: 'reusable', reason: `INITIALIZING took a median of ${fmt(median)}, too fast for a pod start: warm replicas`, coldStarts: 0, split: null };
  }
  return { mode: 'pod', reason: init.length ? `INITIALIZING took a median of ${fmt(median)} with no fast mode: a container start for every attempt` : 'no attempt recorded INITIALIZING (the list form has no phases); assumed a pod per task', coldStarts: init.length, split: null };
}
