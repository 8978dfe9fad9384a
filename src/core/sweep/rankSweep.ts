// flyscale sweep as a pure planner: each point of the grid is planned, simulated when the
// platform would run it (the simulation is passed in), then ranked by the objective with the
// Pareto set of time against cost marked.
import type { Plan } from '../plan.js';
import type { FindingCode } from '../findings.js';
import { spreadOf, summarize } from '../sim/summarize.js';
import type { Replication } from '../sim/types.js';
import { paretoSet } from './pareto.js';

export const OBJECTIVES = ['makespan', 'cost'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Findings that make a point impossible to run, not just a bad idea. */
const HARD_LIMITS: ReadonlySet<FindingCode> = new Set(['fanoutOverLimit', 'memoryOver', 'inlinePayloadOver', 'batchInfeasible'] satisfies FindingCode[]);

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
}

export interface SweepInputs<S> {
  plan: (scenario: S) => Plan;
  /** Replications of point `index` (0-based) at the plan's batch size. */
  simulate: (scenario: S, batchSize: number, index: number) => Promise<readonly Replication[]>;
}

/** Every point planned and, where feasible, simulated; then ranked. */
export async function sweepGrid<S>(variants: readonly { parameters: Record<string, string>; scenario: S }[], objective: Objective, inputs: SweepInputs<S>): Promise<SweepPoint[]> {
  const points: SweepPoint[] = [];
  for (const [i, v] of variants.entries()) {
    const p = inputs.plan(v.scenario);
    // Only a point the platform would refuse is left out; other errors (actions expected to be
    // lost, say) are reported by simulating it.
    const errors = p.findings.filter((f) => f.severity === 'error' && HARD_LIMITS.has(f.code)).map((f) => f.code);
    const point: SweepPoint = { parameters: v.parameters, batchSize: p.batch.size, actions: p.batch.actions, feasible: errors.length === 0, infeasibleBecause: errors, makespan: null, cost: null, replicaSeconds: null, utilization: null, estimateMakespanSeconds: p.estimate.makespanSeconds, pareto: false };
    points.push(point.feasible ? simulated(point, await inputs.simulate(v.scenario, p.batch.size, i)) : point);
  }
  return rankSweep(points, objective);
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

const costOf = (p: SweepPoint): number => p.cost?.mean ?? p.replicaSeconds?.billed.mean ?? Infinity;
const timeOf = (p: SweepPoint): number => p.makespan?.meanSeconds ?? Infinity;

/** Pareto set marked; feasible points first, by the objective, ties by the other measure; infeasible ones last. */
export function rankSweep(points: readonly SweepPoint[], objective: Objective): SweepPoint[] {
  const feasible = points.filter((p) => p.makespan !== null);
  const front = paretoSet(feasible.map((p) => ({ time: timeOf(p), cost: costOf(p) })));
  const marked = points.map((p) => ({ ...p, pareto: p.makespan !== null && front.has(feasible.indexOf(p)) }));
  return marked.sort((a, b) => {
    if (a.feasible !== b.feasible) return a.feasible ? -1 : 1;
    const [x, y] = objective === 'makespan' ? [timeOf(a) - timeOf(b), costOf(a) - costOf(b)] : [costOf(a) - costOf(b), timeOf(a) - timeOf(b)];
    return x !== 0 && !Number.isNaN(x) ? x : Number.isNaN(y) ? 0 : y;
  });
}
