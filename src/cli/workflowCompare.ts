// plan --compare on a workflow: the patterns of its steps compared by simulation.
import { workflowHeaderOf } from '../app/header.js';
import { comparePatterns } from '../core/workflow/patterns.js';
import { stepSizing } from '../core/workflow/stepSizing.js';
import { workflowCompareReport, type WorkflowCompareReport } from '../report/workflowCompareReport.js';
import type { PlanOptions } from './options.js';
import { simulationOptions } from './simulation.js';
import type { PlannedWorkflow } from './workflowPlan.js';
import { assertRunSize } from './runSizeCheck.js';

/** Replications of each comparison unless --runs says: enough for a p99 of 2 in the tail. */
const COMPARE_RUNS = 200;

export function compareWorkflow(planned: PlannedWorkflow, options: PlanOptions): WorkflowCompareReport {
  const sim = simulationOptions(options, COMPARE_RUNS);
  const { result } = planned;
  assertRunSize(planned.loaded.workflow, stepSizing(result), null, sim.runs);
  const c = comparePatterns(planned.loaded.workflow, stepSizing(result), sim.runs, sim.seed);
  return workflowCompareReport(workflowHeaderOf('plan', planned.loaded), c, []);
}
