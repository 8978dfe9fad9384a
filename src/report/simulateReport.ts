// The public JSON contract of `simulate` (MODEL §7): statistics across replications, the
// base seed they derive from, and the closed-form estimate beside them.
import { spreadOf } from '../core/sim/summarize.js';
import type { StopReason } from '../core/sim/stopping.js';
import type { Replication, Summary, Timeline } from '../core/sim/types.js';
import type { Finding } from '../core/findings.js';
import { histogramBins, type HistogramBin } from './histogram.js';
import type { ReportHeader } from './header.js';

/** A per-replication metric across replications (docs/simulator.md): mean, its 95% interval, spread and percentiles. */
export interface MeanWithInterval {
  mean: number;
  /** null with a single replication: there is no spread to estimate. */
  ci95: [number, number] | null;
  stddev: number;
  p5: number;
  p50: number;
  p95: number;
}

/** How the replication count was reached: a fixed --runs, or --runs auto and why it stopped. */
export interface Stopping {
  rule: 'auto' | 'fixed';
  /** precision: the 95% interval of the mean makespan is within ±precision of the mean; maxRuns: the limit came first; fixed: --runs N. */
  reason: StopReason;
  precision: number | null;
  maxRuns: number | null;
  /** Half-width of the makespan's 95% interval over its mean when the run stopped (auto only). */
  relativeHalfWidth: number | null;
}

export interface SimulationBlock {
  runs: number;
  /** Present on `simulate`; absent where a fixed count is always used. */
  stopping?: Stopping;
  seed: number;
  batchSize: number;
  actions: number;
  makespan: {
    meanSeconds: number;
    stddevSeconds: number;
    /** null with a single replication. */
    ci95Seconds: [number, number] | null;
    p5Seconds: number;
    p50Seconds: number;
    p95Seconds: number;
  };
  throughputItemsPerSecond: MeanWithInterval;
  utilization: MeanWithInterval;
  coldStarts: MeanWithInterval;
  peakReplicas: MeanWithInterval;
  queueWait: { p50Seconds: number; p95Seconds: number; p99Seconds: number };
  replicaSeconds: { busy: MeanWithInterval; billed: MeanWithInterval };
  cost: MeanWithInterval | null;
  /** Actions per replication that ran out of retries (never completed). */
  failedActions: MeanWithInterval;
  /** Attempts per replication, retries included. */
  attempts: MeanWithInterval;
  cacheHits: MeanWithInterval;
  eventsPerReplication: number;
  /** Closed-form makespan (docs/model.md, closed-form estimate) for the same scenario, for comparison. */
  estimateMakespanSeconds: number;
  /** Replications per makespan bin: the spread behind the percentiles above. */
  histogram: { makespan: HistogramBin[] };
  timeline?: Timeline;
}

export type SimulateReport = ReportHeader & SimulationBlock & { findings: Finding[] };

const interval = (reps: readonly Replication[], pick: (r: Replication) => number): MeanWithInterval => {
  const s = spreadOf(reps.map(pick));
  return { mean: s.mean, ci95: reps.length > 1 ? s.ci95 : null, stddev: s.stddev, p5: s.p5, p50: s.p50, p95: s.p95 };
};

export function simulationBlock(reps: readonly Replication[], summary: Summary, seed: number, estimateMakespanSeconds: number, timeline: Timeline | undefined, stopping?: Stopping): SimulationBlock {
  const m = summary.makespanSeconds;
  const first = reps[0];
  const priced = reps.filter((r) => r.cost !== null);
  return {
    runs: summary.runs,
    ...(stopping ? { stopping } : {}),
    seed,
    batchSize: first?.batchSize ?? 0,
    actions: first?.actions ?? 0,
    makespan: { meanSeconds: m.mean, stddevSeconds: m.stddev, ci95Seconds: summary.runs > 1 ? m.ci95 : null, p5Seconds: m.p5, p50Seconds: m.p50, p95Seconds: m.p95 },
    throughputItemsPerSecond: interval(reps, (r) => r.throughputItemsPerSecond),
    utilization: interval(reps, (r) => r.utilization),
    coldStarts: interval(reps, (r) => r.coldStarts),
    peakReplicas: interval(reps, (r) => r.peakReplicas),
    queueWait: { p50Seconds: summary.queueWait.p50Seconds.mean, p95Seconds: summary.queueWait.p95Seconds.mean, p99Seconds: summary.queueWait.p99Seconds.mean },
    replicaSeconds: { busy: interval(reps, (r) => r.replicaSeconds.busy), billed: interval(reps, (r) => r.replicaSeconds.billed) },
    cost: priced.length === reps.length && priced.length > 0 ? interval(reps, (r) => r.cost ?? 0) : null,
    failedActions: interval(reps, (r) => r.failedActions),
    attempts: interval(reps, (r) => r.attempts),
    cacheHits: interval(reps, (r) => r.cacheHits),
    eventsPerReplication: summary.eventsProcessed.mean,
    estimateMakespanSeconds,
    histogram: { makespan: histogramBins(reps.map((r) => r.makespanSeconds)) },
    ...(timeline ? { timeline } : {}),
  };
}
