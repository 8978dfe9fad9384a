// sweep --race in the CLI: the core race (core/sweep/race.ts) over the feasible points, each
// "simulate point p for replications [from, to)" run with the sweep's seed (common random
// numbers) and kept, so the report summarises every point over the replications it got.
import type { Scenario } from '../core/model.js';
import type { Replication } from '../core/sim/types.js';
import { race, type RaceOutcome } from '../core/sweep/race.js';
import type { Terminal } from './result.js';
import { replicate, type SimulationOptions } from './simulation.js';

export interface RacePoint {
  scenario: Scenario;
  batchSize: number;
}

/** First round of replications of a raced sweep. */
export const RACE_FIRST_RUNS = 5;

export async function raceSweep(points: readonly RacePoint[], candidates: readonly number[], sim: SimulationOptions, term: Terminal): Promise<{ outcome: RaceOutcome; replications: Replication[][] }> {
  const replications: Replication[][] = points.map(() => []);
  const simulate = async (p: number, from: number, to: number) => {
    const point = points[p];
    if (!point) return [];
    const reps = await replicate(point.scenario, point.batchSize, { ...sim, runs: to, auto: null }, { ...term, progress: (_l, done, total) => term.progress(`racing point ${p + 1}/${points.length}`, done, total) }, 'racing', from);
    replications[p]?.push(...reps);
    return reps.map((r) => ({ timeSeconds: r.makespanSeconds, cost: r.cost ?? r.replicaSeconds.billed }));
  };
  const outcome = await race(points.length, simulate, { runs: sim.runs, firstRuns: RACE_FIRST_RUNS, mode: 'pareto', objective: 'time' }, candidates);
  return { outcome, replications };
}
