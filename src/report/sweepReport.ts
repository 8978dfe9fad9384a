// The public JSON contract of `sweep`: one entry per point of the grid, simulated with common
// random numbers (the same seeds at every point), sorted by the objective.
import type { Objective, RaceSummary, SweepPoint } from '../core/sweep/rankSweep.js';
import type { Axis } from '../core/sweep/grid.js';
import type { ReportHeader } from './header.js';

export type { Objective, SweepPoint } from '../core/sweep/rankSweep.js';

export interface SweepReport extends ReportHeader {
  objective: Objective;
  runs: number;
  seed: number;
  axes: Axis[];
  points: SweepPoint[];
  /** With --race: the race's first round, survivors, drops, and its simulated actions against the exhaustive sweep's. */
  race?: RaceSummary;
}
