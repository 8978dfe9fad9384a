// The resolved inputs of every computation: seconds, bytes and per-second rates only.
// The config layer builds these from files and flags; core never sees units or files.
import type { Dist } from './distribution.js';

/** One transfer or wait: time(bytes) = latency + bytes / bandwidth (bandwidth null: no size term). */
export interface Phase {
  latency: Dist;
  bandwidthBytesPerSecond: number | null;
}

/** The six phases of docs/model.md (per-action overhead) plus the warm dispatch of a reusable slot. */
export interface Phases {
  /** u_in: the parent uploads the action's inputs. */
  uploadInputs: Phase;
  /** d_in: the child downloads its inputs. */
  downloadInputs: Phase;
  /** u_out: the child uploads its outputs. */
  uploadOutputs: Phase;
  /** d_out: the parent downloads the outputs. */
  downloadOutputs: Phase;
  /** e: enqueue in the queue service. */
  enqueue: Dist;
  /** t: cold start of a pod or of a new replica. */
  create: Dist;
  /** t for a warm reusable slot (milliseconds on Union). */
  dispatch: Dist;
}

export interface Limits {
  maxActionsPerRun: number;
  recommendedActionsPerRun: number;
  targetActionsMin: number;
  targetActionsMax: number;
  maxInlineIoBytes: number;
  maxChildrenInFlight: number;
  enqueueRatePerSecond: number;
  runtimeFloorSeconds: number;
  /** k of docs/model.md (batch size): a batch should run k times its overhead. */
  overheadRatio: number;
}

export const DATA_MODES = ['inline', 'reference'] as const;
export type DataMode = (typeof DATA_MODES)[number];
export const PATTERNS = ['task', 'trace'] as const;
export type Pattern = (typeof PATTERNS)[number];

export interface Workload {
  items: number;
  /** Runtime of one item; a batch of b runs for the sum of b draws. */
  itemRuntime: Dist;
  itemInputBytes: number;
  itemOutputBytes: number;
  itemMemoryBytes: number | null;
  taskMemoryBytes: number | null;
  data: DataMode;
  pattern: Pattern;
  cacheHitRatio: number;
  /** null: recommend one (docs/model.md, batch size). */
  batchSize: number | null;
}

export interface ReusablePool {
  mode: 'reusable';
  minReplicas: number;
  maxReplicas: number;
  /** Slots per replica. */
  concurrency: number;
  scaledownTtlSeconds: number;
  idleTtlSeconds: number;
  /** Replicas at the start are cold (pay `create` before taking work). */
  startCold: boolean;
  replicaCpus: number | null;
  actionCpu: number | null;
}

export interface PodPerTask {
  mode: 'pod';
  /** Pods the cluster can run at once; null: unbounded. */
  clusterSlots: number | null;
}

export type Pool = ReusablePool | PodPerTask;

export interface RunLimits {
  /** flyte.map concurrency; 0 means unbounded. */
  mapConcurrency: number;
  maxActionConcurrency: number | null;
  queueConcurrency: number | null;
  parentStartSeconds: number;
}

export interface Failures {
  /** Probability that one attempt fails. */
  failureRate: number;
  retries: number;
  retryBackoffSeconds: number;
}

export interface Pricing {
  /** Currency units per replica-hour (a pod counts as a replica with one slot); null: no cost. */
  perReplicaHour: number | null;
}

export interface Scenario {
  phases: Phases;
  limits: Limits;
  workload: Workload;
  pool: Pool;
  run: RunLimits;
  failures: Failures;
  pricing: Pricing;
}

/** Total capacity of the pool in slots; null when unbounded. */
export function poolCapacity(pool: Pool): number | null {
  return pool.mode === 'reusable' ? pool.maxReplicas * pool.concurrency : pool.clusterSlots;
}
