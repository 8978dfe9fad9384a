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
import { assertRunSize } from './runSizeCheck.js';

type Progress = Terminal['progress'];

/** Replications [from, to) of a planned run, replication r with deriveSeed(seed, r); progress counts against `of`. */
export function workflowReplications(w: Workflow, plan: WorkflowPlan, seed: number, range: { from: number; to: number; of: number }, progress: Progress, label = 'simulating'): RunReplication[] {
  const sizing = stepSizing(plan);
  const reps: RunReplication[] = [];
  for (let r = range.from; r < range.to; r++) {
    reps.push(simulateRun(w, sizing, deriveSeed(seed, r)));
    progress(label, r + 1, range.of);
  }
  return reps;
}

/** The replications of a planned workflow, a fixed count or until settled; the same seed stops at the same count. */
export function replicateWorkflow(w: Workflow, plan: WorkflowPlan, sim: SimulationOptions, progress: Progress): Settled<RunReplication> {
  const reps: RunReplication[] = [];
  const target = sim.auto;
  if (target === null) {
    reps.push(...workflowReplications(w, plan, sim.seed, { from: 0, to: sim.runs, of: sim.runs }, progress));
    return { replications: reps, reason: 'fixed', relativeHalfWidth: null };
  }
  for (;;) {
    const next = nextRuns(reps.map((r) => r.makespanSeconds), target);
    if (next.done) return { replications: reps, reason: next.reason, relativeHalfWidth: next.relativeHalfWidth };
    reps.push(...workflowReplications(w, plan, sim.seed, { from: reps.length, to: next.runs, of: target.maxRuns }, progress));
  }
}

export function simulateWorkflow(planned: PlannedWorkflow, sim: SimulationOptions, timeline: boolean, term: Terminal): WorkflowSimulateReport {
  const { loaded, result } = planned;
  assertRunSize(loaded.workflow, stepSizing(result), null, sim.runs);
  const settled = replicateWorkflow(loaded.workflow, result, sim, term.progress);
  const reps = settled.replications;
  const first = reps[0];
  const gantt = timeline && first ? loaded.workflow.steps.map((s) => ({ name: s.name, startSeconds: first.steps[s.name]?.startSeconds ?? 0, endSeconds: first.steps[s.name]?.endSeconds ?? 0 })) : undefined;
  return workflowSimulateReport(workflowHeaderOf('simulate', loaded), summarizeRuns(reps), sim.seed, result, planned.report.findings, stoppingOf(sim, settled), gantt);
}
