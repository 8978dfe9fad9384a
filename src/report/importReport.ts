// The JSON report of `flyscale profile import`: what was read, the groups found, pod or pool and
// why, per-phase samples of the fitted group, the fits, the observed workload and its provenance.
import type { PhaseFit } from '../core/fit/fitPhase.js';
import { summarize } from '../core/fit/summary.js';
import type { RunMapping } from '../core/import/mapping.js';
import { MEASURED } from '../core/import/phases.js';
import { fitPhaseReport, type FitPhaseReport } from './profileFitReport.js';
import { SCHEMA_VERSION, type ReportHeader } from './planReport.js';

export interface PhaseSampleReport {
  n: number;
  meanSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  maxSeconds: number;
}

export interface ImportReport extends Omit<ReportHeader, 'scenario' | 'inputs'> {
  run: string;
  form: 'details' | 'list' | 'flyte1';
  sources: { file: string; sha256: string; records: number; badRecords: number; cleaned: { escapes: number; lineBreaks: number } }[];
  out: { profile: string | null; scenario: string | null };
  groups: { name: string; taskName: string | null; actions: number }[];
  group: string;
  pool: { mode: 'pod' | 'reusable'; reason: string; coldStarts: number; coldThresholdSeconds: number | null };
  counts: { actions: number; attempts: number; retries: number; failedAttempts: number; failedActions: number; cacheHits: number; clampedDurations: number; repairedEnds: number };
  /** Recorded phases of the fitted group: QUEUED, WAITING_FOR_RESOURCES, INITIALIZING, RUNNING, and each action's total. */
  samples: Record<string, PhaseSampleReport | null>;
  phases: Record<string, FitPhaseReport>;
  workload: RunMapping['workload'];
  observed: { makespanSeconds: number; peakSlots: number; coldStarts: number };
  provenance: string[];
  skipped: { source: string; line: number | null; path: string; problem: string }[];
}

function sampleReport(xs: readonly number[]): PhaseSampleReport | null {
  if (xs.length === 0) return null;
  const s = summarize(Float64Array.from(xs).sort());
  return { n: xs.length, meanSeconds: s.meanSeconds, p50Seconds: s.p50Seconds, p95Seconds: s.p95Seconds, maxSeconds: s.maxSeconds };
}

export interface ImportReportInput {
  tool: ReportHeader['tool'];
  run: string;
  form: 'details' | 'list' | 'flyte1';
  sources: ImportReport['sources'];
  out: ImportReport['out'];
  mapping: RunMapping;
  fits: readonly PhaseFit[];
  profilePhases: readonly string[];
  skipped: ImportReport['skipped'];
}

export function importReport(input: ImportReportInput): ImportReport {
  const { mapping: m } = input;
  const g = m.main;
  const samples: Record<string, PhaseSampleReport | null> = {};
  for (const phase of MEASURED) samples[phase] = sampleReport(g.samples[phase]);
  samples.total = sampleReport(g.totalSeconds);
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: input.tool,
    command: 'profile import',
    run: input.run,
    form: input.form,
    sources: input.sources,
    out: input.out,
    groups: m.groups.map((x) => ({ name: x.name, taskName: x.taskName, actions: x.actions })),
    group: g.name,
    pool: { mode: m.pool.mode, reason: m.pool.reason, coldStarts: m.pool.coldStarts, coldThresholdSeconds: m.pool.split?.thresholdSeconds ?? null },
    counts: { actions: g.actions, attempts: g.attempts, retries: g.attempts - g.actions, failedAttempts: g.failedAttempts, failedActions: g.failedActions, cacheHits: g.cacheHits, clampedDurations: g.clamped, repairedEnds: g.repaired },
    samples,
    phases: Object.fromEntries(input.fits.map((f) => [f.phase, fitPhaseReport(f, input.profilePhases.includes(f.phase) ? 'profile' : f.phase === 'runtime' ? 'workload.itemRuntime' : 'none')])),
    workload: m.workload,
    observed: { makespanSeconds: m.makespanSeconds, peakSlots: m.occupancy.peak, coldStarts: m.pool.coldStarts },
    provenance: m.provenance,
    skipped: input.skipped,
  };
}
