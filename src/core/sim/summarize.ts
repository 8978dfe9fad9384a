// Statistics across replications (MODEL §6): mean, sample standard deviation, the 95%
// confidence interval of the mean with Student's t (R - 1 degrees of freedom; a single
// replication gives the interval [mean, mean]), and p5/p50/p95 by linear interpolation.
// Every quantity summarised here is non-negative (a time, a count, a cost, a share), so the
// interval is cut at 0: the true mean lies at or above 0, and cutting the interval to where it
// can lie keeps its coverage (a skewed metric over few replications, such as cold starts an
// hour, would otherwise read "−0.67 – 2.59").
import { mean as sampleMean, sampleStandardDeviation } from 'simple-statistics';
import { sortedQuantile } from '../distribution.js';
import { tQuantile975 } from './studentT.js';
import type { Replication, Spread, Summary } from './types.js';

export function spreadOf(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) throw new RangeError('no replications to summarise');
  const mean = sampleMean(values);
  const stddev = n > 1 ? sampleStandardDeviation(values) : 0;
  const half = n > 1 ? (tQuantile975(n - 1) * stddev) / Math.sqrt(n) : 0;
  const sorted = Float64Array.from(values).sort();
  return {
    mean,
    stddev,
    ci95: [Math.max(0, mean - half), mean + half],
    p5: sortedQuantile(sorted, 0.05),
    p50: sortedQuantile(sorted, 0.5),
    p95: sortedQuantile(sorted, 0.95),
  };
}

const meanOf = (reps: readonly Replication[], pick: (r: Replication) => number): { mean: number } => ({
  mean: reps.reduce((s, r) => s + pick(r), 0) / reps.length,
});

export function summarize(replications: readonly Replication[]): Summary {
  const reps = replications;
  const costs = reps.filter((r) => r.cost !== null);
  return {
    runs: reps.length,
    makespanSeconds: spreadOf(reps.map((r) => r.makespanSeconds)),
    throughputItemsPerSecond: meanOf(reps, (r) => r.throughputItemsPerSecond),
    utilization: meanOf(reps, (r) => r.utilization),
    coldStarts: meanOf(reps, (r) => r.coldStarts),
    peakReplicas: meanOf(reps, (r) => r.peakReplicas),
    queueWait: {
      p50Seconds: meanOf(reps, (r) => r.queueWait.p50Seconds),
      p95Seconds: meanOf(reps, (r) => r.queueWait.p95Seconds),
      p99Seconds: meanOf(reps, (r) => r.queueWait.p99Seconds),
    },
    replicaSeconds: { busy: meanOf(reps, (r) => r.replicaSeconds.busy), billed: meanOf(reps, (r) => r.replicaSeconds.billed) },
    cost: costs.length === 0 ? null : meanOf(costs, (r) => r.cost ?? 0),
    eventsProcessed: meanOf(reps, (r) => r.eventsProcessed),
  };
}
