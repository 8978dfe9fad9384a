// Small builders for core tests: a Scenario where nothing costs time unless a test says so.
// Phases are fixed 0, the pool is the flyte-sdk default (2 replicas × 1 slot, warm), and the
// limits are MODEL §3's defaults. Override only what a test is about.
import { fixed, type Dist } from '../../src/core/distribution.js';
import type { Failures, Limits, Phase, Phases, PodPerTask, Pricing, ReusablePool, RunLimits, Scenario, Workload } from '../../src/core/model.js';

export interface ScenarioOverrides {
  phases?: Partial<Phases>;
  limits?: Partial<Limits>;
  workload?: Partial<Workload>;
  /** Partial reusable pool (merged into the default), or a whole pod-per-task pool. */
  pool?: Partial<ReusablePool> | PodPerTask;
  run?: Partial<RunLimits>;
  failures?: Partial<Failures>;
  pricing?: Partial<Pricing>;
}

/** A transfer phase: latency (seconds or a Dist) plus an optional bandwidth in bytes/s. */
export function phase(latency: number | Dist, bandwidthBytesPerSecond: number | null = null): Phase {
  return { latency: typeof latency === 'number' ? fixed(latency) : latency, bandwidthBytesPerSecond };
}

export const DEFAULT_LIMITS: Limits = {
  maxActionsPerRun: 50_000,
  recommendedActionsPerRun: 40_000,
  targetActionsMin: 10_000,
  targetActionsMax: 20_000,
  maxInlineIoBytes: 10 * 1024 * 1024,
  maxChildrenInFlight: 1_000,
  enqueueRatePerSecond: 100,
  runtimeFloorSeconds: 1,
  overheadRatio: 10,
};

export function zeroPhases(): Phases {
  return {
    uploadInputs: phase(0),
    downloadInputs: phase(0),
    uploadOutputs: phase(0),
    downloadOutputs: phase(0),
    enqueue: fixed(0),
    create: fixed(0),
    dispatch: fixed(0),
  };
}

export function scenario(o: ScenarioOverrides = {}): Scenario {
  const workload: Workload = {
    items: 1_000,
    itemRuntime: fixed(1),
    itemInputBytes: 0,
    itemOutputBytes: 0,
    itemMemoryBytes: null,
    taskMemoryBytes: null,
    data: 'inline',
    pattern: 'task',
    cacheHitRatio: 0,
    batchSize: null,
    ...o.workload,
  };
  const reusable: ReusablePool = {
    mode: 'reusable',
    minReplicas: 2,
    maxReplicas: 2,
    concurrency: 1,
    scaledownTtlSeconds: 30,
    idleTtlSeconds: 30,
    startCold: false,
    replicaCpus: null,
    actionCpu: null,
  };
  const pool = o.pool?.mode === 'pod' ? o.pool : { ...reusable, ...o.pool, mode: 'reusable' as const };
  return {
    phases: { ...zeroPhases(), ...o.phases },
    limits: { ...DEFAULT_LIMITS, ...o.limits },
    workload,
    pool,
    run: { mapConcurrency: 0, maxActionConcurrency: null, queueConcurrency: null, parentStartSeconds: 0, ...o.run },
    failures: { failureRate: 0, retries: 0, retryBackoffSeconds: 0, ...o.failures },
    pricing: { perReplicaHour: null, ...o.pricing },
  };
}

/** A fixed-size reusable pool: min = max, warm, so no cold start enters an estimate. */
export function fixedPool(replicas: number, concurrency: number): Partial<ReusablePool> {
  return { minReplicas: replicas, maxReplicas: replicas, concurrency };
}
