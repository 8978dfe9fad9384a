// simulate on a workflow file: replications of the whole run, one after another in this
// process (each step of each replication has its own derived seed, so the count of workers
// could never change the result), summarised and reported. With --runs auto (the default)
// they run in the batches of core/sim/stopping.ts until the mean end-to-end latency is settled
// or --max-runs, as a scenario's do.
import { deriveSeed } from '../core/random.js';
import { nextRuns } from '../core/sim/stopping.js';
import { simulateRun, type RunReplication } from '../core/sim/workflow/composeRun.js';
import { summarizeRuns } from '../core/sim/workflow/summarizeRuns.js';
import type { WorkflowPlan } from '../core/workflow/planWorkflow.js';
import { stepSizing } from '../core/workflow/stepSizing.js';
import type { Workflow } from '../core/workflow/types.js';
import { workflowHeaderOf } from '../app/header.js';
import { workflowSimulateReport, type WorkflowSimulateReport } from '../report/workflowSimulateReport.js';
import type { Terminal } from './result.js';
import { stoppingOf, type Settled } from './settledRuns.js';
import type { SimulationOptions } from './simulation.js';
import type { PlannedWorkflow } from './workflowPlan.js';

type Progress = Terminal['progress'];

/** Replications [reps.length, to) appended to reps, with progress against `of`. */
function runMore(w: Workflow, plan: WorkflowPlan, seed: number, reps: RunReplication[], to: number, of: number, progress: Progress): void {
  const sizing = stepSizing(plan);
  for (let r = reps.length; r < to; r++) {
    reps.push(simulateRun(w, sizing, deriveSeed(seed, r)));
    progress('simulating', r + 1, of);
  }
}

/** The replications of a planned workflow, a fixed count or until settled; the same seed stops at the same count. */
export function replicateWorkflow(w: Workflow, plan: WorkflowPlan, sim: SimulationOptions, progress: Progress): Settled<RunReplication> {
  const reps: RunReplication[] = [];
  const target = sim.auto;
  if (target === null) {
    runMore(w, plan, sim.seed, reps, sim.runs, sim.runs, progress);
    return { replications: reps, reason: 'fixed', relativeHalfWidth: null };
  }
  for (;;) {
    const next = nextRuns(reps.map((r) => r.makespanSeconds), target);
    if (next.done) return { replications: reps, reason: next.reason, relativeHalfWidth: next.relativeHalfWidth };
    runMore(w, plan, sim.seed, reps, next.runs, target.maxRuns, progress);
  }
}

export function simulateWorkflow(planned: PlannedWorkflow, sim: SimulationOptions, timeline: boolean, term: Terminal): WorkflowSimulateReport {
  const { loaded, result } = planned;
  const settled = replicateWorkflow(loaded.workflow, result, sim, term.progress);
  const reps = settled.replications;
  const first = reps[0];
  const gantt = timeline && first ? loaded.workflow.steps.map((s) => ({ name: s.name, startSeconds: first.steps[s.name]?.startSeconds ?? 0, endSeconds: first.steps[s.name]?.endSeconds ?? 0 })) : undefined;
  return workflowSimulateReport(workflowHeaderOf('simulate', loaded), summarizeRuns(reps), sim.seed, result, planned.report.findings, stoppingOf(sim, settled), gantt);
}
