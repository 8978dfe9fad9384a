// Effective concurrency of one fan-out (MODEL §3): the smallest of the limits that apply,
// and which one binds.
import type { Scenario } from './model.js';

export const CONCURRENCY_LIMITS = [
  'reusableCapacity',
  'clusterSlots',
  'mapConcurrency',
  'maxActionConcurrency',
  'queueConcurrency',
  'childrenInFlight',
] as const;
export type ConcurrencyLimit = (typeof CONCURRENCY_LIMITS)[number];

export interface Concurrency {
  effective: number;
  binding: ConcurrencyLimit;
  /** Every limit that applies, with its value. */
  limits: Partial<Record<ConcurrencyLimit, number>>;
}

export function effectiveConcurrency(s: Scenario): Concurrency {
  const limits: Partial<Record<ConcurrencyLimit, number>> = {};
  // Traces run in the parent's process, so the pool does not bound them.
  if (s.workload.pattern === 'task') {
    if (s.pool.mode === 'reusable') limits.reusableCapacity = s.pool.maxReplicas * s.pool.concurrency;
    else if (s.pool.clusterSlots !== null) limits.clusterSlots = s.pool.clusterSlots;
  }
  if (s.run.mapConcurrency > 0) limits.mapConcurrency = s.run.mapConcurrency;
  if (s.run.maxActionConcurrency !== null) limits.maxActionConcurrency = s.run.maxActionConcurrency;
  if (s.run.queueConcurrency !== null) limits.queueConcurrency = s.run.queueConcurrency;
  limits.childrenInFlight = s.limits.maxChildrenInFlight;
  let binding: ConcurrencyLimit = 'childrenInFlight';
  let effective = Infinity;
  // Ties go to the earlier entry of CONCURRENCY_LIMITS: the physical pool before the software limits.
  for (const name of CONCURRENCY_LIMITS) {
    const value = limits[name];
    if (value !== undefined && value < effective) {
      effective = value;
      binding = name;
    }
  }
  return { effective, binding, limits };
}

/**
 * The concurrency limit named as binding, in agreement with the term of the estimate that sets
 * the makespan: the in-flight permits when their term does, a slot limit when the slot term does
 * (the permits name it only when no slot limit is set), otherwise the smallest limit.
 */
export function bindingFor(c: Concurrency, term: 'slots' | 'inFlight' | 'enqueueRate'): Concurrency {
  if (term === 'inFlight') return { ...c, binding: 'childrenInFlight' };
  if (term !== 'slots' || c.binding !== 'childrenInFlight') return c;
  let binding: ConcurrencyLimit = 'childrenInFlight';
  let smallest = Infinity;
  for (const name of CONCURRENCY_LIMITS) {
    const value = c.limits[name];
    if (name !== 'childrenInFlight' && value !== undefined && value < smallest) {
      smallest = value;
      binding = name;
    }
  }
  return { ...c, binding };
}
