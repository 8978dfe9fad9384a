// Observations of a stream's metrics (docs/streams.md): each is a mean over replications of the
// whole stream, with its 95% interval, so a budget on `latency.p99Seconds` can be inconclusive.
import type { Spread } from '../sim/types.js';
import type { StreamReplication } from '../sim/workflow/runEngine.js';
import { streamPlanOf, type StreamPlan, type StreamSetup } from '../stream/simulateStreamPlan.js';
import type { StreamStatistics } from '../stream/summarizeStream.js';
import type { Observation } from './evaluate.js';
import type { Observer } from './settle.js';

/** A budget's stream of runs: what is known before any replication, and its replications [from, to) from a base seed. */
export interface StreamCheck {
  setup: StreamSetup;
  warmupSeconds: number;
  replicate: (seed: number, from: number, to: number, label: string) => readonly StreamReplication[];
}

const PICK: Record<string, (st: StreamStatistics) => Spread | undefined> = {
  'latency.meanSeconds': (st) => st.latency.mean,
  'latency.p50Seconds': (st) => st.latency.p50,
  'latency.p95Seconds': (st) => st.latency.p95,
  'latency.p99Seconds': (st) => st.latency.p99,
  'latency.p999Seconds': (st) => st.latency.p999,
  'wait.meanSeconds': (st) => st.wait.mean,
  'wait.probability': (st) => st.wait.probability,
  'coldStarts.perHour': (st) => st.coldStartsPerHour,
  'cost.perRun': (st) => st.cost?.perRun,
  'cost.perHour': (st) => st.cost?.perHour,
};

/**
 * The simulated metric's observation; undefined when the stream has no such value (no price,
 * not simulated). The offered load is computed, not simulated: check reads it off the plan
 * without simulating (core/check/checkBudget.ts).
 */
export function observeStream(metric: string, plan: StreamPlan): Observation | undefined {
  const st = plan.statistics;
  const s = st === null ? undefined : PICK[metric]?.(st);
  if (st === null || s === undefined) return undefined;
  return st.replications > 1 ? { value: s.mean, ci95: s.ci95, runs: st.replications } : { value: s.mean, runs: st.replications };
}

/** A stream metric observed over a prefix of the stream's replications: every one is a mean over them. */
export const streamObserver = (metric: string, stream: StreamCheck): Observer<StreamReplication> => ({
  statistic: { kind: 'mean' },
  observe: (reps) => observeStream(metric, streamPlanOf(stream.setup, reps, stream.warmupSeconds)),
});
