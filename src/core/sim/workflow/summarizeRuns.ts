// A whole run across replications: end-to-end latency (mean, CI, p50/p95/p99), each step's
// start and end (mean and CI), each environment's utilisation, cold starts, replica-seconds and
// cost, and the run's cost.
import { sortedQuantile } from '../../distribution.js';
import { spreadOf } from '../summarize.js';
import type { Spread } from '../types.js';
import type { RunReplication } from './composeRun.js';

export interface LatencySpread extends Spread {
  p99: number;
}

export interface RunSummary {
  runs: number;
  latency: LatencySpread;
  steps: Record<string, { start: Spread; end: Spread }>;
  environments: Record<string, { utilization: number; coldStarts: number; replicaSeconds: { busy: number; billed: number }; cost: number | null }>;
  cost: number | null;
}

const avg = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarizeRuns(reps: readonly RunReplication[]): RunSummary {
  const latencies = reps.map((r) => r.makespanSeconds);
  const sorted = Float64Array.from(latencies).sort();
  const first = reps[0];
  if (!first) throw new RangeError('no replications to summarise');
  const steps: RunSummary['steps'] = {};
  for (const name of Object.keys(first.steps)) {
    steps[name] = { start: spreadOf(reps.map((r) => r.steps[name]?.startSeconds ?? 0)), end: spreadOf(reps.map((r) => r.steps[name]?.endSeconds ?? 0)) };
  }
  const environments: RunSummary['environments'] = {};
  let total: number | null = null;
  for (const [name, e0] of Object.entries(first.environments)) {
    const es = reps.map((r) => r.environments[name] ?? e0);
    const cost = e0.cost === null ? null : avg(es.map((e) => e.cost ?? 0));
    if (cost !== null) total = (total ?? 0) + cost;
    const seconds = avg(es.map((e) => e.seconds));
    environments[name] = {
      utilization: seconds > 0 ? avg(es.map((e) => e.weightedUtilization)) / seconds : 0,
      coldStarts: avg(es.map((e) => e.coldStarts)),
      replicaSeconds: { busy: avg(es.map((e) => e.busyReplicaSeconds)), billed: avg(es.map((e) => e.billedReplicaSeconds)) },
      cost,
    };
  }
  return { runs: reps.length, latency: { ...spreadOf(latencies), p99: sortedQuantile(sorted, 0.99) }, steps, environments, cost: total };
}
