// flyscale simulate: replications of the discrete-event model of a run (MODEL §6).
import { deriveSeed } from '../../core/random.js';
import { simulateReplication } from '../../core/sim/replication.js';
import { summarize } from '../../core/sim/summarize.js';
import { RENDERERS } from '../../render/registry.js';
import { simulateDoc } from '../../render/simulateDoc.js';
import { simulationBlock, type SimulateReport, type Stopping } from '../../report/simulateReport.js';
import { exitCodeFor } from '../exitCode.js';
import { header } from '../planContext.js';
import { planFromOptions } from '../planContext.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { replicateUntilSettled, type Settled } from '../settledRuns.js';
import { simulationOptions, type SimulationOptions } from '../simulation.js';

export async function runSimulate(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  // Replications until the mean makespan is settled, unless --runs gives a count.
  const sim = simulationOptions(options, 'auto');
  const { loaded, result, report: planned } = planFromOptions('simulate', scenarioPath, options, term);
  const batchSize = result.batch.size;
  const settled = await replicateUntilSettled(loaded.scenario, batchSize, sim, term);
  const reps = settled.replications;
  // Replication 0 again, with its timeline: same seed, so the same run.
  const timeline = options.timeline === true ? simulateReplication(loaded.scenario, batchSize, deriveSeed(sim.seed, 0), { timeline: {} }).timeline : undefined;
  // The plan's findings come along: a fan-out over the limit fails here as it does in plan.
  const report: SimulateReport = { ...header('simulate', loaded), ...simulationBlock(reps, summarize(reps), sim.seed, result.estimate.makespanSeconds, timeline, stoppingOf(sim, settled)), findings: planned.findings };
  return { stdout: await RENDERERS[format](report, () => simulateDoc(report, term.width), term), exitCode: exitCodeFor(report.findings) };
}

function stoppingOf(sim: SimulationOptions, settled: Settled): Stopping {
  return {
    rule: sim.auto ? 'auto' : 'fixed',
    reason: settled.reason,
    precision: sim.auto?.precision ?? null,
    maxRuns: sim.auto?.maxRuns ?? null,
    relativeHalfWidth: settled.relativeHalfWidth,
  };
}
