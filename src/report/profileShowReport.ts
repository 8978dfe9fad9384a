// The JSON report of `flyscale profile show`: each core phase's latency percentiles (at 0 bytes
// for transfers) and bandwidth, and with --compare the other profile and the deltas.
import { mean, quantile, type Dist, type DistKind } from '../core/distribution.js';
import type { Phase, Phases } from '../core/model.js';
import { SCHEMA_VERSION, type ReportHeader, type Tool } from './header.js';

/** The core phases in the order of the overhead formula, with their symbols. */
export const SHOWN_PHASES = ['uploadInputs', 'enqueue', 'create', 'dispatch', 'downloadInputs', 'uploadOutputs', 'downloadOutputs'] as const satisfies readonly (keyof Phases)[];
export type ShownPhase = (typeof SHOWN_PHASES)[number];
export const PHASE_SYMBOL = {
  uploadInputs: 'u_in',
  enqueue: 'e',
  create: 't',
  dispatch: 't warm',
  downloadInputs: 'd_in',
  uploadOutputs: 'u_out',
  downloadOutputs: 'd_out',
} as const satisfies Record<ShownPhase, string>;

export const STATS = ['meanSeconds', 'p50Seconds', 'p95Seconds', 'p99Seconds'] as const;
export type Stat = (typeof STATS)[number];

export interface ShownPhaseReport extends Record<Stat, number> {
  /** The latency's form; for a transfer the stats are its latency, i.e. the time at 0 bytes. */
  distribution: DistKind;
  /** null: no size term (a wait, or a transfer given as a plain duration). */
  bandwidthBytesPerSecond: number | null;
}

export interface Delta {
  /** other − profile. */
  absolute: number;
  /** (other − profile) / profile × 100; null when the profile's value is 0. */
  percent: number | null;
}

export interface ProfileShowReport extends Omit<ReportHeader, 'scenario' | 'inputs'> {
  profile: { name: string; ref: string };
  phases: Record<ShownPhase, ShownPhaseReport>;
  compare?: {
    profile: { name: string; ref: string };
    phases: Record<ShownPhase, ShownPhaseReport>;
    deltas: Record<ShownPhase, Record<Stat, Delta> & { bandwidthBytesPerSecond: Delta | null }>;
  };
}

const latencyOf = (phases: Phases, p: ShownPhase): Phase => {
  const value: Phase | Dist = phases[p];
  return 'latency' in value ? value : { latency: value, bandwidthBytesPerSecond: null };
};

export function phaseStats(phase: Phase): ShownPhaseReport {
  const d = phase.latency;
  return {
    meanSeconds: mean(d),
    p50Seconds: quantile(d, 0.5),
    p95Seconds: quantile(d, 0.95),
    p99Seconds: quantile(d, 0.99),
    distribution: d.kind,
    bandwidthBytesPerSecond: phase.bandwidthBytesPerSecond,
  };
}

export const delta = (a: number, b: number): Delta => ({ absolute: b - a, percent: a === 0 ? null : ((b - a) / a) * 100 });

const map = <T>(f: (p: ShownPhase) => T): Record<ShownPhase, T> => map2(SHOWN_PHASES, f);

export interface ShownProfile {
  name: string;
  ref: string;
  phases: Phases;
}

export function profileShowReport(tool: Tool, profile: ShownProfile, other?: ShownProfile): ProfileShowReport {
  const phases = map((p) => phaseStats(latencyOf(profile.phases, p)));
  const report: ProfileShowReport = { schemaVersion: SCHEMA_VERSION, tool, command: 'profile show', profile: { name: profile.name, ref: profile.ref }, phases };
  if (other === undefined) return report;
  const otherPhases = map((p) => phaseStats(latencyOf(other.phases, p)));
  const deltas = map((p) => {
    const a = phases[p];
    const b = otherPhases[p];
    const bandwidth = a.bandwidthBytesPerSecond !== null && b.bandwidthBytesPerSecond !== null ? delta(a.bandwidthBytesPerSecond, b.bandwidthBytesPerSecond) : null;
    return { ...map2(STATS, (s) => delta(a[s], b[s])), bandwidthBytesPerSecond: bandwidth };
  });
  return { ...report, compare: { profile: { name: other.name, ref: other.ref }, phases: otherPhases, deltas } };
}

/** A record over a closed list of keys, in that order. */
function map2<K extends string, T>(keys: readonly K[], f: (k: K) => T): Record<K, T> {
  const out: Partial<Record<K, T>> = {};
  for (const k of keys) out[k] = f(k);
  // Every key of the closed list was set just above.
  return out as Record<K, T>;
}
