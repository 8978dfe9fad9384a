// The resolved `arrivals` block of a scenario or workflow file (docs/model.md, streams of runs):
// how runs of one workflow arrive over time. Seconds and per-second rates only; the config
// layer converts `rate: 3/s`, `duration: 1h`, `warmup: 5m` and the shape's times.
import type { Dist } from '../distribution.js';

export const ARRIVAL_PROCESS_KINDS = ['poisson', 'interarrival'] as const;
export type ArrivalProcessKind = (typeof ARRIVAL_PROCESS_KINDS)[number];

export type ArrivalProcess =
  /** Exponential gaps with mean 1 / ratePerSecond. */
  | { kind: 'poisson'; ratePerSecond: number }
  /** Independent gaps drawn from `interarrival` (seconds): a renewal process. */
  | { kind: 'interarrival'; interarrival: Dist };

/** One point of a rate profile: at `atSeconds` into the period the rate is `ratePerSecond`. */
export interface RatePoint {
  atSeconds: number;
  ratePerSecond: number;
}

export interface ArrivalsSpec {
  process: ArrivalProcess;
  /** Stop after this many runs; null: stop at durationSeconds only. */
  runs: number | null;
  /** Runs arrive in (0, durationSeconds]; null: stop at `runs` only. At least one of the two is set. */
  durationSeconds: number | null;
  /** Runs arriving before this are left out of the statistics (the engine's statsFromSeconds). */
  warmupSeconds: number;
  /**
   * A rate profile (a daily shape), repeated every periodSeconds: points sorted by atSeconds in
   * [0, periodSeconds), the rate linear between points and from the last point back to the first
   * one a period later. null: a stationary process. With a shape the process must be 'poisson'
   * (a non-homogeneous Poisson process; its ratePerSecond is not used).
   */
  shape: readonly RatePoint[] | null;
  /** Period of the shape; 86,400 for a daily profile. Not used without a shape. */
  periodSeconds: number;
}

export const SECONDS_PER_DAY = 86_400;
