// The public JSON contract of `simulate` on a stream of runs (docs/streams.md): per-run latency
// mean and percentiles with 95% CIs over replications, the queue wait, the offered load, each
// environment's utilisation, cold starts, replicas and cost, and the analytic wait beside the
// simulated one when a queueing formula applies. Stable paths: arrivals.{ratePerSecond,runs},
// latency.{meanSeconds,p50Seconds,p95Seconds,p99Seconds,p999Seconds} (latency.ci95Seconds.<same>),
// wait.{meanSeconds,probability}, load.offered, analytic.wait.{meanSeconds,probability}.
import type { Finding } from '../core/findings.js';
import type { Spread } from '../core/sim/types.js';
import type { ArrivalsSpec } from '../core/stream/arrivalsSpec.js';
import type { StreamPlan } from '../core/stream/simulateStreamPlan.js';
import type { PoolRecommendation } from '../core/stream/recommendPool.js';
import type { ReportHeader } from './header.js';

type Interval = [number, number] | null;
/** A statistic over replications: its mean and the 95% interval of that mean (null with one replication). */
export interface Estimate {
  mean: number;
  ci95: Interval;
}

export interface StreamEnvironmentReport {
  /** ρ at the mean arrival rate (and at a shape's peak); 0 for unbounded pods. */
  offered: number;
  peakOffered: number;
  slots: number | null;
  slotSecondsPerRun: number;
  /** Replicas (pods) with ρ < 1; null when the slots are unbounded. */
  replicasNeeded: number | null;
  utilization: Estimate | null;
  coldStartsPerHour: Estimate | null;
  replicaHours: Estimate | null;
  /** Replicas billed on average over the measured window. */
  replicasBilled: Estimate | null;
  peakReplicas: Estimate | null;
  costPerHour: Estimate | null;
}

export type LatencyReport = { meanSeconds: number; p50Seconds: number; p95Seconds: number; p99Seconds: number; p999Seconds: number; ci95Seconds: Record<'meanSeconds' | 'p50Seconds' | 'p95Seconds' | 'p99Seconds' | 'p999Seconds', Interval> };

export interface StreamSimulateReport extends ReportHeader {
  kind: 'stream';
  /** Replications of the whole stream. */
  runs: number;
  seed: number;
  arrivals: {
    process: 'poisson' | 'interarrival' | 'shape';
    /** The mean rate (a shape's mean over a day). */
    ratePerSecond: number;
    peakRatePerSecond: number;
    /** Runs per replication: as given, or the rate times the duration. */
    runs: number;
    durationSeconds: number | null;
    warmupSeconds: number;
    /** Runs measured per replication (arrived after the warm-up); null when not simulated. */
    measuredRuns: number | null;
  };
  load: { offered: number; binding: string | null };
  /** null when the stream is unstable: a percentile of a growing queue means nothing. */
  latency: LatencyReport | null;
  wait: { meanSeconds: number; probability: number; p50Seconds: number; p95Seconds: number; p99Seconds: number; ci95Seconds: Interval; probabilityCi95: Interval } | null;
  analytic: { form: string; exact: boolean; method: string; wait: { meanSeconds: number; probability: number; p50Seconds: number | null; p95Seconds: number | null; p99Seconds: number | null } } | { form: null; reason: string };
  environments: Record<string, StreamEnvironmentReport>;
  coldStarts: { perHour: number } | null;
  cost: { perRun: number; perRunCi95: Interval; perHour: number; perHourCi95: Interval } | null;
  /** With --timeline: replication 1's environments over time. */
  timeline?: Record<string, { tSeconds: number; readyReplicas: number; busySlots: number; queued: number }[]>;
  eventsProcessed: number | null;
  /** With --p99: the smallest pool found that keeps p99 under the target, and the sizes the search simulated. */
  recommendation?: PoolRecommendation & { explained: boolean };
  findings: Finding[];
}

const interval = (s: Spread, runs: number): Interval => (runs > 1 ? [s.ci95[0], s.ci95[1]] : null);
/** A wait or a share is never below 0: the interval of one is clipped there. */
const nonNegative = (x: Interval): Interval => (x === null ? null : [Math.max(0, x[0]), x[1]]);
const estimate = (s: Spread | null | undefined, runs: number): Estimate | null => (s ? { mean: s.mean, ci95: interval(s, runs) } : null);

const METHOD = (form: string, exact: boolean): string => (form === 'M/M/c' ? 'Erlang C' : exact ? 'Pollaczek–Khinchine' : 'Allen–Cunneen (approximate)');

export function streamSimulateReport(header: ReportHeader, plan: StreamPlan, arrivals: ArrivalsSpec, seed: number, replications: number, findings: readonly Finding[]): StreamSimulateReport {
  const st = plan.statistics;
  const runs = st?.replications ?? replications;
  const latency: LatencyReport | null = st
    ? {
        meanSeconds: st.latency.mean.mean,
        p50Seconds: st.latency.p50.mean,
        p95Seconds: st.latency.p95.mean,
        p99Seconds: st.latency.p99.mean,
        p999Seconds: st.latency.p999.mean,
        ci95Seconds: { meanSeconds: interval(st.latency.mean, runs), p50Seconds: interval(st.latency.p50, runs), p95Seconds: interval(st.latency.p95, runs), p99Seconds: interval(st.latency.p99, runs), p999Seconds: interval(st.latency.p999, runs) },
      }
    : null;
  const environments: Record<string, StreamEnvironmentReport> = {};
  for (const e of plan.load.environments) {
    const s = st?.environments[e.name];
    environments[e.name] = {
      offered: e.offered,
      peakOffered: e.peakOffered,
      slots: e.slots,
      slotSecondsPerRun: e.slotSecondsPerRun,
      replicasNeeded: e.replicasNeeded,
      utilization: estimate(s?.utilization, runs),
      coldStartsPerHour: estimate(s?.coldStartsPerHour, runs),
      replicaHours: estimate(s?.replicaHours, runs),
      replicasBilled: estimate(s?.replicasBilled, runs),
      peakReplicas: estimate(s?.peakReplicas, runs),
      costPerHour: estimate(s?.costPerHour, runs),
    };
  }
  const a = plan.analytic;
  return {
    ...header,
    kind: 'stream',
    runs,
    seed,
    arrivals: {
      process: arrivals.shape !== null ? 'shape' : arrivals.process.kind,
      ratePerSecond: plan.ratePerSecond,
      peakRatePerSecond: plan.peakRatePerSecond,
      runs: arrivals.runs ?? Math.round(plan.ratePerSecond * (arrivals.durationSeconds ?? 0)),
      durationSeconds: arrivals.durationSeconds,
      warmupSeconds: arrivals.warmupSeconds,
      measuredRuns: st ? st.measuredRuns.mean : null,
    },
    load: { offered: plan.load.offered, binding: plan.load.binding },
    latency,
    wait: st ? { meanSeconds: st.wait.mean.mean, probability: st.wait.probability.mean, p50Seconds: st.wait.p50.mean, p95Seconds: st.wait.p95.mean, p99Seconds: st.wait.p99.mean, ci95Seconds: nonNegative(interval(st.wait.mean, runs)), probabilityCi95: nonNegative(interval(st.wait.probability, runs)) } : null,
    analytic:
      a.wait === null
        ? { form: null, reason: a.note }
        : { form: a.wait.form, exact: a.wait.exact, method: METHOD(a.wait.form, a.wait.exact), wait: { meanSeconds: a.wait.meanSeconds, probability: a.wait.probability, p50Seconds: a.wait.quantileSeconds?.p50 ?? null, p95Seconds: a.wait.quantileSeconds?.p95 ?? null, p99Seconds: a.wait.quantileSeconds?.p99 ?? null } },
    environments,
    coldStarts: st ? { perHour: st.coldStartsPerHour.mean } : null,
    cost: st?.cost ? { perRun: st.cost.perRun.mean, perRunCi95: interval(st.cost.perRun, runs), perHour: st.cost.perHour.mean, perHourCi95: interval(st.cost.perHour, runs) } : null,
    ...(plan.timeline ? { timeline: structuredClone(plan.timeline) } : {}),
    eventsProcessed: st ? st.eventsProcessed : null,
    findings: findings.map((f) => ({ ...f })),
  };
}
