// The latency half of Flyte's scaling guide (docs/model.md, "Patterns compared"): each task,
// trace or local step of a run tried as a task on pods, a task on a warm reusable pool, a trace
// and local work; the run's end-to-end p50/p99 and cost for each choice made everywhere, and
// for the best choice per step, with the reason. Simulated: tails need the draws.
import { formatSeconds as fmt } from '../units.js';
import type { Pool } from '../model.js';
import type { StepSizing } from '../sim/workflow/composeRun.js';
import { runStatistics } from './runStatistics.js';
import type { Workflow, WorkflowEnvironment, WorkflowStep } from './types.js';

export const STEP_PATTERNS = ['pods', 'warm', 'trace', 'local'] as const;
export type StepPattern = (typeof STEP_PATTERNS)[number];

export interface PatternOutcome {
  p50Seconds: number;
  p99Seconds: number;
  meanSeconds: number;
  /** Billed replica-seconds of the environments the steps ran on, per run. */
  billedReplicaSeconds: number;
  /** With a price: the cost per run; null without one. */
  cost: number | null;
}

export interface StepChoice {
  step: string;
  chosen: StepPattern;
  /** The step alone under each pattern: its p99 duration. */
  p99Seconds: Record<StepPattern, number>;
  reason: string;
}

export interface PatternComparison {
  runs: number;
  seed: number;
  /** The steps compared (tasks, traces and local work; maps keep their own). */
  steps: string[];
  everywhere: Record<StepPattern, PatternOutcome>;
  best: PatternOutcome & { choices: StepChoice[] };
}

const comparable = (s: WorkflowStep): boolean => s.kind !== 'map';

const byPattern = <T>(f: (p: StepPattern) => T): Record<StepPattern, T> => ({ pods: f('pods'), warm: f('warm'), trace: f('trace'), local: f('local') });

const PODS: Pool = { mode: 'pod', clusterSlots: null };
/** One warm replica kept for the step: ReusePolicy(replicas=1), TTLs at Flyte's minimum. */
const WARM: Pool = { mode: 'reusable', minReplicas: 1, maxReplicas: 1, concurrency: 1, scaledownTtlSeconds: 30, idleTtlSeconds: 30, startCold: false, replicaCpus: null, actionCpu: null };

function as(step: WorkflowStep, pattern: StepPattern): { step: WorkflowStep; env: WorkflowEnvironment | null } {
  const s = step.scenario;
  const price = s.pricing;
  if (pattern === 'trace' || pattern === 'local') {
    return { step: { ...step, kind: pattern, environment: null, traceConcurrency: 1, scenario: { ...s, workload: { ...s.workload, pattern: 'trace' } } }, env: null };
  }
  const pool = pattern === 'pods' ? PODS : WARM;
  const name = `${step.name} (${pattern})`;
  return { step: { ...step, kind: 'task', environment: name, scenario: { ...s, pool, workload: { ...s.workload, pattern: 'task' } } }, env: { name, pool, pricing: price } };
}

function withPatterns(w: Workflow, pick: (step: WorkflowStep) => StepPattern | null): Workflow {
  const envs: WorkflowEnvironment[] = [...w.environments];
  const steps = w.steps.map((s) => {
    const p = comparable(s) ? pick(s) : null;
    if (p === null) return s;
    const r = as(s, p);
    if (r.env) envs.push(r.env);
    return r.step;
  });
  return { ...w, steps, environments: envs };
}

function outcome(w: Workflow, sizing: (step: string) => StepSizing, runs: number, seed: number): PatternOutcome {
  const { p50Seconds, p99Seconds, meanSeconds, billedReplicaSeconds, cost } = runStatistics(w, sizing, runs, seed);
  return { p50Seconds, p99Seconds, meanSeconds, billedReplicaSeconds, cost };
}

export function comparePatterns(w: Workflow, sizing: (step: string) => StepSizing, runs: number, seed: number): PatternComparison {
  const compared = w.steps.filter(comparable);
  const everywhere = byPattern((p) => outcome(withPatterns(w, () => p), sizing, runs, seed));
  const choices = compared.map((s) => chooseFor(w, s, runs, seed));
  const chosen = new Map(choices.map((c) => [c.step, c.chosen]));
  const best = outcome(withPatterns(w, (s) => chosen.get(s.name) ?? null), sizing, runs, seed);
  return { runs, seed, steps: compared.map((s) => s.name), everywhere, best: { ...best, choices } };
}

function chooseFor(w: Workflow, step: WorkflowStep, runs: number, seed: number): StepChoice {
  const alone = (p: StepPattern): number => {
    const r = as({ ...step, after: [] }, p);
    const one: Workflow = { ...w, driverStartSeconds: 0, steps: [r.step], environments: r.env ? [r.env] : [] };
    return outcome(one, () => ({ batch: 1, sharedSlots: null }), runs, seed).p99Seconds;
  };
  const p99 = byPattern(alone);
  // Only patterns that keep a checkpoint are chosen (a task or a trace records its outputs, so a
  // retry resumes there); local work is shown beside them, and said when it would be faster.
  const chosen = (['pods', 'warm', 'trace'] as const).reduce((a, b) => (p99[b] < p99[a] ? b : a));
  const others = (['pods', 'warm', 'trace'] as const).filter((p) => p !== chosen);
  const slowest = others.reduce((a, b) => (p99[b] > p99[a] ? b : a));
  const why =
    chosen === 'trace'
      ? `a trace cuts its p99 from ${fmt(p99[slowest])} (${slowest}) to ${fmt(p99.trace)}: no container to start, checkpoint kept; it shares the parent's CPU`
      : chosen === 'warm'
        ? `a warm reusable container cuts its p99 from ${fmt(p99[slowest])} (${slowest}) to ${fmt(p99.warm)}: no start-up, its own container, checkpoint kept`
        : `a pod per task is the fastest here (p99 ${fmt(p99.pods)})`;
  const local = p99.local < p99[chosen] ? `; local work would take ${fmt(p99.local)} but keeps no checkpoint (a retry repeats the parent's work)` : '';
  const reason = why + local;
  return { step: step.name, chosen, p99Seconds: p99, reason };
}
