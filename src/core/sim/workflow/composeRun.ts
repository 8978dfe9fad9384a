// One replication of a whole run (docs/simulator.md, "Workflows"): the steps in the order of
// `after`, each map or task step simulated by the single fan-out engine (replication.ts, with
// its fast path), trace and local steps drawn phase by phase, each step starting when its
// `after` have ended. Pure and deterministic: step i of replication r uses deriveSeed(seed_r, i).
import { sample } from '../../distribution.js';
import type { Phase } from '../../model.js';
import { createRng, deriveSeed, type Rng } from '../../random.js';
import { subParentsOf } from './subParents.js';
import type { Workflow, WorkflowStep } from '../../workflow/types.js';
import { simulateReplication } from '../replication.js';

export interface StepRun {
  startSeconds: number;
  endSeconds: number;
}

export interface EnvironmentRun {
  busyReplicaSeconds: number;
  billedReplicaSeconds: number;
  coldStarts: number;
  cost: number | null;
  /** Σ utilisation × duration of its steps, for the duration-weighted mean. */
  weightedUtilization: number;
  seconds: number;
}

export interface RunReplication {
  seed: number;
  makespanSeconds: number;
  steps: Record<string, StepRun>;
  environments: Record<string, EnvironmentRun>;
}

const draw = (p: Phase, bytes: number, rng: Rng): number => sample(p.latency, rng) + (p.bandwidthBytesPerSecond ? bytes / p.bandwidthBytesPerSecond : 0);

/** A trace step: calls of u_in + e + runtime + u_out, `traceConcurrency` at a time, each slot taking the next call. */
function traceSeconds(step: WorkflowStep, rng: Rng): number {
  const s = step.scenario;
  const w = s.workload;
  const lanes = new Float64Array(Math.min(step.traceConcurrency, w.items));
  for (let call = 0; call < w.items; call++) {
    let lane = 0;
    for (let k = 1; k < lanes.length; k++) if ((lanes[k] ?? 0) < (lanes[lane] ?? 0)) lane = k;
    const each = draw(s.phases.uploadInputs, w.itemInputBytes, rng) + sample(s.phases.enqueue, rng) + sample(w.itemRuntime, rng) + draw(s.phases.uploadOutputs, w.itemOutputBytes, rng);
    lanes[lane] = (lanes[lane] ?? 0) + each;
  }
  return lanes.reduce((m, x) => Math.max(m, x), 0);
}

function localSeconds(step: WorkflowStep, rng: Rng): number {
  let t = 0;
  for (let i = 0; i < step.scenario.workload.items; i++) t += sample(step.scenario.workload.itemRuntime, rng);
  return t;
}

/** How the plan sized each step: its batch, and its share of a shared environment (null: all of it). */
export interface StepSizing {
  batch: number;
  sharedSlots: number | null;
}

export function simulateRun(w: Workflow, sizing: (step: string) => StepSizing, seed: number): RunReplication {
  const steps: Record<string, StepRun> = {};
  const environments: Record<string, EnvironmentRun> = {};
  for (const env of w.environments) environments[env.name] = { busyReplicaSeconds: 0, billedReplicaSeconds: 0, coldStarts: 0, cost: env.pricing.perReplicaHour === null ? null : 0, weightedUtilization: 0, seconds: 0 };
  let makespan = w.driverStartSeconds;
  for (const [i, step] of w.steps.entries()) {
    const stepSeed = deriveSeed(seed, i);
    const start = step.after.reduce((t, dep) => Math.max(t, steps[dep]?.endSeconds ?? 0), w.driverStartSeconds);
    let duration: number;
    if (step.kind === 'trace') duration = traceSeconds(step, createRng(stepSeed));
    else if (step.kind === 'local') duration = localSeconds(step, createRng(stepSeed));
    else {
      const rng = createRng(deriveSeed(stepSeed, 1));
      const nested = subParentsOf(w, step, rng);
      const size = sizing(step.name);
      // A shared environment is split as the plan split it: the step's share as a queue concurrency.
      const q = nested.scenario.run.queueConcurrency;
      const scenario = size.sharedSlots === null ? nested.scenario : { ...nested.scenario, run: { ...nested.scenario.run, queueConcurrency: Math.min(size.sharedSlots, q ?? Infinity) } };
      const r = simulateReplication(scenario, size.batch, stepSeed);
      duration = nested.startSeconds + r.makespanSeconds + nested.endSeconds;
      const env = step.environment === null ? undefined : environments[step.environment];
      if (env) {
        env.busyReplicaSeconds += r.replicaSeconds.busy;
        env.billedReplicaSeconds += r.replicaSeconds.billed;
        env.coldStarts += r.coldStarts;
        if (env.cost !== null) env.cost += r.cost ?? 0;
        env.weightedUtilization += r.utilization * r.makespanSeconds;
        env.seconds += r.makespanSeconds;
      }
    }
    steps[step.name] = { startSeconds: start, endSeconds: start + duration };
    makespan = Math.max(makespan, start + duration);
  }
  return { seed, makespanSeconds: makespan, steps, environments };
}
