// flyscale sweep as a pure planner: each point of the grid is planned, simulated when the
// platform would run it (the simulation is passed in), then ranked by the objective with the
// Pareto set of time against cost marked. With `race`, the points race (race.ts) instead of
// each getting the full count.
import type { Plan } from '../plan.js';
import type { FindingCode } from '../findings.js';
import { spreadOf, summarize } from '../sim/summarize.js';
import type { Replication } from '../sim/types.js';
import { paretoSet } from './pareto.js';
import { race } from './race.js';

export const OBJECTIVES = ['makespan', 'cost'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Findings that make a point impossible to run, not just a bad idea. */
const HARD_LIMITS: ReadonlySet<FindingCode> = new Set(['fanoutOverLimit', 'memoryOver', 'inlinePayloadOver', 'batchInfeasible'] satisfies FindingCode[]);

/** First round of replications of a raced sweep. */
export const RACE_FIRST_RUNS = 5;

export interface SweepPoint {
  /** The swept settings of this point, as written. */
  parameters: Record<string, string>;
  batchSize: number;
  actions: number;
  feasible: boolean;
  /** Why an infeasible point was not simulated: the codes of its error findings. */
  infeasibleBecause: FindingCode[];
  /** ci95Seconds is null with a single replication. */
  makespan: { meanSeconds: number; ci95Seconds: [number, number] | null; p95Seconds: number } | null;
  /** Named as in the simulate report: pricing.perReplicaHour × billed hours, when a price is set. */
  cost: { mean: number } | null;
  replicaSeconds: { billed: { mean: number } } | null;
  utilization: { mean: number } | null;
  estimateMakespanSeconds: number;
  /** On the Pareto front of makespan against cost (or billed replica-hours without a price). */
  pareto: boolean;
  /** With --race: the replications this point got, and when and by which point it was dropped (null: it survived). */
  race?: { runs: number; dropped: { afterRuns: number; by: Record<string, string> } | null };
}

/** With --race: the first round, survivors, drops, and the simulated actions against the exhaustive sweep's. */
export interface RaceSummary {
  firstRuns: number;
  survivors: number;
  dropped: number;
  simulatedActions: number;
  exhaustiveActions: number;
}

export interface SweepInputs<S> {
  plan: (scenario: S) => Plan;
  /** Replications [from, to) of point `index` (0-based) at the plan's batch size; replication r has the same seed at every point. */
  simulate: (scenario: S, batchSize: number, index: number, from: number, to: number) => Promise<readonly Replication[]>;
}

export interface SweepOptions {
  objective: Objective;
  /** Replications of every point (of every survivor, when raced). */
  runs: number;
  race: boolean;
}

/** Every point planned and, where feasible, simulated (or raced); then ranked. */
export async function sweepGrid<S>(variants: readonly { parameters: Record<string, string>; scenario: S }[], options: SweepOptions, inputs: SweepInputs<S>): Promise<{ points: SweepPoint[]; race: RaceSummary | null }> {
  const planned = variants.map((v) => {
    const p = inputs.plan(v.scenario);
    // Only a point the platform would refuse is left out; other errors (actions expected to be
    // lost, say) are reported by simulating it.
    const errors = p.findings.filter((f) => f.severity === 'error' && HARD_LIMITS.has(f.code)).map((f) => f.code);
    const point: SweepPoint = { parameters: v.parameters, batchSize: p.batch.size, actions: p.batch.actions, feasible: errors.length === 0, infeasibleBecause: errors, makespan: null, cost: null, replicaSeconds: null, utilization: null, estimateMakespanSeconds: p.estimate.makespanSeconds, pareto: false };
    return { point, scenario: v.scenario };
  });
  const reps: Replication[][] = planned.map(() => []);
  const candidates = planned.flatMap((x, i) => (x.point.feasible ? [i] : []));
  const simulate = async (i: number, from: number, to: number): Promise<readonly Replication[]> => {
    const x = planned[i];
    const got = x ? await inputs.simulate(x.scenario, x.point.batchSize, i, from, to) : [];
    reps[i]?.push(...got);
    return got;
  };
  const outcome = options.race
    ? await race(planned.length, async (i, from, to) => (await simulate(i, from, to)).map((r) => ({ timeSeconds: r.makespanSeconds, cost: r.cost ?? r.replicaSeconds.billed })), { runs: options.runs, firstRuns: RACE_FIRST_RUNS, mode: 'pareto', objective: 'time' }, candidates)
    : null;
  if (outcome === null) for (const i of candidates) await simulate(i, 0, options.runs);
  const points = planned.map(({ point }, i) => {
    if (!point.feasible) return point;
    const done = simulated(point, reps[i] ?? []);
    if (outcome === null) return done;
    const drop = outcome.dropped.find((d) => d.point === i);
    return { ...done, race: { runs: reps[i]?.length ?? 0, dropped: drop ? { afterRuns: drop.afterRuns, by: planned[drop.by]?.point.parameters ?? {} } : null } };
  });
  return { points: rankSweep(points, options.objective), race: outcome === null ? null : raceSummary(points, options.runs) };
}

/** The statistics a point keeps, computed as the simulate report computes them. */
function simulated(point: SweepPoint, reps: readonly Replication[]): SweepPoint {
  const m = summarize(reps).makespanSeconds;
  const priced = reps.length > 0 && reps.every((r) => r.cost !== null);
  return {
    ...point,
    makespan: { meanSeconds: m.mean, ci95Seconds: reps.length > 1 ? m.ci95 : null, p95Seconds: m.p95 },
    cost: priced ? { mean: spreadOf(reps.map((r) => r.cost ?? 0)).mean } : null,
    replicaSeconds: { billed: { mean: spreadOf(reps.map((r) => r.replicaSeconds.billed)).mean } },
    utilization: { mean: spreadOf(reps.map((r) => r.utilization)).mean },
  };
}

/** Simulated actions of the race against what the exhaustive sweep would have run. */
function raceSummary(points: readonly SweepPoint[], runs: number): RaceSummary {
  const feasible = points.filter((p) => p.feasible);
  return {
    firstRuns: RACE_FIRST_RUNS,
    survivors: feasible.filter((p) => p.race?.dropped == null).length,
    dropped: feasible.filter((p) => p.race?.dropped != null).length,
    simulatedActions: feasible.reduce((s, p) => s + (p.race?.runs ?? 0) * p.actions, 0),
    exhaustiveActions: feasible.reduce((s, p) => s + runs * p.actions, 0),
  };
}

const costOf = (p: SweepPoint): number => p.cost?.mean ?? p.replicaSeconds?.billed.mean ?? Infinity;
const timeOf = (p: SweepPoint): number => p.makespan?.meanSeconds ?? Infinity;

/**
 * Pareto set marked (among the points a race did not drop: only they ran to the full count);
 * feasible points first, by the objective, ties by the other measure; infeasible ones last.
 */
export function rankSweep(points: readonly SweepPoint[], objective: Objective): SweepPoint[] {
  const eligible = points.filter((p) => p.makespan !== null && p.race?.dropped == null);
  const front = paretoSet(eligible.map((p) => ({ time: timeOf(p), cost: costOf(p) })));
  const marked = points.map((p) => ({ ...p, pareto: front.has(eligible.indexOf(p)) }));
  return marked.sort((a, b) => {
    if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
    const [x, y] = objective === 'makespan' ? [timeOf(a) - timeOf(b), costOf(a) - costOf(b)] : [costOf(a) - costOf(b), timeOf(a) - timeOf(b)];
    return x !== 0 && !Number.isNaN(x) ? x : Number.isNaN(y) ? 0 : y;
  });
}
