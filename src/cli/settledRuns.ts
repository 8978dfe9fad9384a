// `--runs auto` in the CLI: batches of replications, in the deterministic schedule of
// core/sim/stopping.ts, until the mean makespan is settled or the maximum is reached. Each
// batch may spread over worker threads; the replications and so the stopping point are the
// same for any worker count.
import type { Scenario } from '../core/model.js';
import { nextRuns, type StopReason } from '../core/sim/stopping.js';
import type { Replication } from '../core/sim/types.js';
import type { Stopping } from '../report/simulateReport.js';
import type { Terminal } from './result.js';
import { replicate, type SimulationOptions } from './simulation.js';

export interface Settled<R = Replication> {
  replications: R[];
  reason: StopReason;
  /** Half-width of the 95% interval of the mean makespan over the mean, when auto. */
  relativeHalfWidth: number | null;
}

export async function replicateUntilSettled(scenario: Scenario, batchSize: number, options: SimulationOptions, term: Terminal, label = 'simulating'): Promise<Settled> {
  const target = options.auto;
  if (target === null) return { replications: await replicate(scenario, batchSize, options, term, label), reason: 'fixed', relativeHalfWidth: null };
  const reps: Replication[] = [];
  for (;;) {
    const next = nextRuns(reps.map((r) => r.makespanSeconds), target);
    if (next.done) return { replications: reps, reason: next.reason, relativeHalfWidth: next.relativeHalfWidth };
    reps.push(...(await replicate(scenario, batchSize, { ...options, runs: next.runs }, term, label, reps.length)));
  }
}

/** The report's account of how many runs were made and why they stopped. */
export function stoppingOf<R>(sim: SimulationOptions, settled: Settled<R>): Stopping {
  return {
    rule: sim.auto ? 'auto' : 'fixed',
    reason: settled.reason,
    precision: sim.auto?.precision ?? null,
    maxRuns: sim.auto?.maxRuns ?? null,
    relativeHalfWidth: settled.relativeHalfWidth,
  };
}
