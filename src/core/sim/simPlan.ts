// Everything one replication needs from a scenario, resolved once: action count, the items
// of each action, samplers for each phase and the pool's parameters in seconds.
import type { Scenario } from '../model.js';
import type { Rng } from '../random.js';
import { batchRuntimeSampler } from './batchRuntime.js';
import { durationSampler, transferSampler } from './phaseSampler.js';

/** Where an action runs: a fresh pod, a slot of a reusable replica, or the parent (trace). */
export type SlotMode = 'pod' | 'reusable' | 'parent';

export interface SimPlan {
  actions: number;
  batchSize: number;
  items: number;
  pattern: 'task' | 'trace';
  mode: SlotMode;
  parentStart: number;
  cacheHitRatio: number;
  failureRate: number;
  retries: number;
  retryBackoff: number;
  minReplicas: number;
  startCold: boolean;
  scaledownTtl: number;
  idleTtl: number;
  /** Processor sharing parameters; null when the rate can never drop below 1. */
  sharing: { cpus: number; actionCpu: number } | null;
  itemsOf(action: number): number;
  runtime(rng: Rng, action: number): number;
  uploadInputs(rng: Rng, items: number): number;
  downloadInputs(rng: Rng, items: number): number;
  uploadOutputs(rng: Rng, items: number): number;
  downloadOutputs(rng: Rng, items: number): number;
  enqueue(rng: Rng): number;
  create(rng: Rng): number;
  dispatch(rng: Rng): number;
}

export function planOf(scenario: Scenario, batchSize: number): SimPlan {
  const { workload, phases, pool, failures } = scenario;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be an integer >= 1, got ${batchSize}`);
  if (!Number.isInteger(workload.items) || workload.items < 0) throw new RangeError(`items must be an integer >= 0, got ${workload.items}`);
  const actions = Math.ceil(workload.items / batchSize);
  const last = actions - 1;
  const lastItems = workload.items - last * batchSize;
  const full = batchRuntimeSampler(workload.itemRuntime, batchSize);
  const partial = batchRuntimeSampler(workload.itemRuntime, lastItems);
  const reusable = pool.mode === 'reusable' ? pool : null;
  const mode: SlotMode = workload.pattern === 'trace' ? 'parent' : pool.mode;
  const sharing =
    reusable !== null && reusable.replicaCpus !== null && reusable.actionCpu !== null && reusable.replicaCpus < reusable.concurrency * reusable.actionCpu
      ? { cpus: reusable.replicaCpus, actionCpu: reusable.actionCpu }
      : null;
  return {
    actions,
    batchSize,
    items: workload.items,
    pattern: workload.pattern,
    mode,
    parentStart: scenario.run.parentStartSeconds,
    cacheHitRatio: workload.cacheHitRatio,
    failureRate: failures.failureRate,
    retries: failures.retries,
    retryBackoff: failures.retryBackoffSeconds,
    minReplicas: reusable?.minReplicas ?? 0,
    startCold: reusable?.startCold ?? false,
    scaledownTtl: reusable?.scaledownTtlSeconds ?? 0,
    idleTtl: reusable?.idleTtlSeconds ?? 0,
    sharing: mode === 'reusable' ? sharing : null,
    itemsOf: (action) => (action === last ? lastItems : batchSize),
    runtime: (rng, action) => (action === last ? partial(rng) : full(rng)),
    uploadInputs: transferSampler(phases.uploadInputs, workload.itemInputBytes),
    downloadInputs: transferSampler(phases.downloadInputs, workload.itemInputBytes),
    uploadOutputs: transferSampler(phases.uploadOutputs, workload.itemOutputBytes),
    downloadOutputs: transferSampler(phases.downloadOutputs, workload.itemOutputBytes),
    enqueue: durationSampler(phases.enqueue),
    create: durationSampler(phases.create),
    dispatch: durationSampler(phases.dispatch),
  };
}
