// The shared-queue run engine (docs/simulator.md, "Workflows"): one event loop over every
// environment and every source, for one run (simulateRun) or a stream of runs arriving over
// time (simulateStream). Pure and deterministic: one generator seeded with `seed` draws
// everything, in event order.
import type { Workflow } from '../../workflow/types.js';
import type { EnvironmentStream } from './envState.js';
import { RunLayout, type StepSizing } from './runLayout.js';
import { RunLoop } from './runLoop.js';

export type { EnvironmentStream } from './envState.js';
export type { StepSizing } from './runLayout.js';

export interface RunStream {
  /** Arrival time of each run in seconds, ascending. Float64Array.of(0): one run. */
  arrivalSeconds: Float64Array;
  /** Runs arriving before this, and environment time before it, are left out of the statistics. */
  statsFromSeconds: number;
  /** Sample interval for the per-environment timeline; null: none. */
  timelineIntervalSeconds: number | null;
}

export interface StreamTimelinePoint {
  tSeconds: number;
  readyReplicas: number;
  busySlots: number;
  queued: number;
}

export interface StreamReplication {
  seed: number;
  /** Per measured run (arrival >= statsFromSeconds), in arrival order: arrival -> end of its last step. */
  latencySeconds: Float64Array;
  /** Per action of a measured run, the time it waited in its environment's queue for a slot (retries summed). */
  actionWaitSeconds: Float64Array;
  /** When the last run ended. */
  horizonSeconds: number;
  environments: Record<string, EnvironmentStream>;
  /** Per environment samples; null without an interval. */
  timeline: Record<string, StreamTimelinePoint[]> | null;
  eventsProcessed: number;
}

function checkStream(stream: RunStream): void {
  const a = stream.arrivalSeconds;
  for (let i = 0; i < a.length; i++) {
    const t = a[i] ?? 0;
    if (!Number.isFinite(t) || t < 0 || (i > 0 && t < (a[i - 1] ?? 0))) throw new RangeError(`arrival ${i} (${t} s) must be a finite time >= 0, not before the one before it`);
  }
  if (!Number.isFinite(stream.statsFromSeconds)) throw new RangeError('statsFromSeconds must be a finite number of seconds');
}

/** Runs the engine to the end; for simulateRun and simulateStream. */
export function runEngine(w: Workflow, sizing: (step: string) => StepSizing, stream: RunStream, seed: number): RunLoop {
  checkStream(stream);
  const loop = new RunLoop(w, new RunLayout(w, sizing), stream.arrivalSeconds, stream.statsFromSeconds, stream.timelineIntervalSeconds, seed);
  loop.run();
  return loop;
}

export function simulateStream(w: Workflow, sizing: (step: string) => StepSizing, stream: RunStream, seed: number): StreamReplication {
  const loop = runEngine(w, sizing, stream, seed);
  const arrivals = stream.arrivalSeconds;
  let first = 0;
  while (first < arrivals.length && (arrivals[first] ?? 0) < stream.statsFromSeconds) first++;
  const latencySeconds = new Float64Array(arrivals.length - first);
  for (let r = first; r < arrivals.length; r++) latencySeconds[r - first] = (loop.runEnd[r] ?? 0) - (arrivals[r] ?? 0);
  const perRun = loop.actions.waitSeconds.length / Math.max(1, arrivals.length);
  // The loop is discarded: with every run measured its waits are the result as they are, no copy.
  const actionWaitSeconds = first === 0 ? loop.actions.waitSeconds : loop.actions.waitSeconds.slice(first * perRun);
  const window = Math.max(0, loop.horizon - stream.statsFromSeconds);
  const environments: Record<string, EnvironmentStream> = {};
  const timeline: Record<string, StreamTimelinePoint[]> | null = stream.timelineIntervalSeconds === null ? null : {};
  for (const e of loop.environments()) {
    environments[e.env.name] = e.result(window, 'horizon');
    if (timeline !== null && e.timeline !== null) {
      timeline[e.env.name] = e.timeline.result().points.map((p) => ({ tSeconds: p.timeSeconds, readyReplicas: p.readyReplicas, busySlots: p.busySlots, queued: p.queueLength }));
    }
  }
  return { seed, latencySeconds, actionWaitSeconds, horizonSeconds: loop.horizon, environments, timeline, eventsProcessed: loop.eventsProcessed };
}
