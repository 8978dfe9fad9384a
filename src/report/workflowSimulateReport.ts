// The public JSON contract of `simulate` on a workflow file: `makespan.*` is the end-to-end
// latency of the run (with p99), `steps.<name>.{start,end}.meanSeconds` with their 95% CIs beside
// the closed form, each environment's utilisation, cold starts, replica-seconds and cost.
import type { Finding } from '../core/findings.js';
import type { Spread } from '../core/sim/types.js';
import type { RunSummary } from '../core/sim/workflow/summarizeRuns.js';
import type { WorkflowPlan } from '../core/workflow/planWorkflow.js';
import type { ReportHeader } from './header.js';
import type { Stopping } from './simulateReport.js';

export interface SpreadSeconds {
  meanSeconds: number;
  ci95Seconds: [number, number];
}

export interface WorkflowSimulateReport extends ReportHeader {
  kind: 'workflow';
  runs: number;
  /** How many runs were made and why they stopped (`--runs auto`: the mean end-to-end latency settled, or --max-runs). */
  stopping: Stopping;
  seed: number;
  makespan: { meanSeconds: number; stddevSeconds: number; ci95Seconds: [number, number]; p5Seconds: number; p50Seconds: number; p95Seconds: number; p99Seconds: number };
  estimate: { makespanSeconds: number };
  /** The closed form's critical path (step names in order), as `plan` reports it. */
  criticalPath: string[];
  steps: Record<string, { start: SpreadSeconds; end: SpreadSeconds; estimate: { startSeconds: number; endSeconds: number } }>;
  environments: Record<string, { utilization: number; coldStarts: number; replicaSeconds: { busy: number; billed: number }; cost: number | null }>;
  cost: number | null;
  /** With --timeline: replication 1's steps in time. */
  gantt?: { name: string; startSeconds: number; endSeconds: number }[];
  findings: Finding[];
}

const seconds = (s: Spread): SpreadSeconds => ({ meanSeconds: s.mean, ci95Seconds: [s.ci95[0], s.ci95[1]] });

export function workflowSimulateReport(header: ReportHeader, summary: RunSummary, seed: number, plan: WorkflowPlan, findings: readonly Finding[], stopping: Stopping, gantt?: WorkflowSimulateReport['gantt']): WorkflowSimulateReport {
  const l = summary.latency;
  const steps: WorkflowSimulateReport['steps'] = {};
  for (const p of plan.steps) {
    const s = summary.steps[p.name];
    if (s) steps[p.name] = { start: seconds(s.start), end: seconds(s.end), estimate: { startSeconds: p.startSeconds, endSeconds: p.endSeconds } };
  }
  return {
    ...header,
    kind: 'workflow',
    runs: summary.runs,
    stopping: { ...stopping },
    seed,
    makespan: { meanSeconds: l.mean, stddevSeconds: l.stddev, ci95Seconds: [l.ci95[0], l.ci95[1]], p5Seconds: l.p5, p50Seconds: l.p50, p95Seconds: l.p95, p99Seconds: l.p99 },
    estimate: { makespanSeconds: plan.makespanSeconds },
    criticalPath: [...plan.criticalPath],
    steps,
    environments: structuredClone(summary.environments),
    cost: summary.cost,
    ...(gantt ? { gantt } : {}),
    findings: findings.map((f) => ({ ...f })),
  };
}
