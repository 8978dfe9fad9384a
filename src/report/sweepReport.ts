// The public JSON contract of `sweep`: one entry per point of the grid, simulated with common
// random numbers (the same seeds at every point), sorted by the objective.
import type { ReportHeader } from './planReport.js';

export const OBJECTIVES = ['makespan', 'cost'] as const;
export type Objective = (typeof OBJECTIVES)[number];

export interface SweepPoint {
  /** The swept settings of this point, as written. */
  parameters: Record<string, string>;
  batchSize: number;
  actions: number;
  feasible: boolean;
  /** Why an infeasible point was not simulated: the codes of its error findings. */
  infeasibleBecause: string[];
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

export interface SweepReport extends ReportHeader {
  objective: Objective;
  runs: number;
  seed: number;
  axes: { key: string; values: string[] }[];
  points: SweepPoint[];
  /** With --race: the race's first round, survivors, drops, and its simulated actions against the exhaustive sweep's. */
  race?: { firstRuns: number; survivors: number; dropped: number; simulatedActions: number; exhaustiveActions: number };
}
