// What an imported run says about the model (docs/importing.md): samples for the profile's
// phases and the scenario's item runtime, the observed workload, and where each value came from.
import { MeasurementSet } from '../fit/samples.js';
import { sortedQuantile } from '../distribution.js';
import { groupChildren, type GroupSamples } from './groups.js';
import { Occupancy } from './occupancy.js';
import { inferPool, type PoolInference } from './pool.js';
import type { ImportedAction } from './types.js';

export interface ObservedWorkload {
  items: number;
  cacheHitRatio: number;
  failureRate: number;
  retries: number;
  retryBackoffSeconds: number;
  parentStartSeconds: number;
  pool:
    | { mode: 'pod'; clusterSlots: number | null }
    | { mode: 'reusable'; minReplicas: number; maxReplicas: number; concurrency: number; fromPolicy: boolean };
}

export interface RunMapping {
  groups: GroupSamples[];
  /** The group fitted: the one with the most actions (the fan-out). */
  main: GroupSamples;
  pool: PoolInference;
  measurements: MeasurementSet;
  workload: ObservedWorkload;
  /** One sentence per value: which recorded phase it came from, or that it did not. */
  provenance: string[];
  occupancy: Occupancy;
  /** From the root's start (or the first child's) to the last child's end. */
  makespanSeconds: number;
  originSeconds: number;
}

const median = (xs: readonly number[]): number => (xs.length ? sortedQuantile(Float64Array.from(xs).sort(), 0.5) : 0);

export function mapRun(root: ImportedAction | null, children: readonly ImportedAction[], form: 'details' | 'list' | 'flyte1' = 'details'): RunMapping {
  const groups = groupChildren(children);
  const main = groups.reduce((a, b) => (b.actions > a.actions ? b : a));
  const pool = inferPool(main);
  const occupancy = new Occupancy(main.slots);
  const set = new MeasurementSet();
  const provenance: string[] = [];
  const s = main.samples;
  if (form === 'flyte1') provenance.push('Flyte 1 records a task\'s setup (created → started: the queue and the pod start together) and its runtime: setup is written as create, so the queue is inside it, and enqueue is not measured');
  if (form === 'list') provenance.push('the action list carries no attempts or phase transitions: only the counts, the fan-out and the makespan are measured; export ActionDetails (docs/importing.md) for the phases');

  // e: QUEUED holds the enqueue and, on a pool, the wait for a slot.
  let enqueue: readonly number[] = s.queued;
  if (pool.mode === 'pod' && s.queued.length) provenance.push(`enqueue: QUEUED of ${s.queued.length} attempts (a pod waits for capacity in WAITING_FOR_RESOURCES, not in QUEUED)`);
  else if (main.cacheHitQueued.length >= 1) {
    enqueue = main.cacheHitQueued;
    provenance.push(`enqueue: QUEUED of ${enqueue.length} cache hits, which never wait for a slot (QUEUED of the others holds the wait for a replica)`);
  } else {
    const free: number[] = [];
    main.queuedStarts.forEach((t, i) => {
      if (occupancy.at(t) < occupancy.peak) free.push(main.queuedOfSlots[i] ?? 0);
    });
    enqueue = free;
    provenance.push(`enqueue: QUEUED of ${enqueue.length} attempts queued while fewer than the peak ${occupancy.peak} slots were busy (an upper bound: the wait for a slot may be in it)`);
  }
  for (const x of enqueue) set.push('enqueue', x);
  if (pool.mode === 'pod') {
    for (const x of s.initializing) set.push('create', x);
    provenance.push(`create: INITIALIZING of ${s.initializing.length} attempts, a pod start each`);
  } else {
    for (const x of pool.split?.cold ?? []) set.push('create', x);
    for (const x of pool.split?.warm ?? s.initializing) set.push('dispatch', x);
    provenance.push(`create: INITIALIZING of the ${pool.coldStarts} cold starts; dispatch: INITIALIZING of the other ${s.initializing.length - pool.coldStarts} attempts (warm replicas)`);
  }
  for (const x of s.running) set.push('runtime', x);
  provenance.push(`itemRuntime: RUNNING of ${s.running.length} succeeded attempts; it holds the child's download, the work and its upload, which Flyte does not separate, so downloadInputs and uploadOutputs are written as 0s`);
  provenance.push("upload, download (the parent's side): not recorded by Flyte; kept from the base profile (calibrate them as docs/importing.md says)");
  if (s.waitingForResources.length) provenance.push(`clusterSlots: the peak of ${occupancy.peak} pods held at once, since ${s.waitingForResources.length} attempts waited for resources`);

  const start = root?.startSeconds ?? main.firstStartSeconds;
  const lastEnd = Math.max(...groups.map((g) => g.lastEndSeconds));
  const policy = main.reusePolicy;
  const workload: ObservedWorkload = {
    items: main.actions,
    cacheHitRatio: main.actions ? main.cacheHits / main.actions : 0,
    failureRate: main.executedAttempts ? main.failedAttempts / main.executedAttempts : 0,
    retries: Math.max(0, main.maxAttempts - 1),
    retryBackoffSeconds: median(main.backoffSeconds),
    parentStartSeconds: Math.max(0, main.firstStartSeconds - start),
    pool:
      pool.mode === 'pod'
        ? { mode: 'pod', clusterSlots: s.waitingForResources.length ? Math.max(1, occupancy.peak) : null }
        : policy !== null
          ? { mode: 'reusable', ...policy, fromPolicy: true }
          : { mode: 'reusable', minReplicas: Math.max(1, occupancy.peak - pool.coldStarts), maxReplicas: Math.max(1, occupancy.peak), concurrency: 1, fromPolicy: false },
  };
  if (workload.pool.mode === 'reusable') {
    provenance.push(workload.pool.fromPolicy ? 'replicas, concurrency: from the task\'s reuse policy' : `replicas, concurrency: no reuse policy in the records; assumed one slot per replica, ${occupancy.peak} replicas at the peak, ${pool.coldStarts} of them started during the run`);
  }
  return { groups, main, pool, measurements: set, workload, provenance, occupancy, makespanSeconds: Math.max(0, lastEnd - start), originSeconds: start };
}
