// sweep on a workflow file: --set PATH=LIST (or a range) per step or environment setting, every
// combination loaded, planned and simulated with common random numbers, ranked.
import { workflowHeaderOf } from '../app/header.js';
import { InputError } from '../config/errors.js';
import { checkSetPath, loadWorkflowPoints, readWorkflowSource, type VariantFlags } from '../config/workflowVariants.js';
import type { Objective } from '../core/sweep/rankSweep.js';
import { combinations, gridSize, type Axis } from '../core/sweep/grid.js';
import { planWorkflow, type WorkflowPlan } from '../core/workflow/planWorkflow.js';
import { rankWorkflowPoints, sweepWorkflowPoint } from '../core/workflow/sweepPoints.js';
import type { WorkflowSweepReport } from '../report/workflowSweepReport.js';
import type { StreamSweepReport } from '../report/streamSweepReport.js';
import type { LoadedWorkflow } from '../config/workflow.js';
import { meanRatePerSecond } from '../core/stream/arrivals.js';
import { rankStreamPoints, streamPoint } from '../core/stream/streamSweep.js';
import { runStream, streamOfWorkflow } from './streamSimulate.js';
import type { Terminal } from './result.js';
import type { SimulationOptions } from './simulation.js';
import { axisValues, MAX_POINTS } from './sweepAxes.js';
import { assertRunSize } from './runSizeCheck.js';
import { stepSizing } from '../core/workflow/stepSizing.js';

function axesOf(sets: readonly string[]): Axis[] {
  const axes = sets.map((set) => {
    const at = set.indexOf('=');
    if (at <= 0) throw new InputError([{ source: '--set', path: '', problem: `"${set}" is not PATH=VALUES`, fix: 'write e.g. --set steps.embed.batchSize=100,250,500' }]);
    const key = set.slice(0, at).trim();
    const values = axisValues(set.slice(at + 1), `--set ${key}`);
    if (values.length === 0) throw new InputError([{ source: `--set ${key}`, path: '', problem: 'no values after "="', fix: `write values separated by commas, e.g. --set ${key}=a,b` }]);
    return { key, values };
  });
  // A path given twice would leave one list silently unused: every point would take the last.
  const twice = axes.find((a, i) => axes.findIndex((b) => b.key === a.key) !== i);
  if (twice) throw new InputError([{ source: `--set ${twice.key}`, path: '', problem: 'the path is set twice', fix: `give it one list: --set ${twice.key}=a,b,c` }]);
  return axes;
}

/** Replications of the whole stream at each point when --runs does not say. */
export const DEFAULT_STREAM_SWEEP_RUNS = 5;

/** null when the file is a plain scenario. `runsGiven`: --runs was given (a stream's default is smaller). */
export function sweepWorkflow(path: string, sets: readonly string[], objective: Objective, sim: SimulationOptions, flags: VariantFlags & { force: boolean; runsGiven: boolean }, term: Terminal): WorkflowSweepReport | StreamSweepReport | null {
  const axes = axesOf(sets);
  const source = readWorkflowSource(path, term.cwd);
  if (source === null) return null;
  // The paths, then the values, before what the grid lacks: a typo is the thing to fix first.
  for (const a of axes) checkSetPath(source.doc, a.key);
  const lists = axes.some((a) => a.values.length > 1);
  if (!lists) loadWorkflowPoints(source, combinations(axes), flags);
  if (!lists) throw new InputError([{ source: 'sweep', path: '', problem: 'a workflow is swept by --set, with at least one list', fix: 'write e.g. --set steps.embed.batchSize=100,250,500 --set environments.gpu.replicas=4,8' }]);
  if (gridSize(axes) > MAX_POINTS && !flags.force) throw new InputError([{ source: 'sweep', path: '', problem: `the grid has ${gridSize(axes)} points (over ${MAX_POINTS})`, fix: 'shorten the lists, or pass --force to run them all' }]);
  const points = combinations(axes);
  const variants = loadWorkflowPoints(source, points, flags);
  const first = variants[0];
  if (!first) throw new Error('internal: a sweep without points');
  const runs = first.arrivals !== null && !flags.runsGiven ? DEFAULT_STREAM_SWEEP_RUNS : sim.runs;
  // Each point planned once: its sizes for the size limits, then its simulation.
  const plans = variants.map((v) => planWorkflow(v.workflow));
  variants.forEach((v, i) => assertRunSize(v.workflow, stepSizing(plans[i] ?? unreachable()), v.arrivals, runs));
  if (first.arrivals !== null) return sweepStream(variants, plans, points, axes, objective, { ...sim, runs }, term);
  const swept = variants.map((v, i) => {
    const result = sweepWorkflowPoint(v.workflow, plans[i] ?? unreachable(), points[i] ?? {}, sim.runs, sim.seed);
    term.progress('sweeping', i + 1, variants.length);
    return result;
  });
  return { ...workflowHeaderOf('sweep', first), kind: 'workflowSweep', objective, runs: sim.runs, seed: sim.seed, axes: axes.map((a) => ({ path: a.key, values: a.values })), points: rankWorkflowPoints(swept, objective) };
}

/** Every point's stream, the same seeds at every point, ranked by p99 or cost. */
function sweepStream(variants: readonly LoadedWorkflow[], plans: readonly WorkflowPlan[], points: readonly Record<string, string>[], axes: readonly Axis[], objective: Objective, sim: SimulationOptions, term: Terminal): StreamSweepReport {
  const first = variants[0];
  if (!first?.arrivals) throw new Error('internal: a stream sweep without arrivals');
  const swept = variants.map((v, i) => {
    const input = streamOfWorkflow(v, v.arrivals ?? first.arrivals ?? unreachable(), plans[i]);
    return streamPoint(points[i] ?? {}, runStream(input, sim.runs, sim.seed, term, `point ${i + 1}/${variants.length}`));
  });
  return { ...workflowHeaderOf('sweep', first), kind: 'streamSweep', objective, runs: sim.runs, seed: sim.seed, arrivals: { ratePerSecond: meanRatePerSecond(first.arrivals) }, axes: axes.map((a) => ({ path: a.key, values: a.values })), points: rankStreamPoints(swept, objective) };
}

function unreachable(): never {
  throw new Error('internal: a stream point without arrivals');
}
