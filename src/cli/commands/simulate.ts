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
import { simulationOptions, workersHaveNoEffect } from '../simulation.js';
import { workflowFromOptions } from '../workflowPlan.js';
import { workflowSimulateDoc } from '../../render/workflowSimulateDoc.js';
import { streamSimulateDoc } from '../../render/streamSimulateDoc.js';
import type { StreamInput } from '../streamSimulate.js';
import type { ReportFormat } from '../../render/formats.js';
import { InputError } from '../../config/errors.js';
import { parseDuration } from '../../core/units.js';

/** Worker threads run a scenario's replications; a workflow's and a stream's run in this process, whatever --workers says. */
const workersNote = (options: SimulateOptions, what: string): Pick<CommandResult, 'stderr'> => (options.workers === undefined ? {} : { stderr: `${workersHaveNoEffect(what)}\n` });

export async function runSimulate(scenarioPath: string | undefined, options: SimulateOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  const workflow = workflowFromOptions('simulate', scenarioPath, options, term);
  if (workflow !== null && workflow.loaded.arrivals !== null) {
    const { streamOfWorkflow } = await import('../streamSimulate.js');
    return { ...(await simulateStream(streamOfWorkflow(workflow.loaded, workflow.loaded.arrivals), options, format, term)), ...workersNote(options, 'a stream of runs') };
  }
  // Replications until the mean makespan is settled, unless --runs gives a count.
  const sim = simulationOptions(options, 'auto');
  const notStream = (): InputError => new InputError([{ source: '--p99', path: '', problem: '--p99 sizes a pool for a stream of runs, and this file has no arrivals', fix: 'add arrivals: { rate: 3/s, duration: 1h } to the file, or --rate 3/s --stream-duration 1h' }]);
  if (options.p99 !== undefined && (workflow !== null || scenarioPath === '-')) throw notStream();
  if (workflow !== null) {
    const { simulateWorkflow } = await import('../workflowSimulate.js');
    const r = simulateWorkflow(workflow, sim, options.timeline === true, term);
    return { stdout: await output(format, r, () => workflowSimulateDoc(r, term.width), term, options.out), verdict: verdictOf(r.findings), ...workersNote(options, 'a workflow') };
  }
  const { loaded, result, report: planned } = await planFromOptions('simulate', scenarioPath, options, term);
  if (loaded.arrivals === null && options.p99 !== undefined) throw notStream();
  if (loaded.arrivals !== null) {
    const { streamOfScenario } = await import('../streamSimulate.js');
    return { ...(await simulateStream({ ...streamOfScenario(loaded, loaded.arrivals), findings: planned.findings }, options, format, term)), ...workersNote(options, 'a stream of runs') };
  }
  const batchSize = result.batch.size;
  const settled = await replicateUntilSettled(loaded.scenario, batchSize, sim, term);
  const reps = settled.replications;
  // Replication 0 again, with its timeline: same seed, so the same run.
  const timeline = options.timeline === true ? simulateReplication(loaded.scenario, batchSize, deriveSeed(sim.seed, 0), { timeline: {} }).timeline : undefined;
  // The plan's findings come along: a fan-out over the limit fails here as it does in plan.
  const report: SimulateReport = { ...headerOf('simulate', loaded), ...simulationBlock(reps, summarize(reps), sim.seed, result.estimate.makespanSeconds, timeline, stoppingOf(sim, settled)), findings: planned.findings };
  return { stdout: await output(format, report, () => simulateDoc(report, term.width), term, options.out), verdict: verdictOf(report.findings) };
}


/** `--p99 2s`: a duration above 0. */
function p99Target(raw: string): number {
  // A bare number is a duration without its unit, and is told so.
  const d = parseDuration(/^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : raw);
  if (!d.ok || !(d.value > 0)) throw new InputError([{ source: '--p99', path: '', problem: d.ok ? `"${raw}" is no time at all` : d.problem, fix: d.ok ? 'write the p99 latency to stay under, e.g. --p99 2s' : d.fix }]);
  return d.value;
}

/** A stream of runs: R replications of the whole stream (10 unless --runs says). */
async function simulateStream(input: StreamInput, options: SimulateOptions, format: ReportFormat, term: Terminal): Promise<CommandResult> {
  const { simulateStreamCommand, DEFAULT_STREAM_REPLICATIONS } = await import('../streamSimulate.js');
  if (String(options.runs ?? '').trim() === 'auto') throw new InputError([{ source: '--runs', path: '', problem: '--runs auto does not apply to a stream of runs', fix: `give a count of replications of the whole stream, e.g. --runs ${DEFAULT_STREAM_REPLICATIONS}` }]);
  const sim = simulationOptions(options, DEFAULT_STREAM_REPLICATIONS);
  const target = options.p99 === undefined ? null : p99Target(options.p99);
  const stream = simulateStreamCommand(input, sim, options.timeline === true, term);
  const report = target === null ? stream : { ...stream, recommendation: { ...(await import('../streamSimulate.js')).recommendCommand(input, sim, target, term), explained: options.explain === true } };
  return { stdout: await output(format, report, () => streamSimulateDoc(report, term.width), term, options.out), verdict: verdictOf(report.findings) };
}
