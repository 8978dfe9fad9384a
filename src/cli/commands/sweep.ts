// flyscale sweep: every combination of the listed settings, simulated with common random
// numbers, ranked by makespan or cost, with the Pareto set of time against cost marked.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plan } from '../../core/plan.js';
import { summarize } from '../../core/sim/summarize.js';
import { combinations, expandRange, gridSize, splitList, type Axis } from '../../core/sweep/grid.js';
import { paretoSet } from '../../core/sweep/pareto.js';
import { InputError } from '../../config/errors.js';
import { flagName } from '../../config/fields.js';
import { loadScenarioVariants } from '../../config/load.js';
import { sweepDoc } from '../../render/sweepDoc.js';
import { OBJECTIVES, type Objective, type SweepPoint, type SweepReport } from '../../report/sweepReport.js';
import { simulationBlock } from '../../report/simulateReport.js';
import { header } from '../planContext.js';
import { output } from '../output.js';
import type { CommandResult, Terminal } from '../result.js';
import { fieldFlags, formatOf } from '../scenarioOptions.js';
import { replicate, simulationOptions } from '../simulation.js';

/** Findings that make a point impossible to run, not just a bad idea. */
const HARD_LIMITS: ReadonlySet<string> = new Set(['fanoutOverLimit', 'memoryOver', 'inlinePayloadOver', 'batchInfeasible']);

/** More points than this need --force: each is a full set of replications. */
export const MAX_POINTS = 1000;

function axesOf(options: Record<string, unknown>): Axis[] {
  const axes: Axis[] = [];
  for (const [key, raw] of Object.entries(fieldFlags(options))) {
    const flag = `--${flagName({ key })}`;
    const values = splitList(raw).flatMap((item) => {
      const range = expandRange(item);
      if (range === null) return [item];
      if ('problem' in range) throw new InputError([{ source: flag, path: '', problem: range.problem, fix: 'write START..END/STEP, e.g. 100..1000/100' }]);
      return range;
    });
    if (values.length === 0) throw new InputError([{ source: flag, path: '', problem: 'the list has no values', fix: `write values separated by commas, e.g. ${flag} 100,250,500` }]);
    axes.push({ key, values });
  }
  return axes;
}

export async function runSweep(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const sim = simulationOptions(options);
  const objective = OBJECTIVES.find((o) => o === (options.objective ?? 'makespan'));
  if (!objective) throw new InputError([{ source: '--objective', path: '', problem: `"${String(options.objective)}" is not an objective`, fix: `use ${OBJECTIVES.join(' or ')}` }]);
  const axes = axesOf(options);
  // --profile takes a list too; as the first axis it varies slowest, so the grid is grouped by it.
  // A path with a comma in it is still one profile; repeated names count once.
  const raw = typeof options.profile === 'string' ? options.profile : undefined;
  const profiles = raw === undefined ? [] : existsSync(resolve(term.cwd, raw)) ? [raw] : [...new Set(splitList(raw))];
  if (profiles.length > 1) axes.unshift({ key: 'profile', values: profiles });
  const size = gridSize(axes);
  if (!axes.some((a) => a.values.length > 1)) {
    throw new InputError([{ source: 'sweep', path: '', problem: 'no setting has more than one value, so there is nothing to compare', fix: 'give at least one flag a list or a range, e.g. --batch-size 100,250,500 --replicas 5:20,10:40' }]);
  }
  if (size > MAX_POINTS && options.force !== true) {
    throw new InputError([{ source: 'sweep', path: '', problem: `the grid has ${size} points (over ${MAX_POINTS})`, fix: 'shorten the lists, or pass --force to run them all' }]);
  }
  const grid = combinations(axes);
  const variants = (profiles.length > 1 ? profiles : [profiles[0]]).flatMap((profile) =>
    loadScenarioVariants({ scenarioPath, profile, cwd: term.cwd }, profiles.length > 1 ? grid.filter((point) => point.profile === profile) : grid),
  );
  // Checked before any point is simulated: bad input should not cost a whole sweep.
  if (objective === 'cost' && variants.some((v) => v.scenario.pricing.perReplicaHour === null)) {
    throw new InputError([{ source: '--objective', path: 'pricing.perReplicaHour', problem: 'cost needs a price', fix: 'set pricing.perReplicaHour in the scenario, or pass --per-replica-hour 0.35' }]);
  }
  const points: SweepPoint[] = [];
  for (const [i, loaded] of variants.entries()) {
    const p = plan(loaded.scenario);
    // Only a point the platform would refuse is left out; other errors (actions expected to be
    // lost, say) are reported by simulating it.
    const errors = p.findings.filter((f) => f.severity === 'error' && HARD_LIMITS.has(f.code)).map((f) => f.code);
    const point: SweepPoint = {
      parameters: grid[i] ?? {},
      batchSize: p.batch.size,
      actions: p.batch.actions,
      feasible: errors.length === 0,
      infeasibleBecause: errors,
      makespan: null,
      cost: null,
      replicaSeconds: null,
      utilization: null,
      estimateMakespanSeconds: p.estimate.makespanSeconds,
      pareto: false,
    };
    if (point.feasible) {
      const reps = await replicate(loaded.scenario, p.batch.size, sim, { ...term, progress: (_l, done, total) => term.progress(`point ${i + 1}/${variants.length}`, done, total) });
      const block = simulationBlock(reps, summarize(reps), sim.seed, p.estimate.makespanSeconds, undefined);
      point.makespan = { meanSeconds: block.makespan.meanSeconds, ci95Seconds: block.makespan.ci95Seconds, p95Seconds: block.makespan.p95Seconds };
      point.cost = block.cost ? { mean: block.cost.mean } : null;
      point.replicaSeconds = { billed: { mean: block.replicaSeconds.billed.mean } };
      point.utilization = { mean: block.utilization.mean };
    }
    points.push(point);
  }
  markPareto(points);
  points.sort(byObjective(objective));
  const first = variants[0];
  if (!first) throw new Error('internal: a sweep without points');
  const head = header('sweep', first);
  if (profiles.length > 1) head.scenario.profile = profiles.join(',');
  const report: SweepReport = { ...head, objective, runs: sim.runs, seed: sim.seed, axes, points };
  // A sweep explores: infeasible points are results, not failures, unless none is feasible.
  return { stdout: await output(format, report, () => sweepDoc(report), term, options), exitCode: points.some((p) => p.feasible) ? 0 : 1 };
}

const costOf = (p: SweepPoint): number => p.cost?.mean ?? p.replicaSeconds?.billed.mean ?? Infinity;

function markPareto(points: SweepPoint[]): void {
  const feasible = points.filter((p) => p.makespan !== null);
  const front = paretoSet(feasible.map((p) => ({ time: p.makespan?.meanSeconds ?? Infinity, cost: costOf(p) })));
  feasible.forEach((p, i) => {
    p.pareto = front.has(i);
  });
}

/** Feasible points first, by the objective, ties by the other measure; infeasible ones last. */
function byObjective(objective: Objective): (a: SweepPoint, b: SweepPoint) => number {
  const time = (p: SweepPoint): number => p.makespan?.meanSeconds ?? Infinity;
  return (a, b) => {
    if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
    const [x, y] = objective === 'makespan' ? [time(a) - time(b), costOf(a) - costOf(b)] : [costOf(a) - costOf(b), time(a) - time(b)];
    return x !== 0 && !Number.isNaN(x) ? x : Number.isNaN(y) ? 0 : y;
  };
}
