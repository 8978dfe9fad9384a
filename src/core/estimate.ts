// Closed-form makespan (MODEL §5): the largest of the slot, in-flight and enqueue-rate terms,
// plus a cold start when a reusable pool must start replicas.
import { isFixed, mean } from './distribution.js';
import type { Scenario } from './model.js';
import type { Concurrency } from './concurrency.js';
import { overheadTerms, variantFor, type OverheadPhase } from './overhead.js';

export const ESTIMATE_TERMS = ['slots', 'inFlight', 'enqueueRate'] as const;
export type EstimateTerm = (typeof ESTIMATE_TERMS)[number];

export interface Estimate {
  makespanSeconds: number;
  throughputItemsPerSecond: number;
  binding: EstimateTerm;
  terms: Partial<Record<EstimateTerm, number>>;
  /** S: mean time an action holds its slot. */
  slotSeconds: number;
  waves: number;
  coldStartSeconds: number;
  /** True when every input is fixed, the pool is warm and one limit clearly binds: then the estimate is exact. */
  exact: boolean;
}

export function estimateMakespan(s: Scenario, batchSize: number, concurrency: Concurrency): Estimate {
  const w = s.workload;
  const actions = Math.ceil(w.items / batchSize);
  const variant = variantFor(w.pattern, s.pool.mode);
  const terms = overheadTerms(s.phases, variant, batchSize * w.itemInputBytes, batchSize * w.itemOutputBytes);
  const m = (phase: OverheadPhase): number => {
    const t = terms.find((x) => x.phase === phase);
    return t ? mean(t.latency) + t.shiftSeconds : 0;
  };
  const runtime = batchSize * mean(w.itemRuntime);
  const slotSeconds = m('create') + m('downloadInputs') + runtime + m('uploadOutputs');
  const c = concurrency.effective;
  // Cache hits take no slot: only the misses queue for one.
  const slotActions = Math.ceil(actions * (1 - w.cacheHitRatio));
  const waves = Math.ceil(slotActions / c);
  const start = s.run.parentStartSeconds + m('uploadInputs') + m('enqueue');
  const result: Partial<Record<EstimateTerm, number>> = {};
  result.slots = start + waves * slotSeconds + m('downloadOutputs');
  if (concurrency.binding === 'childrenInFlight') {
    // A permit is held from upload to download, so each wave takes the whole action time.
    result.inFlight = s.run.parentStartSeconds + Math.ceil(actions / c) * (m('uploadInputs') + m('enqueue') + slotSeconds + m('downloadOutputs'));
  }
  const rate = s.limits.enqueueRatePerSecond;
  const burst = rate; // the bucket holds one second of tokens and starts full
  result.enqueueRate = s.run.parentStartSeconds + m('uploadInputs') + Math.max(actions - burst, 0) / rate + m('enqueue') + slotSeconds + m('downloadOutputs');
  let binding: EstimateTerm = 'slots';
  for (const name of ESTIMATE_TERMS) if ((result[name] ?? 0) > (result[binding] ?? 0)) binding = name;
  const coldStartSeconds = needsColdStart(s, slotActions) ? mean(s.phases.create) : 0;
  const makespanSeconds = (result[binding] ?? 0) + coldStartSeconds;
  const top = result[binding] ?? 0;
  // One wave submitted in one burst: the slot and enqueue terms are the same sum, both exact.
  const oneBurst = waves <= 1 && actions <= burst && result.inFlight === undefined;
  const clear = oneBurst || ESTIMATE_TERMS.every((name) => name === binding || (result[name] ?? 0) < top);
  const allFixed = isFixed(w.itemRuntime) && terms.every((t) => isFixed(t.latency));
  return {
    makespanSeconds,
    throughputItemsPerSecond: makespanSeconds > 0 ? w.items / makespanSeconds : 0,
    binding,
    terms: result,
    slotSeconds,
    waves,
    coldStartSeconds,
    exact: allFixed && clear && coldStartSeconds === 0,
  };
}

/** A reusable pool pays one cold start when it starts cold or must grow past its warm minimum. */
function needsColdStart(s: Scenario, slotActions: number): boolean {
  if (s.pool.mode !== 'reusable' || s.workload.pattern !== 'task' || slotActions === 0) return false;
  if (s.pool.startCold || s.pool.minReplicas === 0) return true;
  return s.pool.maxReplicas > s.pool.minReplicas && slotActions > s.pool.minReplicas * s.pool.concurrency;
}
