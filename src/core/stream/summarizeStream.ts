// Replications of a stream summarised (docs/streams.md, "Statistics"): each replication gives
// one value of every statistic (its latency mean and percentiles over its measured runs, its
// wait, its utilisation), and the report gives their mean with a 95% confidence interval over
// the independent replications (Student t, R − 1 degrees of freedom).
import { sortedQuantile } from '../distribution.js';
import type { StreamReplication } from '../sim/workflow/runEngine.js';
import { spreadOf } from '../sim/summarize.js';
import type { Spread } from '../sim/types.js';

export const LATENCY_STATS = ['mean', 'p50', 'p95', 'p99', 'p999'] as const;
export type LatencyStat = (typeof LATENCY_STATS)[number];
const QUANTILE = { p50: 0.5, p95: 0.95, p99: 0.99, p999: 0.999 } as const satisfies Record<Exclude<LatencyStat, 'mean'>, number>;

export interface EnvironmentStatistics {
  utilization: Spread;
  coldStartsPerHour: Spread;
  /** Replica-hours billed over the measured window. */
  replicaHours: Spread;
  /** Replicas billed on average: replica-hours per hour of the window. */
  replicasBilled: Spread;
  peakReplicas: Spread;
  /** Cost per hour of the window; null without a price. */
  costPerHour: Spread | null;
}

export interface StreamStatistics {
  replications: number;
  /** Measured runs (arrived after the warm-up), per replication. */
  measuredRuns: Spread;
  /** The measured window, from the end of the warm-up to the last run's end. */
  windowSeconds: Spread;
  latency: Record<LatencyStat, Spread>;
  /** Queue wait of an action for a slot: its mean, the share that waited at all, its percentiles. */
  wait: { mean: Spread; probability: Spread; p50: Spread; p95: Spread; p99: Spread };
  coldStartsPerHour: Spread;
  environments: Record<string, EnvironmentStatistics>;
  /** null when no environment has a price. */
  cost: { perRun: Spread; perHour: Spread } | null;
  eventsProcessed: number;
}

/**
 * A sorted copy of a replication's latencies or waits, made once per array: check's settle loop
 * summarises a growing prefix of the same replications after every batch (observeStream.ts),
 * and a replication's arrays never change once it has run.
 */
const sortedCopies = new WeakMap<Float64Array, Float64Array>();
const sortedCopy = (x: Float64Array): Float64Array => {
  const known = sortedCopies.get(x);
  if (known !== undefined) return known;
  const sorted = Float64Array.from(x).sort();
  sortedCopies.set(x, sorted);
  return sorted;
};
const meanOf = (x: Float64Array): number => {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i] ?? 0;
  return x.length > 0 ? sum / x.length : 0;
};
const perHour = (count: number, seconds: number): number => (seconds > 0 ? (count * 3600) / seconds : 0);

export function summarizeStream(reps: readonly StreamReplication[], statsFromSeconds: number): StreamStatistics {
  if (reps.length === 0) throw new RangeError('no replications to summarise');
  const over = (f: (r: StreamReplication) => number): Spread => spreadOf(reps.map(f));
  const windows = reps.map((r) => Math.max(0, r.horizonSeconds - statsFromSeconds));
  const sortedLatency = reps.map((r) => sortedCopy(r.latencySeconds));
  const sortedWait = reps.map((r) => sortedCopy(r.actionWaitSeconds));
  /** A statistic of each replication and its measured window. */
  const byRep = (f: (r: StreamReplication, windowSeconds: number, i: number) => number): Spread => spreadOf(reps.map((r, i) => f(r, windows[i] ?? 0, i)));
  const q = (sorted: Float64Array[], p: number): Spread =>
    byRep((_, __, i) => {
      const x = sorted[i];
      return x !== undefined && x.length > 0 ? sortedQuantile(x, p) : 0;
    });
  const latency = {
    mean: over((r) => meanOf(r.latencySeconds)),
    p50: q(sortedLatency, QUANTILE.p50),
    p95: q(sortedLatency, QUANTILE.p95),
    p99: q(sortedLatency, QUANTILE.p99),
    p999: q(sortedLatency, QUANTILE.p999),
  } satisfies Record<LatencyStat, Spread>;
  const waited = (r: StreamReplication): number => {
    let n = 0;
    for (let i = 0; i < r.actionWaitSeconds.length; i++) if ((r.actionWaitSeconds[i] ?? 0) > 0) n++;
    return r.actionWaitSeconds.length > 0 ? n / r.actionWaitSeconds.length : 0;
  };
  const names = Object.keys(reps[0]?.environments ?? {});
  const environments: Record<string, EnvironmentStatistics> = {};
  for (const name of names) {
    const env = (r: StreamReplication) => r.environments[name];
    const priced = reps.every((r) => env(r)?.cost !== null && env(r)?.cost !== undefined);
    environments[name] = {
      utilization: over((r) => {
        const e = env(r);
        return e && e.readySlotSeconds > 0 ? e.busySlotSeconds / e.readySlotSeconds : 0;
      }),
      coldStartsPerHour: byRep((r, w) => perHour(env(r)?.coldStarts ?? 0, w)),
      replicaHours: over((r) => (env(r)?.billedReplicaSeconds ?? 0) / 3600),
      replicasBilled: byRep((r, w) => (w > 0 ? (env(r)?.billedReplicaSeconds ?? 0) / w : 0)),
      peakReplicas: over((r) => env(r)?.peakReplicas ?? 0),
      costPerHour: priced ? byRep((r, w) => perHour(env(r)?.cost ?? 0, w)) : null,
    };
  }
  const totalCost = (r: StreamReplication): number | null => {
    const costs = Object.values(r.environments).map((e) => e.cost);
    return costs.every((c) => c === null) ? null : costs.reduce<number>((s, c) => s + (c ?? 0), 0);
  };
  const anyCost = reps.every((r) => totalCost(r) !== null);
  return {
    replications: reps.length,
    measuredRuns: over((r) => r.latencySeconds.length),
    windowSeconds: spreadOf(windows),
    latency,
    wait: { mean: over((r) => meanOf(r.actionWaitSeconds)), probability: over(waited), p50: q(sortedWait, 0.5), p95: q(sortedWait, 0.95), p99: q(sortedWait, 0.99) },
    coldStartsPerHour: byRep((r, w) => perHour(Object.values(r.environments).reduce((s, e) => s + e.coldStarts, 0), w)),
    environments,
    cost: anyCost
      ? {
          perRun: over((r) => (r.latencySeconds.length > 0 ? (totalCost(r) ?? 0) / r.latencySeconds.length : 0)),
          perHour: byRep((r, w) => perHour(totalCost(r) ?? 0, w)),
        }
      : null,
    eventsProcessed: reps.reduce((s, r) => s + r.eventsProcessed, 0),
  };
}
