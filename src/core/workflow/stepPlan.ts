// One step in closed form (docs/model.md, "Workflows"): a map or task step is the plan of its
// scenario (core/plan.ts); sub-parents multiply the parent's in-flight limit and enqueue rate;
// a trace step runs its calls in the parent; a local step is runtime only.
import { CONCURRENCY_LIMITS } from '../concurrency.js';
import { mean } from '../distribution.js';
import type { Phase, Scenario } from '../model.js';
import { overheadMean } from '../overhead.js';
import { plan, type Plan } from '../plan.js';
import type { StepKind, Workflow, WorkflowStep } from './types.js';

export const STEP_BINDINGS = [...CONCURRENCY_LIMITS, 'enqueueRate', 'sharedEnvironment', 'parent'] as const;
export type StepBinding = (typeof STEP_BINDINGS)[number];

export interface StepEstimate {
  name: string;
  kind: StepKind;
  durationSeconds: number;
  /** The step's own actions (batches, the task, or trace records); sub-parents apart. */
  actions: number;
  subParentActions: number;
  batch: number;
  binding: StepBinding;
  /** Mean per-action overhead of the step's actions (0 for local work). */
  overheadSeconds: number;
  /** Seconds the parent (or each sub-parent) spends passing its enqueue token bucket. */
  submitSeconds: number;
  /** The plan of a map or task step; null for trace and local steps. */
  plan: Plan | null;
}

const phaseMean = (p: Phase): number => mean(p.latency);

/**
 * Before a sub-parent submits anything: the driver uploads its inputs and enqueues it, then the
 * sub-parent starts on its environment (t: a pod's cold start, a warm slot's dispatch) and
 * downloads its inputs. Their sizes are not modelled (a list of item references is small).
 */
export function subParentStartSeconds(w: Workflow, step: WorkflowStep): number {
  const s = step.scenario;
  const env = w.environments.find((e) => e.name === step.parentEnvironment);
  const warm = env !== undefined && env.pool.mode === 'reusable' && !env.pool.startCold;
  return phaseMean(s.phases.uploadInputs) + mean(s.phases.enqueue) + mean(warm ? s.phases.dispatch : s.phases.create) + phaseMean(s.phases.downloadInputs);
}

/** After a sub-parent's last child: it uploads its outputs and the driver downloads them. */
export const subParentEndSeconds = (s: Scenario): number => phaseMean(s.phases.uploadOutputs) + phaseMean(s.phases.downloadOutputs);

/**
 * P sub-parents as one fan-out: each has its own 1,000 permits and its own full token bucket
 * of enqueueRate, so the map sees P times both, starting when the sub-parents have started.
 */
export function withSubParents(s: Scenario, parents: number, startSeconds: number): Scenario {
  if (parents <= 1) return s;
  return {
    ...s,
    limits: { ...s.limits, maxChildrenInFlight: s.limits.maxChildrenInFlight * parents, enqueueRatePerSecond: s.limits.enqueueRatePerSecond * parents },
    run: { ...s.run, parentStartSeconds: startSeconds },
  };
}

/** The enqueue-rate wait of A actions over P parents: max(A − P·burst, 0) / (P·rate), burst = max(1, rate). */
export function submitSeconds(actions: number, parents: number, ratePerSecond: number): number {
  const burst = Math.max(1, ratePerSecond);
  return Math.max(actions - parents * burst, 0) / (parents * ratePerSecond);
}

export function estimateStep(w: Workflow, step: WorkflowStep, parents: number = step.parents, queueConcurrency: number | null = null): StepEstimate {
  const s = step.scenario;
  const base = { name: step.name, kind: step.kind, subParentActions: parents > 1 ? parents : 0 };
  if (step.kind === 'local') {
    return { ...base, durationSeconds: s.workload.items * mean(s.workload.itemRuntime), actions: 0, batch: 1, binding: 'parent', overheadSeconds: 0, submitSeconds: 0, plan: null };
  }
  if (step.kind === 'trace') {
    // Each call: u_in + e + runtime + u_out, `traceConcurrency` at a time; a record per call.
    const w0 = s.workload;
    const each = overheadMean(s.phases, 'trace', w0.itemInputBytes, w0.itemOutputBytes);
    const calls = w0.items;
    const durationSeconds = Math.ceil(calls / step.traceConcurrency) * (each + mean(w0.itemRuntime));
    return { ...base, durationSeconds, actions: calls, batch: 1, binding: 'parent', overheadSeconds: each, submitSeconds: 0, plan: null };
  }
  const start = parents > 1 ? subParentStartSeconds(w, step) : 0;
  const shaped = withSubParents(s, parents, start);
  const scenario: Scenario = queueConcurrency === null ? shaped : { ...shaped, run: { ...shaped.run, queueConcurrency: Math.min(queueConcurrency, shaped.run.queueConcurrency ?? Infinity) } };
  const p = plan(scenario);
  const binding: StepBinding = queueConcurrency !== null && p.estimate.binding === 'slots' && p.concurrency.binding === 'queueConcurrency' && queueConcurrency < (shaped.run.queueConcurrency ?? Infinity) ? 'sharedEnvironment' : p.estimate.binding === 'slots' ? p.concurrency.binding : p.estimate.binding === 'inFlight' ? 'childrenInFlight' : 'enqueueRate';
  return {
    ...base,
    durationSeconds: p.estimate.makespanSeconds + (parents > 1 ? subParentEndSeconds(s) : 0),
    actions: p.batch.actions,
    batch: p.batch.size,
    binding,
    overheadSeconds: p.batch.overheadSeconds,
    submitSeconds: submitSeconds(p.batch.actions, parents, s.limits.enqueueRatePerSecond),
    plan: p,
  };
}
