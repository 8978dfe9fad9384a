// sweep on a workflow file: --set PATH=LIST (or a range) per step or environment setting, every
// combination loaded, planned and simulated with common random numbers, ranked.
import { workflowHeaderOf } from '../app/header.js';
import { InputError } from '../config/errors.js';
import { loadWorkflowVariants } from '../config/workflowVariants.js';
import type { Objective } from '../core/sweep/rankSweep.js';
import { combinations, expandRange, gridSize, splitList, type Axis } from '../core/sweep/grid.js';
import { planWorkflow } from '../core/workflow/planWorkflow.js';
import { rankWorkflowPoints, sweepWorkflowPoint } from '../core/workflow/sweepPoints.js';
import type { WorkflowSweepReport } from '../report/workflowSweepReport.js';
import type { StreamSweepReport } from '../report/streamSweepReport.js';
import type { LoadedWorkflow } from '../config/workflow.js';
import { meanRatePerSecond } from '../core/stream/arrivals.js';
import { rankStreamPoints, streamPoint } from '../core/stream/streamSweep.js';
import { runStream, streamOfWorkflow } from './streamSimulate.js';
import type { Terminal } from './result.js';
import type { SimulationOptions } from './simulation.js';
import { MAX_POINTS } from './sweepAxes.js';
import { assertRunSize } from './runSizeCheck.js';
import { stepSizing } from '../core/workflow/stepSizing.js';

function axesOf(sets: readonly string[]): Axis[] {
  return sets.map((set) => {
    const at = set.indexOf('=');
    if (at <= 0) throw new InputError([{ source: '--set', path: '', problem: `"${set}" is not PATH=VALUES`, fix: 'write e.g. --set steps.embed.batchSize=100,250,500' }]);
    const values = splitList(set.slice(at + 1)).flatMap((item) => {
      const range = expandRange(item);
      if (range === null) return [item];
      if ('problem' in range) throw new InputError([{ source: '--set', path: set.slice(0, at), problem: range.problem, fix: 'write START..END/STEP, e.g. 100..1000/100' }]);
      return range;
    });
    return { key: set.slice(0, at), values };
  });
}

/** Replications of the whole stream at each point when --runs does not say. */
export const DEFAULT_STREAM_SWEEP_RUNS = 5;

/** null when the file is a plain scenario. `runsGiven`: --runs was given (a stream's default is smaller). */
export function sweepWorkflow(path: string, sets: readonly string[], objective: Objective, sim: SimulationOptions, force: boolean, term: Terminal, runsGiven = true): WorkflowSweepReport | StreamSweepReport | null {
  const axes = axesOf(sets);
  if (axes.length === 0 || !axes.some((a) => a.values.length > 1)) throw new InputError([{ source: 'sweep', path: '', problem: 'a workflow is swept by --set, with at least one list', fix: 'write e.g. --set steps.embed.batchSize=100,250,500 --set environments.gpu.replicas=4,8' }]);
  if (gridSize(axes) > MAX_POINTS && !force) throw new InputError([{ source: 'sweep', path: '', problem: `the grid has ${gridSize(axes)} points (over ${MAX_POINTS})`, fix: 'shorten the lists, or pass --force to run them all' }]);
  const points = combinations(axes);
  const variants = loadWorkflowVariants(path, points, term.cwd);
  if (variants === null) return null;
  const first = variants[0];
  if (!first) throw new Error('internal: a sweep without points');
  const runs = first.arrivals !== null && !runsGiven ? DEFAULT_STREAM_SWEEP_RUNS : sim.runs;
  for (const v of variants) assertRunSize(v.workflow, stepSizing(planWorkflow(v.workflow)), v.arrivals, runs);
  if (first.arrivals !== null) return sweepStream(variants, points, axes, objective, { ...sim, runs: runsGiven ? sim.runs : DEFAULT_STREAM_SWEEP_RUNS }, term);
  const swept = variants.map((v, i) => {
    const result = sweepWorkflowPoint(v.workflow, planWorkflow(v.workflow), points[i] ?? {}, sim.runs, sim.seed);
    term.progress('sweeping', i + 1, variants.length);
    return result;
  });
  return { ...workflowHeaderOf('sweep', first), kind: 'workflowSweep', objective, runs: sim.runs, seed: sim.seed, axes: axes.map((a) => ({ path: a.key, values: a.values })), points: rankWorkflowPoints(swept, objective) };
}

/** Every point's stream, the same seeds at every point, ranked by p99 or cost. */
function sweepStream(variants: readonly LoadedWorkflow[], points: readonly Record<string, string>[], axes: readonly Axis[], objective: Objective, sim: SimulationOptions, term: Terminal): StreamSweepReport {
  const first = variants[0];
  if (!first?.arrivals) throw new Error('internal: a stream sweep without arrivals');
  const swept = variants.map((v, i) => {
    const input = streamOfWorkflow(v, v.arrivals ?? first.arrivals ?? unreachable());
    return streamPoint(points[i] ?? {}, runStream(input, sim.runs, sim.seed, term, `point ${i + 1}/${variants.length}`));
  });
  return { ...workflowHeaderOf('sweep', first), kind: 'streamSweep', objective, runs: sim.runs, seed: sim.seed, arrivals: { ratePerSecond: meanRatePerSecond(first.arrivals) }, axes: axes.map((a) => ({ path: a.key, values: a.values })), points: rankStreamPoints(swept, objective) };
}

function unreachable(): never {
  throw new Error('internal: a stream point without arrivals');
}
