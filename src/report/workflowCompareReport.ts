// The public JSON contract of `plan --compare` on a workflow: the run's end-to-end p50/p99 and
// cost with each pattern used for every compared step, and with the best per step, with reasons.
import type { Finding } from '../core/findings.js';
import type { PatternComparison, PatternOutcome, StepChoice, StepPattern } from '../core/workflow/patterns.js';
import type { ReportHeader } from './header.js';

export interface WorkflowCompareReport extends ReportHeader {
  kind: 'workflowCompare';
  runs: number;
  seed: number;
  /** The steps compared: tasks, traces and local work (maps keep their own). */
  compared: string[];
  patterns: Record<StepPattern, PatternOutcome>;
  best: PatternOutcome & { choices: StepChoice[] };
  findings: Finding[];
}

export function workflowCompareReport(header: ReportHeader, c: PatternComparison, findings: readonly Finding[]): WorkflowCompareReport {
  return { ...header, kind: 'workflowCompare', runs: c.runs, seed: c.seed, compared: [...c.steps], patterns: structuredClone(c.everywhere), best: structuredClone(c.best), findings: findings.map((f) => ({ ...f })) };
}
