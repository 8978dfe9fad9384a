// flyscale simulate: replications of the discrete-event model of a run (MODEL §6).
import { deriveSeed } from '../../core/random.js';
import { simulateReplication } from '../../core/sim/replication.js';
import { summarize } from '../../core/sim/summarize.js';
import { simulateDoc } from '../../render/simulateDoc.js';
import { simulationBlock, type SimulateReport } from '../../report/simulateReport.js';
import { exitCodeFor } from '../exitCode.js';
import { header } from '../planContext.js';
import { planFromOptions } from '../planContext.js';
import { output } from '../output.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { replicate, simulationOptions } from '../simulation.js';

export async function runSimulate(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const sim = simulationOptions(options);
  const { loaded, result, report: planned } = planFromOptions('simulate', scenarioPath, options, term);
  const batchSize = result.batch.size;
  const reps = await replicate(loaded.scenario, batchSize, sim, term);
  // Replication 0 again, with its timeline: same seed, so the same run.
  const timeline = options.timeline === true ? simulateReplication(loaded.scenario, batchSize, deriveSeed(sim.seed, 0), { timeline: {} }).timeline : undefined;
  // The plan's findings come along: a fan-out over the limit fails here as it does in plan.
  const report: SimulateReport = { ...header('simulate', loaded), ...simulationBlock(reps, summarize(reps), sim.seed, result.estimate.makespanSeconds, timeline), findings: planned.findings };
  return { stdout: await output(format, report, () => simulateDoc(report, term.width), term, options), exitCode: exitCodeFor(report.findings) };
}
