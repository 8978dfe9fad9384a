// A workflow file given to plan: load it, plan the whole run, build its report.
import { workflowHeaderOf } from '../app/header.js';
import { loadWorkflowFile, type LoadedWorkflow } from '../config/workflow.js';
import { planWorkflow, type WorkflowPlan } from '../core/workflow/planWorkflow.js';
import type { ReportCommand } from '../report/header.js';
import { workflowPlanReport, type WorkflowPlanReport } from '../report/workflowPlanReport.js';
import type { ScenarioOptions } from './options.js';
import type { Terminal } from './result.js';
import { fieldFlags } from './scenarioOptions.js';
import { arrivalFlags } from '../config/arrivalsKeys.js';
import { streamPlanFindings } from '../core/stream/streamPlanFindings.js';

export interface PlannedWorkflow {
  loaded: LoadedWorkflow;
  result: WorkflowPlan;
  report: WorkflowPlanReport;
}

/** null when the file is a plain scenario, which the scenario path reads as before. */
export function workflowFromOptions(command: ReportCommand, path: string | undefined, options: ScenarioOptions, term: Terminal): PlannedWorkflow | null {
  // Standard input is read as a scenario (the scenario path reads it once).
  if (path === undefined || path === '-') return null;
  const loaded = loadWorkflowFile(path, options.profile, fieldFlags(options), term.cwd, arrivalFlags(options));
  if (loaded === null) return null;
  const result = planWorkflow(loaded.workflow);
  const after = Object.fromEntries(loaded.workflow.steps.map((s) => [s.name, s.after]));
  // plan on a stream: its offered load in closed form (simulate reports the stream itself).
  const stream = command === 'plan' && loaded.arrivals !== null ? streamPlanFindings(loaded.workflow, (name) => result.steps.find((s) => s.name === name)?.batch ?? 1, loaded.arrivals) : [];
  return { loaded, result, report: workflowPlanReport(workflowHeaderOf(command, loaded), result, after, loaded.workflow.limits, [...loaded.findings, ...stream]) };
}
