// Offered load against capacity, per environment (docs/streams.md, "Stability"): ρ ≥ 1 is an
// error that names the capacity needed, and the stream is not simulated (its queue grows without
// bound: every percentile would measure the stream's length, not the service). Near 1 a warning
// says how many runs would settle the mean wait.
import { finding, type Finding } from '../findings.js';
import { plural, thousands } from '../units.js';
import { offeredLoad, replicasNeeded, runsToSettleMeanWait } from './queueing/load.js';
import type { EnvironmentDemand } from './streamDemand.js';

/** At or above this ρ the percentiles converge slowly enough to warn. */
export const NEAR_CAPACITY = 0.85;

export interface EnvironmentLoad {
  name: string;
  /** ρ at the mean arrival rate; 0 for unbounded pods or an environment no run uses. */
  offered: number;
  /** ρ at the peak rate of a shape (equal to `offered` without one). */
  peakOffered: number;
  slots: number | null;
  slotSecondsPerRun: number;
  /** Replicas (pods, for a pod environment) with ρ < 1 at the mean rate; null when the slots are unbounded. */
  replicasNeeded: number | null;
}

export interface StreamLoad {
  /** The highest ρ over the environments: `load.offered` of the report. */
  offered: number;
  /** The environment with that ρ; null when no environment has bounded slots. */
  binding: string | null;
  environments: EnvironmentLoad[];
}

export function streamLoad(demand: readonly EnvironmentDemand[], meanRatePerSecond: number, peakRatePerSecond: number): StreamLoad {
  const environments = demand.map((d): EnvironmentLoad => {
    const at = (rate: number): number => (d.slots === null || d.slotSecondsPerRun === 0 ? 0 : offeredLoad({ arrivalRatePerSecond: rate, slotSecondsPerRun: d.slotSecondsPerRun }, d.slots));
    const needed = d.slots === null || d.slotSecondsPerRun === 0 ? null : replicasNeeded({ arrivalRatePerSecond: meanRatePerSecond, slotSecondsPerRun: d.slotSecondsPerRun }, d.concurrency);
    return { name: d.name, offered: at(meanRatePerSecond), peakOffered: at(peakRatePerSecond), slots: d.slots, slotSecondsPerRun: d.slotSecondsPerRun, replicasNeeded: needed };
  });
  let binding: EnvironmentLoad | null = null;
  for (const e of environments) if (e.slots !== null && (binding === null || e.offered > binding.offered)) binding = e;
  return { offered: binding?.offered ?? 0, binding: binding?.name ?? null, environments };
}

export const isStable = (load: StreamLoad): boolean => load.environments.every((e) => e.offered < 1);

/** "14 replicas of concurrency 4 at 3/s", or "14 cluster slots" for pods. */
function neededText(e: EnvironmentLoad, concurrency: number, pods: boolean, rate: string): string {
  const n = e.replicasNeeded ?? 0;
  return pods ? `${plural(n, 'cluster slot')} (clusterSlots: ${n}) at ${rate}` : `${plural(n, 'replica')} of concurrency ${thousands(concurrency)} at ${rate} (replicas: ${n}, or a maximum of ${n} to autoscale)`;
}

export function stabilityFindings(load: StreamLoad, demand: readonly EnvironmentDemand[], rate: string, peakRate: string | null, measuredRuns: number): Finding[] {
  const out: Finding[] = [];
  for (const e of load.environments) {
    const d = demand.find((x) => x.name === e.name);
    if (d === undefined || e.slots === null) continue;
    if (e.offered >= 1) {
      out.push(finding('streamUnstable', { environment: e.name, offered: e.offered, rate, slotSecondsPerRun: e.slotSecondsPerRun, slots: e.slots, needed: neededText(e, d.concurrency, d.pods, rate) }));
      continue;
    }
    if (e.offered >= NEAR_CAPACITY) out.push(finding('streamNearCapacity', { environment: e.name, offered: e.offered, runsToSettle: runsToSettleMeanWait(e.offered) ?? 0, measuredRuns }));
    if (peakRate !== null && e.peakOffered >= 1) out.push(finding('streamPeakOverCapacity', { environment: e.name, offered: e.offered, peakOffered: e.peakOffered, peakRate }));
  }
  return out;
}
