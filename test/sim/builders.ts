// Scenario builders for simulator tests: every phase zero, no limit binding unless a test
// sets one, so each test states only what it is about.
import { type Dist, fixed, ZERO } from '../../src/core/distribution.js';
import type { Phase, Phases, PodPerTask, ReusablePool, Scenario } from '../../src/core/model.js';

export const zeroPhase = (): Phase => ({ latency: ZERO, bandwidthBytesPerSecond: null });
export const fixedPhase = (seconds: number): Phase => ({ latency: fixed(seconds), bandwidthBytesPerSecond: null });

export interface ScenarioParts {
  items?: number;
  itemRuntime?: Dist;
  phases?: Partial<Phases>;
  pool?: Pool;
  inFlight?: number;
  enqueueRate?: number;
  cacheHitRatio?: number;
  failureRate?: number;
  retries?: number;
  retryBackoffSeconds?: number;
  mapConcurrency?: number;
  maxActionConcurrency?: number | null;
  queueConcurrency?: number | null;
  parentStartSeconds?: number;
  pattern?: 'task' | 'trace';
  itemInputBytes?: number;
  itemOutputBytes?: number;
  perReplicaHour?: number | null;
}

type Pool = ReusablePool | PodPerTask;

/** A warm fixed reusable pool: `replicas` replicas of `concurrency` slots, long TTLs. */
export function fixedPool(replicas: number, concurrency = 1, more: Partial<ReusablePool> = {}): ReusablePool {
  return {
    mode: 'reusable',
    minReplicas: replicas,
    maxReplicas: replicas,
    concurrency,
    scaledownTtlSeconds: 1e9,
    idleTtlSeconds: 1e9,
    startCold: false,
    replicaCpus: null,
    actionCpu: null,
    ...more,
  };
}

export function pods(clusterSlots: number | null): PodPerTask {
  return { mode: 'pod', clusterSlots };
}

export function scenario(parts: ScenarioParts = {}): Scenario {
  return {
    phases: {
      uploadInputs: zeroPhase(),
      downloadInputs: zeroPhase(),
      uploadOutputs: zeroPhase(),
      downloadOutputs: zeroPhase(),
      enqueue: ZERO,
      create: ZERO,
      dispatch: ZERO,
      ...parts.phases,
    },
    limits: {
      maxActionsPerRun: 50_000,
      recommendedActionsPerRun: 40_000,
      targetActionsMin: 10_000,
      targetActionsMax: 20_000,
      maxInlineIoBytes: 10_485_760,
      maxChildrenInFlight: parts.inFlight ?? 1e9,
      enqueueRatePerSecond: parts.enqueueRate ?? Infinity,
      runtimeFloorSeconds: 1,
      overheadRatio: 10,
    },
    workload: {
      items: parts.items ?? 10,
      itemRuntime: parts.itemRuntime ?? fixed(1),
      itemInputBytes: parts.itemInputBytes ?? 0,
      itemOutputBytes: parts.itemOutputBytes ?? 0,
      itemMemoryBytes: null,
      taskMemoryBytes: null,
      data: 'reference',
      pattern: parts.pattern ?? 'task',
      cacheHitRatio: parts.cacheHitRatio ?? 0,
      batchSize: null,
    },
    pool: parts.pool ?? fixedPool(1),
    run: {
      mapConcurrency: parts.mapConcurrency ?? 0,
      maxActionConcurrency: parts.maxActionConcurrency ?? null,
      queueConcurrency: parts.queueConcurrency ?? null,
      parentStartSeconds: parts.parentStartSeconds ?? 0,
    },
    failures: {
      failureRate: parts.failureRate ?? 0,
      retries: parts.retries ?? 0,
      retryBackoffSeconds: parts.retryBackoffSeconds ?? 0,
    },
    pricing: { perReplicaHour: parts.perReplicaHour ?? null },
  };
}
