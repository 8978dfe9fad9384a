// The public JSON contract of `plan` on a workflow file (docs/model.md, "Workflows"): per step
// its place in time, actions, batch and binding limit; the critical path; actions for the whole
// run against the limits; the end-to-end estimate. The run-wide paths of a plan keep their
// meaning: `estimate.makespanSeconds` and `fanout.{actions,status}` are the whole run's.
import type { FanoutBand, FanoutStatus } from '../core/fanout.js';
import { SEVERITY_ORDER, type Finding } from '../core/findings.js';
import type { Limits } from '../core/model.js';
import type { StepBinding } from '../core/workflow/stepPlan.js';
import type { WorkflowPlan } from '../core/workflow/planWorkflow.js';
import type { StepKind } from '../core/workflow/types.js';
import type { ReportHeader } from './header.js';

export interface WorkflowStepReport {
  kind: StepKind;
  environment: string | null;
  after: string[];
  parents: number;
  startSeconds: number;
  endSeconds: number;
  durationSeconds: number;
  slackSeconds: number;
  critical: boolean;
  /** The step's own actions: batches, the task, or trace records (sub-parents apart). */
  actions: number;
  subParents: number;
  batch: number;
  binding: StepBinding;
  overheadSeconds: number;
  /** The step's estimate is exact (every input fixed, one limit clearly binding, no sharing). */
  exact: boolean;
  sharedWith: string[];
}

export interface WorkflowPlanReport extends ReportHeader {
  kind: 'workflow';
  steps: Record<string, WorkflowStepReport>;
  criticalPath: string[];
  actions: { total: number; driver: number; subParents: number; steps: number; traceRecords: number };
  fanout: { actions: number; status: FanoutStatus; band: FanoutBand; shareOfLimit: number; limits: { hard: number; recommended: number; targetMin: number; targetMax: number } };
  estimate: { makespanSeconds: number; exact: boolean };
  findings: Finding[];
}

export function workflowPlanReport(header: ReportHeader, p: WorkflowPlan, after: Readonly<Record<string, readonly string[]>>, l: Limits, extra: readonly Finding[] = []): WorkflowPlanReport {
  const steps: Record<string, WorkflowStepReport> = {};
  for (const s of p.steps) {
    steps[s.name] = {
      kind: s.kind,
      environment: s.environment,
      after: [...(after[s.name] ?? [])],
      parents: s.parents,
      startSeconds: s.startSeconds,
      endSeconds: s.endSeconds,
      durationSeconds: s.durationSeconds,
      slackSeconds: s.slackSeconds,
      critical: p.criticalPath.includes(s.name),
      actions: s.actions,
      subParents: s.subParentActions,
      batch: s.batch,
      binding: s.binding,
      overheadSeconds: s.overheadSeconds,
      exact: stepExact(s),
      sharedWith: [...s.sharedWith],
    };
  }
  const exact = p.steps.every(stepExact);
  const findings = [...p.findings, ...extra].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  return {
    ...header,
    kind: 'workflow',
    steps,
    criticalPath: [...p.criticalPath],
    actions: { ...p.actions },
    fanout: { actions: p.fanout.actions, status: p.fanout.status, band: p.fanout.band, shareOfLimit: p.fanout.shareOfLimit, limits: { hard: l.maxActionsPerRun, recommended: l.recommendedActionsPerRun, targetMin: l.targetActionsMin, targetMax: l.targetActionsMax } },
    estimate: { makespanSeconds: p.makespanSeconds, exact },
    findings: findings.map((f) => ({ ...f })),
  };
}

/** Trace and local steps are exact with fixed inputs; a map or task as its plan says; a shared step is an estimate. */
function stepExact(s: WorkflowPlan['steps'][number]): boolean {
  return s.sharedWith.length === 0 && (s.plan === null || s.plan.estimate.exact);
}
