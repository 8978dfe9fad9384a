// Runs of one workflow, replication r with deriveSeed(seed, r): the end-to-end latencies
// sorted, and the billed replica-seconds and cost per run. The pattern comparison and the
// workflow sweep both use it, with the same seeds (common random numbers).
import { sortedQuantile } from '../distribution.js';
import { deriveSeed } from '../random.js';
import { simulateRun, type StepSizing } from '../sim/workflow/composeRun.js';
import type { Workflow } from './types.js';

export interface RunStatistics {
  meanSeconds: number;
  p50Seconds: number;
  p99Seconds: number;
  billedReplicaSeconds: number;
  /** Mean cost per run; null without a price on every environment used. */
  cost: number | null;
}

export function runStatistics(w: Workflow, sizing: (step: string) => StepSizing, runs: number, seed: number): RunStatistics {
  const latencies = new Float64Array(runs);
  let billed = 0;
  let cost: number | null = null;
  for (let r = 0; r < runs; r++) {
    const rep = simulateRun(w, sizing, deriveSeed(seed, r));
    latencies[r] = rep.makespanSeconds;
    for (const e of Object.values(rep.environments)) {
      billed += e.billedReplicaSeconds / runs;
      if (e.cost !== null) cost = (cost ?? 0) + e.cost / runs;
    }
  }
  const sorted = latencies.sort();
  return { meanSeconds: sorted.reduce((a, b) => a + b, 0) / runs, p50Seconds: sortedQuantile(sorted, 0.5), p99Seconds: sortedQuantile(sorted, 0.99), billedReplicaSeconds: billed, cost };
}
