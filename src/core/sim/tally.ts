// What a replication counted, before it is reduced to the report. Both the event loop and
// the fast path fill one, and one function turns it into a Replication, so the two agree to
// the last bit when they count the same things.
import type { Scenario } from '../model.js';
import { quantilesOf } from './selectQuantile.js';
import type { SimPlan } from './simPlan.js';
import type { Replication } from './types.js';

export interface Tally {
  plan: SimPlan;
  /** Seconds each action held a slot, over all its attempts (scratch, reused by the next replication: scratch.ts). */
  heldSeconds: Float64Array;
  /** Queue wait of each action that waited for a slot (scratch: gets reordered). */
  waits: Float64Array;
  makespan: number;
  /** Replica-seconds spent ready up to the makespan (reusable pools), else null. */
  readySeconds: number | null;
  /** Slots per replica: the pool's concurrency, 1 for pods and traces. */
  concurrency: number;
  /** Bound on running slots (Infinity: none) and the most that ran at once. */
  slotLimit: number;
  peakBusy: number;
  /** Replica-seconds billed by a reusable pool; null: pods bill their slot time, traces nothing. */
  poolBilledSeconds: number | null;
  coldStarts: number;
  peakReplicas: number;
  attempts: number;
  finished: number;
  failed: number;
  cacheHits: number;
  eventsProcessed: number;
}

export function reportOf(scenario: Scenario, seed: number, tally: Tally): Replication {
  const { plan, makespan } = tally;
  // Summed in action order, so the total does not depend on the order slots were freed in.
  let busySlotSeconds = 0;
  for (let i = 0; i < tally.heldSeconds.length; i++) busySlotSeconds += tally.heldSeconds[i] ?? 0;
  const availableSlotSeconds =
    tally.readySeconds !== null
      ? tally.readySeconds * tally.concurrency
      : (Number.isFinite(tally.slotLimit) ? tally.slotLimit : tally.peakBusy) * makespan;
  // A pod lives exactly while it holds its slot; traces bill no replica.
  const billed = tally.poolBilledSeconds ?? (plan.mode === 'pod' ? busySlotSeconds : 0);
  const price = scenario.pricing.perReplicaHour;
  const [p50, p95, p99] = quantilesOf(tally.waits, [0.5, 0.95, 0.99]);
  return {
    seed,
    actions: plan.actions,
    batchSize: plan.batchSize,
    makespanSeconds: makespan,
    throughputItemsPerSecond: makespan > 0 ? plan.items / makespan : 0,
    utilization: availableSlotSeconds > 0 ? busySlotSeconds / availableSlotSeconds : 0,
    coldStarts: tally.coldStarts,
    peakReplicas: tally.peakReplicas,
    queueWait: { p50Seconds: p50 ?? 0, p95Seconds: p95 ?? 0, p99Seconds: p99 ?? 0 },
    replicaSeconds: { busy: plan.mode === 'parent' ? 0 : busySlotSeconds / tally.concurrency, billed },
    cost: price === null ? null : (price * billed) / 3600,
    attempts: tally.attempts,
    completedActions: tally.finished - tally.failed,
    failedActions: tally.failed,
    cacheHits: tally.cacheHits,
    eventsProcessed: tally.eventsProcessed,
  };
}
