// Observations of simulated metrics across replications: the value a budget is checked
// against and its 95% confidence interval, so a verdict can be inconclusive. A metric is a
// number read off each replication and the statistic taken over them; the statistics are the
// same for a scenario's replications and a workflow's (workflowMetrics.ts).
import { sortedQuantile } from '../distribution.js';
import { spreadOf } from '../sim/summarize.js';
import type { Replication } from '../sim/types.js';
import type { Observation } from './evaluate.js';

/** A mean (Student's t interval), the standard deviation (no interval), or a quantile (order statistics). */
export type Statistic = { kind: 'mean' } | { kind: 'stddev' } | { kind: 'quantile'; p: number };

export interface SimulatedMetric<R> {
  /** The metric's value in one replication; NaN where it has none (no price, no such step). */
  pick: (r: R) => number;
  statistic: Statistic;
}

const MEAN: Statistic = { kind: 'mean' };
const mean = <R>(pick: (r: R) => number): SimulatedMetric<R> => ({ pick, statistic: MEAN });

/** Metrics that are a mean over replications: the interval is Student's t on the mean. */
const MEANS: Record<string, (r: Replication) => number> = {
  'makespan.meanSeconds': (r) => r.makespanSeconds,
  'throughputItemsPerSecond.mean': (r) => r.throughputItemsPerSecond,
  'utilization.mean': (r) => r.utilization,
  'coldStarts.mean': (r) => r.coldStarts,
  'peakReplicas.mean': (r) => r.peakReplicas,
  'queueWait.p50Seconds': (r) => r.queueWait.p50Seconds,
  'queueWait.p95Seconds': (r) => r.queueWait.p95Seconds,
  'queueWait.p99Seconds': (r) => r.queueWait.p99Seconds,
  'replicaSeconds.busy.mean': (r) => r.replicaSeconds.busy,
  'replicaSeconds.billed.mean': (r) => r.replicaSeconds.billed,
  'cost.mean': (r) => r.cost ?? Number.NaN,
};

/** Quantiles of the makespan across replications: a distribution-free interval from order statistics. */
export const QUANTILES: Record<string, number> = { 'makespan.p5Seconds': 0.05, 'makespan.p50Seconds': 0.5, 'makespan.p95Seconds': 0.95 };

/** A scenario's simulated metric by its path in the simulate report; undefined for any other path. */
export function scenarioMetric(metric: string): SimulatedMetric<Replication> | undefined {
  const pick = MEANS[metric];
  if (pick) return mean(pick);
  if (metric === 'makespan.stddevSeconds') return { pick: (r) => r.makespanSeconds, statistic: { kind: 'stddev' } };
  const p = QUANTILES[metric];
  return p === undefined ? undefined : { pick: (r) => r.makespanSeconds, statistic: { kind: 'quantile', p } };
}

/** The metric over the replications; undefined when a replication has no value for it. */
export function observeMetric<R>(m: SimulatedMetric<R>, reps: readonly R[]): Observation | undefined {
  const runs = reps.length;
  const values = reps.map(m.pick);
  if (values.some((v) => !Number.isFinite(v))) return undefined;
  const st = m.statistic;
  switch (st.kind) {
    case 'mean': {
      const s = spreadOf(values);
      return { value: s.mean, ci95: s.ci95, runs };
    }
    case 'stddev':
      return { value: spreadOf(values).stddev, runs };
    case 'quantile': {
      const sorted = Float64Array.from(values).sort();
      return { value: sortedQuantile(sorted, st.p), ci95: quantileInterval(sorted, st.p), runs };
    }
  }
}

export function observeSimulated(metric: string, reps: readonly Replication[]): Observation | undefined {
  const m = scenarioMetric(metric);
  return m === undefined ? undefined : observeMetric(m, reps);
}

/**
 * 95% interval of the p-quantile from order statistics: the ranks n·p ± 1.96·√(n·p·(1−p)),
 * the normal approximation to the binomial count of values below the true quantile.
 */
export function quantileInterval(sorted: ArrayLike<number>, p: number): [number, number] {
  const n = sorted.length;
  const spread = 1.96 * Math.sqrt(n * p * (1 - p));
  const lo = Math.max(0, Math.floor(n * p - spread) - 1);
  const hi = Math.min(n - 1, Math.ceil(n * p + spread) - 1);
  return [sorted[lo] ?? Number.NaN, sorted[hi] ?? Number.NaN];
}
