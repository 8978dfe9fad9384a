// The simulated metrics of a workflow a budget may assert on (docs/check.md, "Workflow files"):
// the end-to-end latency by the name the issue gives it (`latency.*`) or by its path in the
// simulate report (`makespan.*`), each step's simulated start and end, and the run's cost,
// replica-seconds and cold starts summed over its environments, each read off one replication
// of the whole run and taken over the replications as a scenario's are (observe.ts).
import type { RunReplication } from '../sim/workflow/composeRun.js';
import type { SimulatedMetric, Statistic } from './observe.js';

const LATENCY_STATISTICS = new Map<string, Statistic>([
  ['meanSeconds', { kind: 'mean' }],
  ['stddevSeconds', { kind: 'stddev' }],
  ['p5Seconds', { kind: 'quantile', p: 0.05 }],
  ['p50Seconds', { kind: 'quantile', p: 0.5 }],
  ['p95Seconds', { kind: 'quantile', p: 0.95 }],
  ['p99Seconds', { kind: 'quantile', p: 0.99 }],
]);

type EnvironmentRun = RunReplication['environments'][string];

/** Σ over the run's environments; NaN when none has a value (a cost without any price). */
const overEnvironments =
  (value: (e: EnvironmentRun) => number | null) =>
  (r: RunReplication): number => {
    let total: number | null = null;
    for (const e of Object.values(r.environments)) {
      const v = value(e);
      if (v !== null) total = (total ?? 0) + v;
    }
    return total ?? Number.NaN;
  };

const RUN_MEANS = new Map<string, (r: RunReplication) => number>([
  ['cost.mean', overEnvironments((e) => e.cost)],
  ['replicaSeconds.busy.mean', overEnvironments((e) => e.busyReplicaSeconds)],
  ['replicaSeconds.billed.mean', overEnvironments((e) => e.billedReplicaSeconds)],
  ['coldStarts.mean', overEnvironments((e) => e.coldStarts)],
]);

/** Paths of the run as a whole, for validation and the docs (steps.<name>.{start,end}.meanSeconds besides). */
export const WORKFLOW_SIMULATE_METRICS: readonly string[] = [...['latency', 'makespan'].flatMap((root) => [...LATENCY_STATISTICS.keys()].map((s) => `${root}.${s}`)), ...RUN_MEANS.keys()];

const STEP = /^steps\.([^.]+)\.(start|end)\.meanSeconds$/;

export const isWorkflowSimulateMetric = (metric: string): boolean => WORKFLOW_SIMULATE_METRICS.includes(metric) || STEP.test(metric);

/** A workflow's simulated metric by path; undefined for a path that is not one. A step the run lacks reads NaN (no value). */
export function workflowMetric(metric: string): SimulatedMetric<RunReplication> | undefined {
  const [root = '', leaf = ''] = metric.split('.');
  const latency = (root === 'latency' || root === 'makespan') && metric === `${root}.${leaf}` ? LATENCY_STATISTICS.get(leaf) : undefined;
  if (latency) return { pick: (r) => r.makespanSeconds, statistic: latency };
  const run = RUN_MEANS.get(metric);
  if (run) return { pick: run, statistic: { kind: 'mean' } };
  const step = STEP.exec(metric);
  if (!step) return undefined;
  const [, name = '', edge] = step;
  return { pick: (r) => (edge === 'start' ? r.steps[name]?.startSeconds : r.steps[name]?.endSeconds) ?? Number.NaN, statistic: { kind: 'mean' } };
}
