// flyscale sweep: every combination of the listed settings, simulated with common random
// numbers, ranked by makespan or cost, with the Pareto set of time against cost marked.
import { headerOf } from '../../app/header.js';
import { plan } from '../../core/plan.js';
import { OBJECTIVES, sweepGrid } from '../../core/sweep/rankSweep.js';
import { InputError } from '../../config/errors.js';
import { REPORT_FORMATS } from '../../render/formats.js';
import { sweepDoc } from '../../render/sweepDoc.js';
import { workflowSweepDoc } from '../../render/workflowSweepDoc.js';
import { streamSweepDoc } from '../../render/streamSweepDoc.js';
import type { SweepReport } from '../../report/sweepReport.js';
import { verdictIf } from '../exitCode.js';
import type { SweepOptions } from '../options.js';
import { output } from '../output.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { replicate, simulationOptions } from '../simulation.js';
import { setSweepFlags } from '../setSweepFlags.js';
import { sweepInputs } from '../sweepInputs.js';

export async function runSweep(scenarioPath: string | undefined, options: SweepOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  const sim = simulationOptions(options);
  const objective = OBJECTIVES.find((o) => o === (options.objective ?? 'makespan'));
  if (!objective) throw new InputError([{ source: '--objective', path: '', problem: `"${String(options.objective)}" is not an objective`, fix: `use ${OBJECTIVES.join(' or ')}` }]);
  if (options.set !== undefined) {
    if (scenarioPath === undefined || scenarioPath === '-') throw new InputError([{ source: '--set', path: '', problem: '--set sweeps the settings of a workflow file', fix: 'give a workflow file (one with steps:), e.g. examples/workflows/nightly-embed.yaml' }]);
    const { sweepWorkflow } = await import('../workflowSweep.js');
    const { flags, notes } = setSweepFlags(options, term.cwd);
    const r = sweepWorkflow(scenarioPath, options.set, objective, sim, { ...flags, force: options.force === true, runsGiven: options.runs !== undefined }, term);
    if (r === null) throw new InputError([{ source: '--set', path: '', problem: `${scenarioPath} is a scenario, not a workflow file`, fix: 'sweep a scenario with its setting flags, e.g. --batch-size 100,250,500' }]);
    const width = format === 'table' ? term.width : Infinity;
    const render = () => (r.kind === 'streamSweep' ? streamSweepDoc(r, width) : workflowSweepDoc(r, width));
    return { stdout: await output(format, r, render, term, options.out), verdict: verdictIf(r.points.some((p) => p.feasible)), ...(notes.length ? { stderr: notes.map((n) => `${n}\n`).join('') } : {}) };
  }
  const { axes, points, profiles, several, variants, first } = await sweepInputs(scenarioPath, options, objective, term);
  // A stream is swept by path on a workflow file; the scenario sweep simulates single runs and would drop the arrivals.
  if (first.arrivals !== null) throw new InputError([{ source: scenarioPath ?? 'sweep', path: 'arrivals', problem: 'a scenario with a stream of runs is swept as a workflow file', fix: 'write the scenario as a workflow of one step (docs/streams.md) and sweep it with --set environments.<name>.replicas=2,4,8' }]);
  const swept = await sweepGrid(variants.map((v, i) => ({ parameters: points[i] ?? {}, scenario: v.scenario })), { objective, runs: sim.runs, race: options.race === true }, {
    plan: (s) => plan(s),
    simulate: (s, batchSize, i, from, to) => replicate(s, batchSize, { ...sim, runs: to }, { ...term, progress: (_l, done, total) => term.progress(`point ${i + 1}/${variants.length}`, done, total) }, 'simulating', from),
  });
  const head = headerOf('sweep', first);
  if (several) head.scenario.profile = profiles.join(',');
  const report: SweepReport = { ...head, objective, runs: sim.runs, seed: sim.seed, axes, points: swept.points, ...(swept.race ? { race: swept.race } : {}) };
  // A sweep explores: infeasible points are results, not failures, unless none is feasible.
  return { stdout: await output(format, report, () => sweepDoc(report, format === 'table' ? term.width : Infinity), term, options.out), verdict: verdictIf(swept.points.some((p) => p.feasible)) };
}
