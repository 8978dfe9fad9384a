// One replication of a whole run (docs/simulator.md, "Workflows"): the run goes through the
// shared-queue engine (runEngine.ts) as a stream of one run arriving at 0, so steps on one
// environment share its FIFO queue, slots and replicas; each step's start and end and each
// environment's counts are read back from it. Pure and deterministic in (workflow, sizing, seed).
import type { Workflow } from '../../workflow/types.js';
import { runEngine } from './runEngine.js';
import type { StepSizing } from './runLayout.js';

export type { StepSizing } from './runLayout.js';

export interface StepRun {
  startSeconds: number;
  endSeconds: number;
}

export interface EnvironmentRun {
  busyReplicaSeconds: number;
  billedReplicaSeconds: number;
  coldStarts: number;
  cost: number | null;
  /** Utilisation over the run × the run's seconds, for the mean weighted by duration across replications. */
  weightedUtilization: number;
  seconds: number;
}

export interface RunReplication {
  seed: number;
  makespanSeconds: number;
  steps: Record<string, StepRun>;
  environments: Record<string, EnvironmentRun>;
}

export function simulateRun(w: Workflow, sizing: (step: string) => StepSizing, seed: number): RunReplication {
  const loop = runEngine(w, sizing, { arrivalSeconds: Float64Array.of(0), statsFromSeconds: 0, timelineIntervalSeconds: null }, seed);
  const makespan = Math.max(w.driverStartSeconds, loop.runEnd[0] ?? 0);
  const steps: Record<string, StepRun> = {};
  for (const [k, step] of w.steps.entries()) steps[step.name] = { startSeconds: loop.stepStart[k] ?? 0, endSeconds: loop.stepEnd[k] ?? 0 };
  const used = new Set(w.steps.map((s) => s.environment));
  const environments: Record<string, EnvironmentRun> = {};
  for (const e of loop.environments()) {
    const r = e.result(makespan);
    // Utilisation over the whole run: busy slot-seconds over the slot-seconds ready until its end.
    const seconds = used.has(e.env.name) ? makespan : 0;
    const utilization = r.readySlotSeconds > 0 ? r.busySlotSeconds / r.readySlotSeconds : 0;
    environments[e.env.name] = { busyReplicaSeconds: r.busyReplicaSeconds, billedReplicaSeconds: r.billedReplicaSeconds, coldStarts: r.coldStarts, cost: r.cost, weightedUtilization: utilization * seconds, seconds };
  }
  return { seed, makespanSeconds: makespan, steps, environments };
}
