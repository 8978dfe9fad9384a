// Everything one replication needs from a scenario, resolved once: action count, the items
// of each action, samplers for each phase and the pool's parameters in seconds. The plan is
// one class, so each draw site calls the same method in every scenario (see phaseDraws.ts).
import type { Scenario } from '../model.js';
import type { Rng } from '../random.js';
import { batchRuntimeSampler } from './batchRuntime.js';
import { CREATE, PhaseDraws } from './phaseDraws.js';

/** Where an action runs: a fresh pod, a slot of a reusable replica, or the parent (trace). */
export type SlotMode = 'pod' | 'reusable' | 'parent';

export interface SimPlan {
  actions: number;
  batchSize: number;
  items: number;
  pattern: 'task' | 'trace';
  mode: SlotMode;
  parentStart: number;
  cacheHitRatio: number;
  failureRate: number;
  retries: number;
  retryBackoff: number;
  minReplicas: number;
  startCold: boolean;
  scaledownTtl: number;
  idleTtl: number;
  /** Processor sharing parameters; null when the rate can never drop below 1. */
  sharing: { cpus: number; actionCpu: number } | null;
  itemsOf(action: number): number;
  runtime(rng: Rng, action: number): number;
  create(rng: Rng): number;
  /** Seconds each item adds to drawn phase `phase` (an index into DRAWN_PHASES); 0: none. */
  perItemSeconds(phase: number): number;
  /** `count` latency draws of `phase` (no size term) into `out` from `from` (drawBuffer.ts). */
  fillPhase(rng: Rng, phase: number, out: Float64Array, from: number, count: number): void;
  /** `count` runtimes of a full batch (any action but a short last one) into `out` from `from`. */
  fillRuntime(rng: Rng, out: Float64Array, from: number, count: number): void;
}

class ResolvedPlan implements SimPlan {
  constructor(
    readonly actions: number,
    readonly batchSize: number,
    readonly items: number,
    readonly pattern: 'task' | 'trace',
    readonly mode: SlotMode,
    readonly parentStart: number,
    readonly cacheHitRatio: number,
    readonly failureRate: number,
    readonly retries: number,
    readonly retryBackoff: number,
    readonly minReplicas: number,
    readonly startCold: boolean,
    readonly scaledownTtl: number,
    readonly idleTtl: number,
    readonly sharing: { cpus: number; actionCpu: number } | null,
    private readonly lastItems: number,
    private readonly full: (rng: Rng) => number,
    private readonly partial: (rng: Rng) => number,
    private readonly draws: PhaseDraws,
    /** The item's lognormal when a full batch is one item: its runtimes are drawn in a loop, not through `full`. */
    private readonly oneLognormal: { mu: number; sigma: number } | null,
  ) {}

  itemsOf(action: number): number {
    return action === this.actions - 1 ? this.lastItems : this.batchSize;
  }

  runtime(rng: Rng, action: number): number {
    return action === this.actions - 1 ? this.partial(rng) : this.full(rng);
  }

  create(rng: Rng): number {
    return this.draws.draw(rng, CREATE, 0);
  }

  perItemSeconds(phase: number): number {
    return this.draws.perItemSeconds(phase);
  }

  fillPhase(rng: Rng, phase: number, out: Float64Array, from: number, count: number): void {
    this.draws.fill(rng, phase, out, from, count);
  }

  fillRuntime(rng: Rng, out: Float64Array, from: number, count: number): void {
    const one = this.oneLognormal;
    if (one !== null) {
      // As durationSampler draws them, without a call per draw (whose result would be boxed).
      rng.fillNormal(out, from, from + count);
      for (let k = from; k < from + count; k++) out[k] = Math.exp(one.mu + one.sigma * (out[k] ?? 0));
      return;
    }
    const full = this.full;
    for (let k = from; k < from + count; k++) out[k] = full(rng);
  }
}

export function planOf(scenario: Scenario, batchSize: number): SimPlan {
  const { workload, phases, pool, failures } = scenario;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batch size must be an integer >= 1, got ${batchSize}`);
  if (!Number.isInteger(workload.items) || workload.items < 0) throw new RangeError(`items must be an integer >= 0, got ${workload.items}`);
  const actions = Math.ceil(workload.items / batchSize);
  const last = actions - 1;
  const lastItems = workload.items - last * batchSize;
  const reusable = pool.mode === 'reusable' ? pool : null;
  const mode: SlotMode = workload.pattern === 'trace' ? 'parent' : pool.mode;
  const sharing =
    reusable !== null && reusable.replicaCpus !== null && reusable.actionCpu !== null && reusable.replicaCpus < reusable.concurrency * reusable.actionCpu
      ? { cpus: reusable.replicaCpus, actionCpu: reusable.actionCpu }
      : null;
  return new ResolvedPlan(
    actions,
    batchSize,
    workload.items,
    workload.pattern,
    mode,
    scenario.run.parentStartSeconds,
    workload.cacheHitRatio,
    failures.failureRate,
    failures.retries,
    failures.retryBackoffSeconds,
    reusable?.minReplicas ?? 0,
    reusable?.startCold ?? false,
    reusable?.scaledownTtlSeconds ?? 0,
    reusable?.idleTtlSeconds ?? 0,
    mode === 'reusable' ? sharing : null,
    lastItems,
    batchRuntimeSampler(workload.itemRuntime, batchSize),
    batchRuntimeSampler(workload.itemRuntime, lastItems),
    new PhaseDraws(phases, workload.itemInputBytes, workload.itemOutputBytes),
    batchSize === 1 && workload.itemRuntime.kind === 'lognormal' ? { mu: workload.itemRuntime.mu, sigma: workload.itemRuntime.sigma } : null,
  );
}
