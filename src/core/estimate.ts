// Closed-form makespan (MODEL §5): the largest of the slot, in-flight and enqueue-rate terms, all
// always computed,
// plus a cold start when a reusable pool must start replicas. Failed attempts and retries
// (attempts.ts), processor sharing on a reusable replica and cache hits follow the simulator's
// rules (docs/simulator.md); docs/model.md states each approximation.
import { attempts, expectedLatestOf, type AttemptInputs, type Attempts } from './attempts.js';
import { addCumulants, cumulantsOf, type Cumulants, NO_SPREAD, scaleCumulants } from './cumulants.js';
import { isFixed, mean } from './distribution.js';
import type { Scenario } from './model.js';
import type { Concurrency } from './concurrency.js';
import { overheadTerms, variantFor, type OverheadPhase } from './overhead.js';
import { LATTICE_ABOVE_SIGMA, lognormalSumLaws } from './sumLaw.js';
import { tailAwareSlotSeconds } from './tailEstimate.js';

export const ESTIMATE_TERMS = ['slots', 'inFlight', 'enqueueRate'] as const;
export type EstimateTerm = (typeof ESTIMATE_TERMS)[number];

/** A later term names the binding limit only when it exceeds an earlier one by more than this share. */
export const BINDING_MARGIN = 0.01;

/**
 * How the slot term was computed: `means` from mean slot times (exact for fixed inputs; with
 * failures the latest of the last wave comes from the attempts' mixture), `tailAware` from the
 * distribution of the slot times (tailEstimate.ts) when they are random and nothing fails or
 * stretches: the run ends on the latest of many draws, later than their mean.
 */
export const ESTIMATE_METHODS = ['means', 'tailAware'] as const;
export type EstimateMethod = (typeof ESTIMATE_METHODS)[number];

export interface Estimate {
  makespanSeconds: number;
  throughputItemsPerSecond: number;
  binding: EstimateTerm;
  terms: Partial<Record<EstimateTerm, number>>;
  method: EstimateMethod;
  /** S̄: mean slot-seconds of one action, over all its attempts, runtime stretched by processor sharing. */
  slotSeconds: number;
  waves: number;
  coldStartSeconds: number;
  /** Σ_{i=0..retries} failureRate^i: mean attempts of an action that takes a slot. */
  expectedAttempts: number;
  /** 1 − failureRate^(retries+1): the chance that an action that takes a slot succeeds. */
  successProbability: number;
  /** Expected actions that fail every attempt: A_slot × failureRate^(retries+1). */
  expectedLostActions: number;
  /** Runtime stretch from processor sharing at full occupancy (1: none). */
  runtimeStretch: number;
  /**
   * True when every input is fixed, no attempt fails, the cache hit ratio is 0 or 1, runtimes
   * do not stretch, the pool is warm, every term was computed and one clearly sets the makespan,
   * and the permits do not run out while the slots are fewer: then the estimate is exact.
   */
  exact: boolean;
}

export function estimateMakespan(s: Scenario, batchSize: number, concurrency: Concurrency): Estimate {
  const w = s.workload;
  const f = s.failures;
  const h = w.cacheHitRatio;
  const actions = Math.ceil(w.items / batchSize);
  const variant = variantFor(w.pattern, s.pool.mode);
  const terms = overheadTerms(s.phases, variant, batchSize * w.itemInputBytes, batchSize * w.itemOutputBytes);
  const m = (phase: OverheadPhase): number => {
    const t = terms.find((x) => x.phase === phase);
    return t ? mean(t.latency) + t.shiftSeconds : 0;
  };
  const c = concurrency.effective;
  // Cache hits take no slot: only the misses queue for one.
  const slotActions = Math.ceil(actions * (1 - h));
  const waves = Math.ceil(slotActions / c);
  const lastWave = slotActions - Math.max(waves - 1, 0) * c;
  const runtime = batchSize * mean(w.itemRuntime);
  // Processor sharing: out of step (a random input or a failure) the replica's CPU is the
  // bottleneck; in lockstep (everything fixed, no failure) the actions of a wave run together.
  const lockstep = isFixed(w.itemRuntime) && terms.every((t) => isFixed(t.latency)) && f.failureRate === 0;
  const per = (stretch: number): AttemptInputs => ({
    failureRate: f.failureRate,
    retries: f.retries,
    backoffSeconds: f.retryBackoffSeconds,
    beforeSeconds: m('create') + m('downloadInputs'),
    runSeconds: runtime * stretch,
    afterSeconds: m('uploadOutputs'),
    downloadSeconds: m('downloadOutputs'),
  });
  const stretchAt = (running: number): number => runtimeStretch(s, running, c, lockstep ? null : attempts(per(1)));
  const fullStretch = stretchAt(Math.min(c, slotActions));
  const lastStretch = stretchAt(lastWave);
  const full = attempts(per(fullStretch));
  const latest = (n: number, stretch: number): number => expectedLatestOf(per(stretch), n);
  const slotSeconds = full.slotSeconds;
  const submit = m('uploadInputs') + m('enqueue');
  const start = s.run.parentStartSeconds + submit;
  const result: Partial<Record<EstimateTerm, number>> = {};
  // Every wave but the last keeps its slots busy with S̄ each (work conserving: a retry takes the
  // slot a failure freed); the last ends with the latest of its actions, retries and d_out
  // included. Without failures that is waves·S + d_out.
  const cumulants = (phase: OverheadPhase): Cumulants => {
    const t = terms.find((x) => x.phase === phase);
    return t ? addCumulants([cumulantsOf(t.latency), NO_SPREAD(t.shiftSeconds)]) : NO_SPREAD(0);
  };
  const random = !(isFixed(w.itemRuntime) && terms.every((t) => isFixed(t.latency)));
  const method: EstimateMethod = random && f.failureRate === 0 && fullStretch === 1 && lastStretch === 1 && slotActions > 0 ? 'tailAware' : 'means';
  if (method === 'tailAware') {
    const rest = addCumulants([cumulants('create'), cumulants('downloadInputs'), cumulants('uploadOutputs')]);
    const slot = addCumulants([rest, scaleCumulants(cumulantsOf(w.itemRuntime), batchSize)]);
    const item = w.itemRuntime;
    // A batch of heavy-tailed lognormal items has its sum computed (sumLaw.ts); one item, a light
    // tail, any other kind, or a batch too large for the lattice is fitted on three cumulants.
    const laws = item.kind === 'lognormal' && item.sigma > LATTICE_ABOVE_SIGMA && batchSize > 1 ? lognormalSumLaws(item.mu, item.sigma, batchSize, rest, cumulants('downloadOutputs')) : null;
    result.slots = start + tailAwareSlotSeconds(slot, cumulants('downloadOutputs'), slotActions, c, laws ?? undefined);
  } else {
    result.slots = start + (waves > 0 ? (waves - 1) * slotSeconds + latest(lastWave, lastStretch) : m('downloadOutputs'));
  }
  // The parent's in-flight permits bind on their own, whatever limits the slots: a permit is held
  // from upload to download (through backoffs and a slot's queue too), so each permit wave of P
  // actions takes a whole action's time: a hit u_in + e + d_out, a miss u_in + e + its latency.
  const permits = s.limits.maxChildrenInFlight;
  const permitsBound = permits > 0 && Number.isFinite(permits) && actions > permits;
  if (permits > 0 && Number.isFinite(permits)) {
    const permitWaves = Math.ceil(actions / permits);
    const missesLast = Math.ceil((actions - (permitWaves - 1) * permits) * (1 - h));
    const held = submit + h * m('downloadOutputs') + (1 - h) * full.latencySeconds;
    const last = submit + (missesLast > 0 ? latest(missesLast, lastStretch) : m('downloadOutputs'));
    result.inFlight = s.run.parentStartSeconds + (permitWaves - 1) * held + last;
  }
  const rate = s.limits.enqueueRatePerSecond;
  // The bucket holds one second of tokens and starts full; it always holds at least one, or a
  // rate under 1/s could never grant (the simulator's token bucket does the same).
  const burst = Math.max(1, rate);
  const submitting = Math.max(actions - burst, 0) / rate;
  const tail = enqueueTail(h, m('downloadOutputs'), full.latencySeconds, actions, burst, rate);
  result.enqueueRate = s.run.parentStartSeconds + m('uploadInputs') + submitting + m('enqueue') + tail;
  // The term that sets the makespan is the largest; one within 1% of an earlier term of
  // ESTIMATE_TERMS does not take the name from it (261 actions submitted in 2.6 s do not make the
  // enqueue rate bind a 6-minute run).
  let binding: EstimateTerm = 'slots';
  for (const name of ESTIMATE_TERMS) if ((result[name] ?? 0) > (result[binding] ?? 0) * (1 + BINDING_MARGIN)) binding = name;
  const largest = Math.max(...ESTIMATE_TERMS.map((name) => result[name] ?? 0));
  const coldStartSeconds = needsColdStart(s, slotActions, start) ? mean(s.phases.create) : 0;
  const makespanSeconds = largest + coldStartSeconds;
  const top = largest;
  // One wave submitted in one burst: the slot and enqueue terms are the same sum, both exact.
  const oneBurst = waves <= 1 && actions <= burst && !permitsBound;
  const clear = oneBurst || ESTIMATE_TERMS.filter((name) => (result[name] ?? 0) === top).length === 1;
  // Permits that run out while fewer slots than permits exist make permit holders wait for a slot
  // (and slots wait for permits held through d_out): both terms are then lower bounds, not exact.
  const interplay = permitsBound && slotActions > c && c < permits;
  const allFixed = isFixed(w.itemRuntime) && terms.every((t) => isFixed(t.latency));
  const deterministic = f.failureRate === 0 && (h === 0 || h === 1) && fullStretch === 1 && lastStretch === 1;
  return {
    makespanSeconds,
    throughputItemsPerSecond: makespanSeconds > 0 ? w.items / makespanSeconds : 0,
    binding,
    terms: result,
    method,
    slotSeconds,
    waves,
    coldStartSeconds,
    expectedAttempts: full.expectedAttempts,
    successProbability: full.successProbability,
    expectedLostActions: slotActions * (1 - full.successProbability),
    runtimeStretch: fullStretch,
    exact: allFixed && deterministic && clear && !interplay && coldStartSeconds === 0,
  };
}

/**
 * What follows the last token in the enqueue-rate term: the run ends with the latest of the
 * actions' ends, not with the last one's. After e, a cache hit takes d_out (T_hit) and a miss
 * its slot path, T_miss = E[X] (S + d_out without failures). Counting back from the last
 * action, the first miss is g actions earlier with probability (1 − h)·h^g, and it passed the
 * bucket gap(g) = min(g, A − burst) / rate earlier (the burst passes at once). So the tail is
 *   Σ_g (1 − h)·h^g · max(T_hit, T_miss − gap(g))  +  h^A · T_hit   (no miss at all),
 * which is T_miss at h = 0 and T_hit at h = 1. A miss's path is taken at its mean.
 */
function enqueueTail(h: number, hit: number, miss: number, actions: number, burst: number, rate: number): number {
  if (h <= 0) return miss;
  if (h >= 1) return hit;
  // A miss that ends no later than a hit (every attempt failed, no d_out): the last action's mean end.
  if (miss <= hit) return h * hit + (1 - h) * miss;
  const limited = Math.max(actions - burst, 0);
  let tail = 0;
  let weight = 1 - h; // (1 − h)·h^g
  let rest = 1; // h^g: no miss among the last g actions
  for (let g = 0; g < actions; g++) {
    const gap = Math.min(g, limited) / rate;
    if (miss - gap <= hit || weight < 1e-15 || g >= limited) {
      // From here on every term is the same: T_hit, or T_miss − gap at its floor (g ≥ A − burst).
      const value = Math.max(hit, miss - gap);
      // the remaining weight of a first miss at g..A−1 is h^g − h^A; h^A is "no miss at all"
      return tail + (rest - h ** actions) * value + h ** actions * hit;
    }
    tail += weight * (miss - gap);
    rest *= h;
    weight *= h;
  }
  return tail + rest * hit;
}

/**
 * Processor sharing on a reusable replica (docs/simulator.md): an action's runtime progresses at
 * min(1, cpus / (k × actionCpu)) with k actions in their runtime on its replica. `running`
 * actions on slots spread evenly (the least busy replica takes the next one) over the replicas
 * a saturated pool keeps: ceil(c / concurrency), at least minReplicas, at most maxReplicas.
 * With k = running / replicas, the stretch at full occupancy is a = k × actionCpu / cpus.
 *
 * In lockstep (`outOfStep` null: every input fixed, no failure) the actions of a wave download,
 * run and upload together, so all k run at once and the runtime stretches by max(1, a). Out of
 * step, one action's transfers overlap the others' runtimes and the replica's CPU is the
 * bottleneck instead: with T̄ the expected slot-seconds outside the runtime and W̄ the expected
 * runtime-seconds of one action (over its attempts, unstretched), a saturated replica finishes
 * k actions per S̄ = T̄ + σ·W̄ and does k·W̄·actionCpu CPU-seconds of work in that time with
 * cpus CPUs: T̄ + σ·W̄ = a·W̄, so σ = a − T̄ / W̄, at least 1.
 */
function runtimeStretch(s: Scenario, running: number, c: number, outOfStep: Attempts | null): number {
  const pool = s.pool;
  if (pool.mode !== 'reusable' || s.workload.pattern !== 'task' || pool.replicaCpus === null || pool.actionCpu === null) return 1;
  if (!(pool.replicaCpus > 0) || running <= 0) return 1;
  const replicas = Math.min(pool.maxReplicas, Math.max(pool.minReplicas, Math.ceil(c / pool.concurrency), 1));
  const perReplica = Math.min(pool.concurrency, running / replicas);
  const a = (perReplica * pool.actionCpu) / pool.replicaCpus;
  if (outOfStep === null || !(outOfStep.runtimeSeconds > 0)) return Math.max(1, a);
  return Math.max(1, a - (outOfStep.slotSeconds - outOfStep.runtimeSeconds) / outOfStep.runtimeSeconds);
}

/**
 * A reusable pool pays one cold start when it starts cold, has no warm minimum, must grow past
 * its warm minimum, or is gone when work arrives: its idle clock starts at time 0, so when the
 * first action reaches the queue (parentStart + u_in + e) at or after idleTtl the warm replicas
 * have been removed and the pool starts again from nothing.
 */
function needsColdStart(s: Scenario, slotActions: number, firstArrival: number): boolean {
  if (s.pool.mode !== 'reusable' || s.workload.pattern !== 'task' || slotActions === 0) return false;
  if (s.pool.startCold || s.pool.minReplicas === 0 || firstArrival >= s.pool.idleTtlSeconds) return true;
  return s.pool.maxReplicas > s.pool.minReplicas && slotActions > s.pool.minReplicas * s.pool.concurrency;
}
