// The closed-form cost of one run: billed replica-seconds, and with a price, their cost.
// The simulator bills the same things (docs/simulator.md): a pod for the time it holds its slot,
// a reusable replica from its creation to its removal, a trace nothing.
import type { Concurrency } from './concurrency.js';
import type { Estimate } from './estimate.js';
import type { Scenario } from './model.js';
import type { Overhead } from './overhead.js';

export interface CostEstimate {
  billedReplicaSeconds: number;
  /** Replicas a reusable pool is expected to run at its busiest; null for pods and traces. */
  replicas: number | null;
  /** pricing.perReplicaHour × billed hours; null without a price. */
  cost: number | null;
  /** Exact (for the mean) where the makespan estimate is, for pods and traces; an estimate for pools. */
  exact: boolean;
}

/**
 * Pods: A_slot × S̄ (each attempt's pod lives while it holds its slot). Reusable pools: with
 * R = min(max, max(min, ceil(min(A_slot, C_eff) / concurrency))) replicas at the busiest and the
 * slot work ending at W = makespan − d_out, the `min` initial replicas live from 0 to
 * W + idleTtl, the R − min scaled-up ones from the first arrival T0 = parentStart + u_in + e to
 * W + min(scaledownTtl, idleTtl). A last wave that thins out early is not credited.
 */
export function estimateCost(s: Scenario, actions: number, e: Estimate, c: Concurrency, perAction: Overhead): CostEstimate {
  const price = s.pricing.perReplicaHour;
  const priced = (billed: number): number | null => (price === null ? null : (price * billed) / 3600);
  const slotActions = Math.ceil(actions * (1 - s.workload.cacheHitRatio));
  if (s.workload.pattern === 'trace') return { billedReplicaSeconds: 0, replicas: null, cost: priced(0), exact: true };
  if (s.pool.mode === 'pod') {
    const billed = slotActions * e.slotSeconds;
    return { billedReplicaSeconds: billed, replicas: null, cost: priced(billed), exact: e.exact };
  }
  const pool = s.pool;
  const phase = (name: keyof Overhead['components']): number => perAction.components[name]?.meanSeconds ?? 0;
  const busiest = Math.min(slotActions, c.effective);
  const replicas = Math.min(pool.maxReplicas, Math.max(pool.minReplicas, Math.ceil(busiest / pool.concurrency)));
  const initial = Math.min(pool.minReplicas, replicas);
  const workEnd = Math.max(0, e.makespanSeconds - phase('downloadOutputs'));
  const firstArrival = s.run.parentStartSeconds + phase('uploadInputs') + phase('enqueue');
  const billed = initial * (workEnd + pool.idleTtlSeconds) + (replicas - initial) * Math.max(0, workEnd + Math.min(pool.scaledownTtlSeconds, pool.idleTtlSeconds) - firstArrival);
  return { billedReplicaSeconds: billed, replicas, cost: priced(billed), exact: false };
}
