// Replay: a run as Flyte recorded it beside the run as the model predicts it from the profile
// and scenario imported from it. Observed against predicted: makespan (inside the predicted
// p5–p95 and 95% interval of the mean or not), throughput, peak slots, cold starts; and
// findings where the model cannot explain what happened.
import { poolCapacity, type Scenario } from '../model.js';
import type { Summary, Timeline } from '../sim/types.js';
import type { RunMapping } from '../import/mapping.js';

export const REPLAY_FINDINGS = ['makespanOutside', 'gapBeforeFirstChild', 'concurrencyCapped', 'coldStartsDiffer'] as const;
export type ReplayFindingCode = (typeof REPLAY_FINDINGS)[number];

export interface ReplayFinding {
  code: ReplayFindingCode;
  severity: 'error' | 'warn' | 'info';
  message: string;
}

/** null: inside the predicted p5–p95; a number: |observed − mean| / mean at most this. */
export type Tolerance = number | null;

export interface ReplayComparison {
  observed: { makespanSeconds: number; throughputItemsPerSecond: number; peakSlots: number; coldStarts: number; items: number };
  /** peakSlots: the most busy slots in replication 0's timeline. */
  predicted: { makespanSeconds: Summary['makespanSeconds']; throughputItemsPerSecond: number; peakSlots: number; coldStarts: number; runs: number };
  error: { makespanSeconds: number; makespanRelative: number; insideP5P95: boolean; insideCi95: boolean; withinTolerance: boolean; tolerance: string };
  timeline: { timeSeconds: number; observedBusySlots: number; predictedBusySlots: number }[] | null;
  findings: ReplayFinding[];
}

/** The tightest limit on actions at once that the scenario knows (null: none). */
export function knownConcurrencyLimit(scenario: Scenario): number | null {
  const limits = [poolCapacity(scenario.pool), scenario.run.maxActionConcurrency, scenario.run.queueConcurrency, scenario.run.mapConcurrency > 0 ? scenario.run.mapConcurrency : null, scenario.limits.maxChildrenInFlight];
  const known = limits.filter((x): x is number => x !== null);
  return known.length ? Math.min(...known) : null;
}

const s = (x: number): string => (x >= 100 ? `${x.toFixed(0)} s` : `${x.toPrecision(3)} s`);

export function compareReplay(m: RunMapping, summary: Summary, capacity: number | null, timeline: Timeline | undefined, tolerance: Tolerance): ReplayComparison {
  const observed = { makespanSeconds: m.makespanSeconds, throughputItemsPerSecond: m.makespanSeconds > 0 ? m.workload.items / m.makespanSeconds : 0, peakSlots: m.occupancy.peak, coldStarts: m.pool.coldStarts, items: m.workload.items };
  const spread = summary.makespanSeconds;
  const diff = observed.makespanSeconds - spread.mean;
  const relative = spread.mean > 0 ? diff / spread.mean : 0;
  const insideP5P95 = observed.makespanSeconds >= spread.p5 && observed.makespanSeconds <= spread.p95;
  const insideCi95 = observed.makespanSeconds >= spread.ci95[0] && observed.makespanSeconds <= spread.ci95[1];
  const withinTolerance = tolerance === null ? insideP5P95 : Math.abs(relative) <= tolerance;
  const findings: ReplayFinding[] = [];
  const toleranceText = tolerance === null ? 'inside the predicted p5–p95' : `within ${(tolerance * 100).toPrecision(3)}% of the predicted mean`;
  if (!withinTolerance) {
    findings.push({ code: 'makespanOutside', severity: 'error', message: `the observed makespan ${s(observed.makespanSeconds)} is not ${toleranceText} (p5 ${s(spread.p5)}, mean ${s(spread.mean)}, p95 ${s(spread.p95)}): the run met something the scenario does not know` });
  }
  const gap = m.workload.parentStartSeconds;
  if (gap > 0.1 * m.makespanSeconds && gap > 10) {
    findings.push({ code: 'gapBeforeFirstChild', severity: 'warn', message: `the first child started ${s(gap)} after the run (${((gap / m.makespanSeconds) * 100).toFixed(0)}% of the makespan): the parent's own work, replayed as parentStart; flyscale does not predict it` });
  }
  const waited = m.main.samples.waitingForResources.length > 0 || m.main.samples.queued.some((q) => q > 10);
  if (capacity !== null && waited && m.occupancy.peak < 0.9 * capacity) {
    findings.push({ code: 'concurrencyCapped', severity: 'warn', message: `actions waited, yet at most ${m.occupancy.peak} slots were busy, below the ${capacity} the scenario allows: a limit it does not know (a quota, max_action_concurrency, a namespace's resources)` });
  }
  const predictedCold = summary.coldStarts.mean;
  if (m.pool.mode === 'reusable' && Math.abs(predictedCold - observed.coldStarts) > Math.max(2, 0.5 * observed.coldStarts)) {
    findings.push({ code: 'coldStartsDiffer', severity: 'info', message: `${observed.coldStarts} cold starts observed, ${predictedCold.toFixed(1)} predicted: the autoscaler Flyte ran differs from the one modelled (docs/simulator.md)` });
  }
  const points = timeline?.points.map((p) => ({ timeSeconds: p.timeSeconds, observedBusySlots: m.occupancy.at(m.originSeconds + p.timeSeconds), predictedBusySlots: p.busySlots })) ?? null;
  return {
    observed,
    predicted: { makespanSeconds: spread, throughputItemsPerSecond: summary.throughputItemsPerSecond.mean, peakSlots: Math.max(0, ...(timeline?.points.map((p) => p.busySlots) ?? [])), coldStarts: predictedCold, runs: summary.runs },
    error: { makespanSeconds: diff, makespanRelative: relative, insideP5P95, insideCi95, withinTolerance, tolerance: toleranceText },
    timeline: points,
    findings,
  };
}
