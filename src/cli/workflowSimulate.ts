// simulate on a workflow file: replications of the whole run, one after another in this
// process (each step of each replication has its own derived seed, so the count of workers
// could never change the result), summarised and reported.
import { InputError } from '../config/errors.js';
import { deriveSeed } from '../core/random.js';
import { simulateRun, type RunReplication } from '../core/sim/workflow/composeRun.js';
import { summarizeRuns } from '../core/sim/workflow/summarizeRuns.js';
import { stepSizing } from '../core/workflow/stepSizing.js';
import { workflowHeaderOf } from '../app/header.js';
import { workflowSimulateReport, type WorkflowSimulateReport } from '../report/workflowSimulateReport.js';
import type { Terminal } from './result.js';
import type { SimulationOptions } from './simulation.js';
import type { PlannedWorkflow } from './workflowPlan.js';

export function simulateWorkflow(planned: PlannedWorkflow, sim: SimulationOptions, timeline: boolean, term: Terminal): WorkflowSimulateReport {
  if (sim.auto !== null) throw new InputError([{ source: '--runs', path: '', problem: '--runs auto does not apply to a workflow file yet', fix: 'give a count, e.g. --runs 100' }]);
  const { loaded, result } = planned;
  const sizing = stepSizing(result);
  const reps: RunReplication[] = [];
  for (let r = 0; r < sim.runs; r++) {
    reps.push(simulateRun(loaded.workflow, sizing, deriveSeed(sim.seed, r)));
    term.progress('simulating', r + 1, sim.runs);
  }
  const first = reps[0];
  const gantt = timeline && first ? loaded.workflow.steps.map((s) => ({ name: s.name, startSeconds: first.steps[s.name]?.startSeconds ?? 0, endSeconds: first.steps[s.name]?.endSeconds ?? 0 })) : undefined;
  return workflowSimulateReport(workflowHeaderOf('simulate', loaded), summarizeRuns(reps), sim.seed, result, planned.report.findings, gantt);
}
