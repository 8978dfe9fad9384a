// What one run asks of each environment (docs/streams.md, "Stability"): the mean slot-seconds
// its actions hold there, and the slots the environment has. ρ = λ · slot-seconds / slots.
// A slot is held from the container's start (t: a pod's create, a warm slot's dispatch) through
// d_in, the runtime and u_out; a failed attempt holds it up to its failure, as the closed form
// counts (attempts.ts). Cache hits take no slot. Trace and local steps take none.
import { attempts } from '../attempts.js';
import { isFixed, mean, variance, type Dist } from '../distribution.js';
import type { Phase, Scenario } from '../model.js';
import type { Workflow, WorkflowStep } from '../workflow/types.js';

export interface EnvironmentDemand {
  name: string;
  /** Slots at most (replicas × concurrency, or the cluster's pods); null: unbounded pods. */
  slots: number | null;
  concurrency: number;
  /** Pods (a container per action) rather than a reusable pool. */
  pods: boolean;
  /** A reusable pool whose replicas are fixed (min = max): the c of a c-slot queue. */
  fixed: boolean;
  /** Mean slot-seconds one run holds in this environment, over all its steps' actions. */
  slotSecondsPerRun: number;
  /** Actions one run sends here (cache hits included). */
  actionsPerRun: number;
}

const phaseMean = (p: Phase, bytes: number): number => mean(p.latency) + (p.bandwidthBytesPerSecond ? bytes / p.bandwidthBytesPerSecond : 0);

/** The container start a slot pays: a pod's create, a reusable slot's warm dispatch. */
const startPhase = (s: Scenario): Dist => (s.pool.mode === 'pod' ? s.phases.create : s.phases.dispatch);

/** Mean slot-seconds of one action of the step, batches of `batch` items. */
export function slotSecondsPerAction(s: Scenario, batch: number): number {
  const w = s.workload;
  return attempts({
    failureRate: s.failures.failureRate,
    retries: s.failures.retries,
    backoffSeconds: s.failures.retryBackoffSeconds,
    beforeSeconds: mean(startPhase(s)) + phaseMean(s.phases.downloadInputs, batch * w.itemInputBytes),
    runSeconds: batch * mean(w.itemRuntime),
    afterSeconds: phaseMean(s.phases.uploadOutputs, batch * w.itemOutputBytes),
    downloadSeconds: 0,
  }).slotSeconds;
}

export const actionsOf = (step: WorkflowStep, batch: number): number => (step.kind === 'map' || step.kind === 'task' ? Math.ceil(step.scenario.workload.items / Math.max(1, batch)) : 0);

export function environmentDemand(w: Workflow, batchOf: (step: string) => number): EnvironmentDemand[] {
  return w.environments.map((env) => {
    let slotSecondsPerRun = 0;
    let actionsPerRun = 0;
    for (const step of w.steps) {
      if (step.environment !== env.name) continue;
      const batch = batchOf(step.name);
      const actions = actionsOf(step, batch);
      actionsPerRun += actions;
      slotSecondsPerRun += actions * (1 - step.scenario.workload.cacheHitRatio) * slotSecondsPerAction(step.scenario, batch);
    }
    const pool = env.pool;
    const slots = pool.mode === 'reusable' ? pool.maxReplicas * pool.concurrency : pool.clusterSlots;
    return { name: env.name, slots, concurrency: pool.mode === 'reusable' ? pool.concurrency : 1, pods: pool.mode === 'pod', fixed: pool.mode === 'reusable' && pool.minReplicas === pool.maxReplicas, slotSecondsPerRun, actionsPerRun };
  });
}

/**
 * The distribution of one slot time, reduced to what the queueing formulas take: exponential
 * when the runtime is exponential and every other part of the slot is zero, fixed when nothing
 * varies, else general with the coefficient of variation of the sum of independent parts.
 */
export function slotTimeVariability(s: Scenario, batch: number): { kind: 'exponential' | 'fixed' | 'general'; meanSeconds: number; cv: number } {
  const w = s.workload;
  const parts: { dist: Dist; times: number; shift: number }[] = [
    { dist: startPhase(s), times: 1, shift: 0 },
    { dist: s.phases.downloadInputs.latency, times: 1, shift: phaseMean(s.phases.downloadInputs, batch * w.itemInputBytes) - mean(s.phases.downloadInputs.latency) },
    { dist: w.itemRuntime, times: batch, shift: 0 },
    { dist: s.phases.uploadOutputs.latency, times: 1, shift: phaseMean(s.phases.uploadOutputs, batch * w.itemOutputBytes) - mean(s.phases.uploadOutputs.latency) },
  ];
  const meanSeconds = parts.reduce((sum, p) => sum + p.times * mean(p.dist) + p.shift, 0);
  const varianceSeconds2 = parts.reduce((sum, p) => sum + p.times * variance(p.dist), 0);
  const others = parts.filter((_, i) => i !== 2).every((p) => isFixed(p.dist) && mean(p.dist) + p.shift === 0);
  if (w.itemRuntime.kind === 'exponential' && batch === 1 && others) return { kind: 'exponential', meanSeconds, cv: 1 };
  if (varianceSeconds2 === 0) return { kind: 'fixed', meanSeconds, cv: 0 };
  return { kind: 'general', meanSeconds, cv: meanSeconds > 0 ? Math.sqrt(varianceSeconds2) / meanSeconds : 0 };
}
