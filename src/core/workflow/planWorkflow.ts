// The closed-form plan of a whole run: each step by core/plan.ts, placed in time by its `after`,
// steps that overlap on one environment given their share of it, the critical path and slack,
// actions counted for the whole run, and findings named by step.
import { checkFanout, type Fanout } from '../fanout.js';
import { finding, SEVERITY_ORDER, type Finding } from '../findings.js';
import { adviseSubParents, named } from './advisor.js';
import { schedule, type Placed } from './schedule.js';
import { sharedCapacity, type Share } from './sharing.js';
import { estimateStep, type StepEstimate } from './stepPlan.js';
import type { Workflow } from './types.js';

export interface StepPlan extends StepEstimate, Placed {
  environment: string | null;
  parents: number;
  /** Steps it shares its environment with while it runs (the estimate gave it a share). */
  sharedWith: string[];
  /** The slots of its share of the environment; null when it has the environment to itself. */
  sharedSlots: number | null;
}

export interface RunActions {
  total: number;
  driver: 1;
  subParents: number;
  /** Batches and tasks of every map and task step. */
  steps: number;
  traceRecords: number;
}

export interface WorkflowPlan {
  steps: StepPlan[];
  criticalPath: string[];
  makespanSeconds: number;
  actions: RunActions;
  fanout: Fanout;
  findings: Finding[];
}

export function planWorkflow(w: Workflow): WorkflowPlan {
  const durations = (es: readonly StepEstimate[]) => w.steps.map((s, i) => ({ name: s.name, after: s.after, durationSeconds: es[i]?.durationSeconds ?? 0 }));
  let estimates = w.steps.map((s) => estimateStep(w, s));
  let placed = schedule(durations(estimates), w.driverStartSeconds);
  // One pass: overlaps found with the unshared durations, then each shared step estimated on its share.
  const shares = sharedCapacity(w, estimates, placed.steps);
  if (shares.size > 0) {
    estimates = w.steps.map((s, i) => {
      const share = shares.get(s.name);
      return share ? estimateStep(w, s, s.parents, share.slots) : (estimates[i] ?? estimateStep(w, s));
    });
    placed = schedule(durations(estimates), w.driverStartSeconds);
  }
  const steps: StepPlan[] = w.steps.map((s, i) => {
    const e = estimates[i] ?? estimateStep(w, s);
    const p = placed.steps[i] ?? { name: s.name, startSeconds: 0, endSeconds: 0, slackSeconds: 0 };
    return { ...e, ...p, environment: s.environment, parents: s.parents, sharedWith: shares.get(s.name)?.with ?? [], sharedSlots: shares.get(s.name)?.slots ?? null };
  });
  const actions = countActions(steps);
  const fanout = checkFanout(actions.total, w.limits);
  const findings = [...runFindings(w, steps, actions, fanout), ...stepFindings(w, steps, shares)];
  return { steps, criticalPath: placed.criticalPath, makespanSeconds: placed.makespanSeconds, actions, fanout, findings: findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]) };
}

function countActions(steps: readonly StepPlan[]): RunActions {
  const sum = (f: (s: StepPlan) => number): number => steps.reduce((t, s) => t + f(s), 0);
  const subParents = sum((s) => s.subParentActions);
  const traceRecords = sum((s) => (s.kind === 'trace' ? s.actions : 0));
  const stepActions = sum((s) => (s.kind === 'map' || s.kind === 'task' ? s.actions : 0));
  return { total: 1 + subParents + stepActions + traceRecords, driver: 1, subParents, steps: stepActions, traceRecords };
}

function runFindings(w: Workflow, steps: readonly StepPlan[], a: RunActions, f: Fanout): Finding[] {
  const l = w.limits;
  const largest = steps.reduce<StepPlan | null>((m, s) => (m === null || s.actions > m.actions ? s : m), null);
  const run = (x: Finding): Finding => ({ ...x, message: `the run: ${x.message}` });
  switch (f.band) {
    case 'overLimit':
      return [finding('runActionsOverLimit', { actions: a.total, limit: l.maxActionsPerRun, step: largest?.name ?? '', stepActions: largest?.actions ?? 0 })];
    case 'aboveRecommended':
      return [run(finding('fanoutAboveRecommended', { actions: a.total, recommended: l.recommendedActionsPerRun }))];
    case 'aboveTarget':
      return [run(finding('fanoutAboveTarget', { actions: a.total, targetMin: l.targetActionsMin, targetMax: l.targetActionsMax }))];
    default:
      return [];
  }
}

/** About the batch size, which a task step (one item, one action) does not choose. */
const BATCH_CODES = ['runtimeUnderFloor', 'overheadRatioLow', 'chosenBelowRecommended', 'waveAligned', 'batchCapped'] as const;

function stepFindings(w: Workflow, steps: readonly StepPlan[], shares: ReadonlyMap<string, Share>): Finding[] {
  const out: Finding[] = [];
  const said = new Set<string>();
  for (const [i, s] of steps.entries()) {
    const step = w.steps[i];
    if (!step) continue;
    // A step's own fan-out findings count its actions alone; the run-wide count is said once above.
    for (const f of s.plan?.findings ?? []) if (!f.code.startsWith('fanout') && !(s.kind === 'task' && BATCH_CODES.some((c) => c === f.code))) out.push(named(s.name, f));
    const share = shares.get(s.name);
    const advice = adviseSubParents(w, step, s, share?.slots ?? null);
    if (advice) out.push(advice);
    if (share && step.environment !== null) {
      const group = [s.name, ...share.with].sort().join(', ');
      const env = w.environments.find((e) => e.name === step.environment);
      const capacity = env ? (env.pool.mode === 'reusable' ? env.pool.maxReplicas * env.pool.concurrency : (env.pool.clusterSlots ?? 0)) : 0;
      if (!said.has(group)) out.push(finding('environmentShared', { environment: step.environment, steps: group, slots: share.slots, capacity }));
      said.add(group);
    }
  }
  return out;
}
