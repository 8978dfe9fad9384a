// The static shape of one run for the engine (docs/simulator.md, "Workflows"), resolved once:
// per step its plan (batch, phase draws), environment, sub-parents and limits; the run's actions
// and sources laid out contiguously, so action `a` of run `r` is r × actionsPerRun + its offset
// and its source, step and index in the step come from small tables instead of objects.
import type { Workflow } from '../../workflow/types.js';
import { planOf, type SimPlan } from '../simPlan.js';
import { inFlightLimit } from '../slotLimit.js';
import { subParentsWarm } from './stepDurations.js';

/** How the plan sized each step: its batch, and its share of a shared environment (null: all of it; the plan's, not the simulator's). */
export interface StepSizing {
  batch: number;
  sharedSlots: number | null;
}

export const SLOT_STEP = 0;
export const TRACE_STEP = 1;
export const LOCAL_STEP = 2;

const bound = (limit: number | null): number => (limit === null ? Infinity : limit);

export class RunLayout {
  readonly steps: number;
  readonly actionsPerRun: number;
  readonly sourcesPerRun: number;
  /** Per step: SLOT_STEP, TRACE_STEP or LOCAL_STEP. */
  readonly kind: Uint8Array;
  /** Per step: its plan; null for trace and local steps. */
  readonly plans: readonly (SimPlan | null)[];
  /** Per step: index of its environment; -1 for trace and local steps. */
  readonly envOf: Int32Array;
  readonly parents: Int32Array;
  /** Per step: 1 when its sub-parents start warm. */
  readonly warmParents: Uint8Array;
  /** Per step: the first of its actions and of its sources within a run (steps + 1 entries). */
  readonly actionOffset: Int32Array;
  readonly sourceOffset: Int32Array;
  /** Per source of a run: its step and its actions [first, end) within the run. */
  readonly sourceStep: Int32Array;
  readonly sourceFirst: Int32Array;
  readonly sourceEnd: Int32Array;
  /** Per source of a run: 1 when it is a step's only source and has one action (no counters needed: it ends with that action). */
  readonly lone: Uint8Array;
  /** Per action of a run: its source within the run. */
  readonly sourceOfAction: Int32Array;
  /** Per step: each source's in-flight permits, and the running actions each source may have (map, run and queue concurrency). */
  readonly permits: Float64Array;
  readonly cap: Float64Array;
  readonly depCount: Int32Array;
  readonly dependents: readonly Int32Array[];
  /** True when some step has a finite cap (the engine then keeps per-source waiting lists). */
  readonly capped: boolean;

  constructor(w: Workflow, sizing: (step: string) => StepSizing) {
    const n = w.steps.length;
    const envIndex = new Map(w.environments.map((e, i) => [e.name, i]));
    const stepIndex = new Map(w.steps.map((s, i) => [s.name, i]));
    this.steps = n;
    this.kind = new Uint8Array(n);
    this.envOf = new Int32Array(n).fill(-1);
    this.parents = new Int32Array(n);
    this.warmParents = new Uint8Array(n);
    this.actionOffset = new Int32Array(n + 1);
    this.sourceOffset = new Int32Array(n + 1);
    this.permits = new Float64Array(n);
    this.cap = new Float64Array(n);
    this.depCount = new Int32Array(n);
    const plans: (SimPlan | null)[] = [];
    const dependents: number[][] = w.steps.map(() => []);
    let actions = 0;
    let sources = 0;
    for (const [k, step] of w.steps.entries()) {
      this.depCount[k] = step.after.length;
      for (const dep of step.after) dependents[stepIndex.get(dep) ?? 0]?.push(k);
      this.actionOffset[k] = actions;
      this.sourceOffset[k] = sources;
      if (step.kind === 'trace' || step.kind === 'local') {
        this.kind[k] = step.kind === 'trace' ? TRACE_STEP : LOCAL_STEP;
        plans.push(null);
        continue;
      }
      const env = step.environment === null ? undefined : envIndex.get(step.environment);
      if (env === undefined) throw new RangeError(`step ${step.name} has no environment to run in`);
      const plan = planOf(step.scenario, sizing(step.name).batch);
      plans.push(plan);
      this.envOf[k] = env;
      this.parents[k] = Math.max(1, step.parents);
      this.warmParents[k] = subParentsWarm(w, step) ? 1 : 0;
      this.permits[k] = inFlightLimit(step.scenario);
      const run = step.scenario.run;
      this.cap[k] = Math.min(run.mapConcurrency === 0 ? Infinity : run.mapConcurrency, bound(run.maxActionConcurrency), bound(run.queueConcurrency));
      if (!(this.cap[k] > 0)) throw new RangeError(`step ${step.name} allows no action to run: check its concurrency limits`);
      actions += plan.actions;
      sources += this.parents[k] ?? 1;
    }
    this.actionOffset[n] = actions;
    this.sourceOffset[n] = sources;
    this.actionsPerRun = actions;
    this.sourcesPerRun = sources;
    this.plans = plans;
    this.dependents = dependents.map((d) => Int32Array.from(d));
    this.capped = this.cap.some((c) => Number.isFinite(c));
    this.sourceStep = new Int32Array(sources);
    this.sourceFirst = new Int32Array(sources);
    this.sourceEnd = new Int32Array(sources);
    this.sourceOfAction = new Int32Array(actions);
    this.lone = new Uint8Array(sources);
    for (let k = 0; k < n; k++) {
      if (this.kind[k] !== SLOT_STEP) continue;
      // The step's actions split evenly over its sub-parents, in contiguous blocks.
      const first = this.actionOffset[k] ?? 0;
      const count = (plans[k]?.actions ?? 0);
      const p = this.parents[k] ?? 1;
      for (let i = 0; i < p; i++) {
        const s = (this.sourceOffset[k] ?? 0) + i;
        this.sourceStep[s] = k;
        this.sourceFirst[s] = first + Math.floor((i * count) / p);
        this.sourceEnd[s] = first + Math.floor(((i + 1) * count) / p);
        this.sourceOfAction.fill(s, this.sourceFirst[s] ?? 0, this.sourceEnd[s] ?? 0);
        this.lone[s] = p === 1 && (this.sourceEnd[s] ?? 0) - (this.sourceFirst[s] ?? 0) === 1 ? 1 : 0;
      }
    }
  }
}
