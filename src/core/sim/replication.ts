// One replication of a fan-out (MODEL §6): run the event loop, then reduce its counters to
// the per-replication report. Pure and deterministic: the same inputs and seed give the same
// result, with or without a timeline.
import type { Scenario } from '../model.js';
import { Simulation } from './simulation.js';
import { quantilesOf } from './selectQuantile.js';
import type { Replication, ReplicationOptions } from './types.js';

export function simulateReplication(scenario: Scenario, batchSize: number, seed: number, options: ReplicationOptions = {}): Replication {
  const interval = options.timeline === undefined ? null : (options.timeline.intervalSeconds ?? 1);
  const sim = new Simulation(scenario, batchSize, seed, interval, options.recordActions === true);
  sim.run();
  const { plan, pool } = sim;
  const makespan = sim.makespan;
  // Summed in action order, so the total does not depend on the order slots were freed in.
  let busySlotSeconds = 0;
  for (let i = 0; i < sim.heldSeconds.length; i++) busySlotSeconds += sim.heldSeconds[i] ?? 0;
  const concurrency = pool !== null ? pool.concurrency : 1;
  const availableSlotSeconds =
    pool !== null ? sim.readySecondsAtMakespan * concurrency : (Number.isFinite(sim.slotLimit) ? sim.slotLimit : sim.peakBusy) * makespan;
  // A pod lives exactly while it holds its slot; traces bill no replica.
  const billed = pool !== null ? pool.billedSeconds : plan.mode === 'pod' ? busySlotSeconds : 0;
  const price = scenario.pricing.perReplicaHour;
  const [p50, p95, p99] = quantilesOf(queuedWaits(sim.attempts, sim.waitSeconds), [0.5, 0.95, 0.99]);
  const result: Replication = {
    seed,
    actions: plan.actions,
    batchSize,
    makespanSeconds: makespan,
    throughputItemsPerSecond: makespan > 0 ? plan.items / makespan : 0,
    utilization: availableSlotSeconds > 0 ? busySlotSeconds / availableSlotSeconds : 0,
    coldStarts: pool !== null ? pool.coldStarts : sim.pods,
    peakReplicas: pool !== null ? pool.peak : plan.mode === 'pod' ? sim.peakBusy : 0,
    queueWait: { p50Seconds: p50 ?? 0, p95Seconds: p95 ?? 0, p99Seconds: p99 ?? 0 },
    replicaSeconds: { busy: plan.mode === 'parent' ? 0 : busySlotSeconds / concurrency, billed },
    cost: price === null ? null : (price * billed) / 3600,
    attempts: sim.totalAttempts,
    completedActions: sim.finished - sim.failed,
    failedActions: sim.failed,
    cacheHits: sim.cacheHits,
    eventsProcessed: sim.eventsProcessed,
  };
  const timeline = sim.timelineResult();
  if (timeline !== null) result.timeline = timeline;
  if (sim.endSeconds !== null) result.actionLog = { endSeconds: Array.from(sim.endSeconds), attempts: Array.from(sim.attempts) };
  return result;
}

/** Queue waits of the actions that waited for a slot at least once (not the cache hits). */
function queuedWaits(attempts: Int32Array, waits: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < attempts.length; i++) if ((attempts[i] ?? 0) > 0) n++;
  if (n === attempts.length) return waits;
  const out = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < attempts.length; i++) if ((attempts[i] ?? 0) > 0) out[k++] = waits[i] ?? 0;
  return out;
}
