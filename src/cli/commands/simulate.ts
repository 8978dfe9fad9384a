// flyscale simulate: replications of the discrete-event model of a run (MODEL §6).
import { headerOf } from '../../app/header.js';
import { deriveSeed } from '../../core/random.js';
import { simulateReplication } from '../../core/sim/replication.js';
import { summarize } from '../../core/sim/summarize.js';
import { REPORT_FORMATS } from '../../render/formats.js';
import { simulateDoc } from '../../render/simulateDoc.js';
import { simulationBlock, type SimulateReport } from '../../report/simulateReport.js';
import { verdictOf } from '../exitCode.js';
import type { SimulateOptions } from '../options.js';
import { planFromOptions } from '../planContext.js';
import { output } from '../output.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { replicateUntilSettled, stoppingOf } from '../settledRuns.js';
import { simulationOptions } from '../simulation.js';
import { workflowFromOptions } from '../workflowPlan.js';
import { workflowSimulateDoc } from '../../render/workflowSimulateDoc.js';

export async function runSimulate(scenarioPath: string | undefined, options: SimulateOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  // Replications until the mean makespan is settled, unless --runs gives a count.
  const sim = simulationOptions(options, 'auto');
  const workflow = workflowFromOptions('simulate', scenarioPath, options, term);
  if (workflow !== null) {
    const { simulateWorkflow } = await import('../workflowSimulate.js');
    const r = simulateWorkflow(workflow, sim, options.timeline === true, term);
    return { stdout: await output(format, r, () => workflowSimulateDoc(r, term.width), term, options.out), verdict: verdictOf(r.findings) };
  }
  const { loaded, result, report: planned } = await planFromOptions('simulate', scenarioPath, options, term);
  const batchSize = result.batch.size;
  const settled = await replicateUntilSettled(loaded.scenario, batchSize, sim, term);
  const reps = settled.replications;
  // Replication 0 again, with its timeline: same seed, so the same run.
  const timeline = options.timeline === true ? simulateReplication(loaded.scenario, batchSize, deriveSeed(sim.seed, 0), { timeline: {} }).timeline : undefined;
  // The plan's findings come along: a fan-out over the limit fails here as it does in plan.
  const report: SimulateReport = { ...headerOf('simulate', loaded), ...simulationBlock(reps, summarize(reps), sim.seed, result.estimate.makespanSeconds, timeline, stoppingOf(sim, settled)), findings: planned.findings };
  return { stdout: await output(format, report, () => simulateDoc(report, term.width), term, options.out), verdict: verdictOf(report.findings) };
}

