// Observations of simulated metrics across replications: the value a budget is checked
// against and its 95% confidence interval, so a verdict can be inconclusive.
import { sortedQuantile } from '../distribution.js';
import { spreadOf } from '../sim/summarize.js';
import type { Replication } from '../sim/types.js';
import type { Observation } from './evaluate.js';

type Pick = (r: Replication) => number;

/** Metrics that are a mean over replications: the interval is Student's t on the mean. */
const MEANS: Record<string, Pick> = {
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

export function observeSimulated(metric: string, reps: readonly Replication[]): Observation | undefined {
  const runs = reps.length;
  const mean = MEANS[metric];
  if (mean) {
    const values = reps.map(mean);
    if (values.some((v) => !Number.isFinite(v))) return undefined;
    const s = spreadOf(values);
    return { value: s.mean, ci95: s.ci95, runs };
  }
  if (metric === 'makespan.stddevSeconds') return { value: spreadOf(reps.map((r) => r.makespanSeconds)).stddev, runs };
  const p = QUANTILES[metric];
  if (p === undefined) return undefined;
  const sorted = Float64Array.from(reps, (r) => r.makespanSeconds).sort();
  return { value: sortedQuantile(sorted, p), ci95: quantileInterval(sorted, p), runs };
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
