// The resolved `arrivals` block (docs/streams.md): how runs of one workflow arrive over time.
// Config builds it from a file's `arrivals:` and the stream flags; core only reads it.
import type { Dist } from '../distribution.js';

/** Poisson arrivals at a rate, or independent interarrival times drawn from a distribution. */
export type ArrivalProcess = { kind: 'poisson'; ratePerSecond: number } | { kind: 'interarrival'; interarrival: Dist };

/** One point of a daily shape: from `atSeconds` after midnight the rate is `ratePerSecond`. */
export interface ShapePoint {
  atSeconds: number;
  ratePerSecond: number;
}

export interface ArrivalsSpec {
  process: ArrivalProcess;
  /** Runs in the stream (warm-up included); null when `durationSeconds` bounds it instead. */
  runs: number | null;
  /** Length of the stream in seconds; null when `runs` bounds it instead. */
  durationSeconds: number | null;
  /** Runs arriving before this are left out of the statistics. */
  warmupSeconds: number;
  /** A daily shape of the rate (Poisson only), ascending by time; null: the rate is constant. */
  shape: readonly ShapePoint[] | null;
  /** The shape repeats every this many seconds (a day). */
  periodSeconds: number;
}
