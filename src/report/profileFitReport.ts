// The JSON report of `flyscale profile fit`: a public contract with its own types, built from
// the fits, so internal fields (typed arrays, fences) never leak into it.
import type { PhaseFit } from '../core/fit/fitPhase.js';
import { describeNote, NOTE_SEVERITY, type FitNoteCode, type Severity } from '../core/fit/notes.js';
import type { FitForm } from '../core/fit/choose.js';
import type { LogFormat } from '../core/fit/logFormat.js';
import { SCHEMA_VERSION, type ReportHeader, type Tool } from './header.js';

/** Where a fitted phase goes: the profile, the scenario's item runtime, or nowhere. */
export type FitDestination = 'profile' | 'workload.itemRuntime' | 'none';

export interface FitPhaseReport {
  /** Rows fitted (rows less trimmed outliers). */
  n: number;
  rows: number;
  outliers: number;
  trimmed: number;
  /** Form of the duration, or of the latency when the transfer form was chosen. */
  form: FitForm;
  /** The phase took the form latency + bytes / bandwidth. */
  transfer: boolean;
  reason: string;
  destination: FitDestination;
  /** Measured seconds (bytes term included) of the fitted rows. */
  meanSeconds: number;
  sdSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
  minSeconds: number;
  maxSeconds: number;
  /** Lognormal by MLE of the (latency) seconds; null when declined. */
  lognormal: { medianSeconds: number; sigma: number; ksDistance: number; ksCritical: number } | null;
  /** Least squares of seconds on bytes, when tried; null otherwise. */
  rSquared: number | null;
  bandwidthBytesPerSecond: number | null;
  /** Samples that would put the p95 within ±10% at 95% confidence; null when it cannot be said. */
  samplesForP95: number | null;
}

export interface FitSourceReport {
  file: string;
  format: LogFormat;
  sha256: string;
  rows: number;
  badRows: number;
}

export interface FitNoteReport {
  phase: string;
  code: FitNoteCode;
  severity: Severity;
  message: string;
}

export interface ProfileFitReport extends Omit<ReportHeader, 'scenario' | 'inputs'> {
  profile: { name: string; date: string; out: string | null };
  sources: FitSourceReport[];
  phases: Record<string, FitPhaseReport>;
  /** Profile phases the logs did not measure: a scenario using the profile gets the defaults. */
  unmeasured: string[];
  notes: FitNoteReport[];
}

export function fitPhaseReport(fit: PhaseFit, destination: FitDestination): FitPhaseReport {
  const s = fit.summary;
  const ln = fit.latency.lognormal;
  return {
    n: fit.n,
    rows: fit.rows,
    outliers: fit.outliers,
    trimmed: fit.trimmed,
    form: fit.latency.form,
    transfer: fit.bandwidthBytesPerSecond !== null,
    reason: fit.reason,
    destination,
    meanSeconds: s.meanSeconds,
    sdSeconds: s.sdSeconds,
    p50Seconds: s.p50Seconds,
    p95Seconds: s.p95Seconds,
    p99Seconds: s.p99Seconds,
    minSeconds: s.minSeconds,
    maxSeconds: s.maxSeconds,
    lognormal: ln.ok ? { medianSeconds: Math.exp(ln.fit.mu), sigma: ln.fit.sigma, ksDistance: ln.fit.ksDistance, ksCritical: ln.fit.ksCritical } : null,
    rSquared: fit.transfer?.rSquared ?? null,
    bandwidthBytesPerSecond: fit.bandwidthBytesPerSecond,
    samplesForP95: fit.latency.samplesForP95,
  };
}

export interface FitReportInput {
  tool: Tool;
  profile: ProfileFitReport['profile'];
  sources: readonly FitSourceReport[];
  fits: readonly PhaseFit[];
  profilePhases: readonly string[];
  runtimePhase: string;
}

export function profileFitReport(input: FitReportInput): ProfileFitReport {
  const destination = (phase: string): FitDestination =>
    input.profilePhases.includes(phase) ? 'profile' : phase === input.runtimePhase ? 'workload.itemRuntime' : 'none';
  const measured = new Set(input.fits.map((f) => f.phase));
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: input.tool,
    command: 'profile fit',
    profile: input.profile,
    sources: input.sources.map(({ file, format, sha256, rows, badRows }) => ({ file, format, sha256, rows, badRows })),
    phases: Object.fromEntries(input.fits.map((f) => [f.phase, fitPhaseReport(f, destination(f.phase))])),
    // uploadInputs and the like fall back to upload and download, so only those are listed.
    unmeasured: input.profilePhases.filter((p) => !/(Inputs|Outputs)$/.test(p) && !measured.has(p)),
    notes: input.fits.flatMap((f) => f.notes.map((note) => ({ phase: f.phase, code: note.code, severity: NOTE_SEVERITY[note.code], message: describeNote(note) }))),
  };
}
