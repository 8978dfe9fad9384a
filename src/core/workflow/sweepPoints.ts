// A sweep over a workflow's settings by path: each point's end-to-end latency (mean, p99) and
// cost from its simulated runs, ranked by the objective; a point over the run's hard limit on
// actions is infeasible and ranked last.
import { runStatistics } from './runStatistics.js';
import { stepSizing } from './stepSizing.js';
import type { Objective } from '../sweep/rankSweep.js';
import type { WorkflowPlan } from './planWorkflow.js';
import type { Workflow } from './types.js';

export interface WorkflowPoint {
  parameters: Record<string, string>;
  feasible: boolean;
  actions: number;
  estimateSeconds: number;
  latency: { meanSeconds: number; p99Seconds: number };
  /** Mean cost per run; null without a price on every environment used. */
  cost: number | null;
  billedReplicaSeconds: number;
  rank: number;
}

export function sweepWorkflowPoint(w: Workflow, p: WorkflowPlan, parameters: Record<string, string>, runs: number, seed: number): Omit<WorkflowPoint, 'rank'> {
  // The same seeds at every point: common random numbers, as the scenario sweep.
  const { meanSeconds, p99Seconds, billedReplicaSeconds, cost } = runStatistics(w, stepSizing(p), runs, seed);
  return { parameters, feasible: p.fanout.status !== 'over', actions: p.actions.total, estimateSeconds: p.makespanSeconds, latency: { meanSeconds, p99Seconds }, cost, billedReplicaSeconds };
}

export function rankWorkflowPoints(points: readonly Omit<WorkflowPoint, 'rank'>[], objective: Objective): WorkflowPoint[] {
  const key = (x: Omit<WorkflowPoint, 'rank'>): number => (objective === 'cost' ? (x.cost ?? x.billedReplicaSeconds) : x.latency.meanSeconds);
  const order = points.map((_, i) => i).sort((a, b) => {
    const x = points[a];
    const y = points[b];
    if (!x || !y) return 0;
    if (x.feasible !== y.feasible) return x.feasible ? -1 : 1;
    return key(x) - key(y) || a - b;
  });
  const rank = new Map(order.map((i, r) => [i, r + 1]));
  return points.map((x, i) => ({ ...x, rank: rank.get(i) ?? 0 }));
}
