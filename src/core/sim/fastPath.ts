// A shortcut for the case where nothing but the slots shapes the run: every action reaches
// the queue at parentStart (no overhead phase, a rate limit that never delays, enough permits,
// no cache hits, no failures) and the slots are a warm fixed pool or pods with no create time. Then the
// event loop reduces to "each action in turn takes the earliest free slot" — the yardstick's
// loop: a heap of slot-free times. It draws the same numbers in the same order and does the
// same arithmetic as the event loop, so its report is identical (a property test checks).
import type { Dist } from '../distribution.js';
import type { Phase, Scenario } from '../model.js';
import { createRng } from '../random.js';
import { DrawBuffer } from './drawBuffer.js';
import { scratchArray } from './scratch.js';
import { TokenBucket } from './tokenBucket.js';
import type { SimPlan } from './simPlan.js';
import { inFlightLimit, slotLimit } from './slotLimit.js';
import type { Tally } from './tally.js';

const alwaysZero = (d: Dist): boolean => d.kind === 'fixed' && d.value === 0;
const noTransfer = (p: Phase, bytesPerItem: number): boolean =>
  alwaysZero(p.latency) && (p.bandwidthBytesPerSecond === null || bytesPerItem === 0);

export function fastPathApplies(scenario: Scenario, plan: SimPlan): boolean {
  const { phases, workload, pool, limits } = scenario;
  const rate = limits.enqueueRatePerSecond;
  const shared =
    plan.actions > 0 &&
    plan.pattern === 'task' &&
    plan.cacheHitRatio === 0 &&
    plan.failureRate === 0 &&
    noTransfer(phases.uploadInputs, workload.itemInputBytes) &&
    noTransfer(phases.downloadInputs, workload.itemInputBytes) &&
    noTransfer(phases.uploadOutputs, workload.itemOutputBytes) &&
    noTransfer(phases.downloadOutputs, workload.itemOutputBytes) &&
    alwaysZero(phases.enqueue) &&
    inFlightLimit(scenario) >= plan.actions &&
    bucketNeverDelays(rate, plan.actions, plan.parentStart);
  if (!shared) return false;
  if (pool.mode === 'pod') return alwaysZero(phases.create);
  return (
    alwaysZero(phases.dispatch) &&
    pool.minReplicas === pool.maxReplicas &&
    !pool.startCold &&
    plan.sharing === null &&
    plan.parentStart < pool.idleTtlSeconds
  );
}

/**
 * True when a token bucket at `rate` grants each of `actions` requests, all arriving at `at`,
 * on arrival: the event loop's own grants, in its order (it stops at the first delayed one).
 */
function bucketNeverDelays(rate: number, actions: number, at: number): boolean {
  const bucket = new TokenBucket(rate);
  if (!bucket.limited) return true;
  for (let i = 0; i < actions; i++) if (bucket.grant(at) !== at) return false;
  return true;
}

export function simulateFastPath(scenario: Scenario, plan: SimPlan, seed: number): Tally {
  // The event loop's runtimes: the same blocks (drawBuffer.ts), in the same order of actions.
  const draws = new DrawBuffer(plan, createRng(seed));
  const n = plan.actions;
  const limit = slotLimit(scenario);
  const slots = Math.min(limit, n);
  const arrival = plan.parentStart;
  // A limited bucket that never delays still costs the event loop one event per action.
  const bucketEvents = new TokenBucket(scenario.limits.enqueueRatePerSecond).limited ? n : 0;
  const free = new Float64Array(slots).fill(arrival);
  const held = scratchArray(0, n);
  const waits = scratchArray(1, n);
  let makespan = 0;
  for (let a = 0; a < n; a++) {
    const start = free[0] ?? 0;
    const end = start + draws.runtime(a);
    waits[a] = start - arrival;
    held[a] = end - start;
    if (end > makespan) makespan = end;
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= slots) break;
      const r = l + 1;
      const c = r < slots && (free[r] ?? 0) < (free[l] ?? 0) ? r : l;
      if ((free[c] ?? 0) >= end) break;
      free[k] = free[c] ?? 0;
      k = c;
    }
    free[k] = end;
  }
  const pool = scenario.pool;
  const tally: Tally = {
    plan,
    heldSeconds: held,
    waits,
    makespan,
    readySeconds: null,
    concurrency: 1,
    slotLimit: limit,
    peakBusy: slots,
    poolBilledSeconds: null,
    coldStarts: n,
    peakReplicas: slots,
    attempts: n,
    finished: n,
    failed: 0,
    cacheHits: 0,
    eventsProcessed: 3 * n + bucketEvents,
  };
  if (pool.mode === 'pod') return tally;
  // The warm fixed pool stays whole until idleTtl after its last slot frees (at the
  // makespan), then goes at once; the same additions as the event loop, in replica order.
  const removedAt = makespan + pool.idleTtlSeconds;
  let ready = 0;
  let billed = 0;
  for (let r = 0; r < pool.maxReplicas; r++) {
    ready += makespan - 0;
    billed += removedAt - 0;
  }
  return {
    ...tally,
    readySeconds: ready,
    concurrency: pool.concurrency,
    poolBilledSeconds: billed,
    coldStarts: 0,
    peakReplicas: pool.maxReplicas,
    eventsProcessed: 3 * n + bucketEvents + 1,
  };
}
