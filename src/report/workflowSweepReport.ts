// The public JSON contract of `sweep` on a workflow file: each point's settings by path, its
// end-to-end latency (mean, p99), cost and run-wide actions, and its rank by the objective.
import type { WorkflowPoint } from '../core/workflow/sweepPoints.js';
import type { Objective } from '../core/sweep/rankSweep.js';
import type { ReportHeader } from './header.js';

export interface WorkflowSweepReport extends ReportHeader {
  kind: 'workflowSweep';
  objective: Objective;
  runs: number;
  seed: number;
  axes: { path: string; values: string[] }[];
  points: WorkflowPoint[];
}
