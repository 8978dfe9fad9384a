// The public JSON contract of `sweep` on a stream of runs: each point's settings by path, its
// offered load, p99 (with its interval) and mean latency, cost per run and per hour, cold starts
// per hour, whether it is on the Pareto set of p99 against cost, and its rank.
import type { Objective } from '../core/sweep/rankSweep.js';
import type { StreamSweepPoint } from '../core/stream/streamSweep.js';
import type { ReportHeader } from './header.js';

export interface StreamSweepReport extends ReportHeader {
  kind: 'streamSweep';
  objective: Objective;
  /** Replications of the whole stream at every point (the same seeds at every point). */
  runs: number;
  seed: number;
  arrivals: { ratePerSecond: number };
  axes: { path: string; values: string[] }[];
  points: StreamSweepPoint[];
}
