// The public JSON contract of `plan` (MODEL §7). Its own types, separate from core's, so
// internal changes cannot leak into what scripts rely on. Bump SCHEMA_VERSION on a breaking change.
import type { Plan } from '../core/plan.js';
import type { Overhead } from '../core/overhead.js';
import { SEVERITY_ORDER, type Finding } from '../core/findings.js';
import type { Limits } from '../core/model.js';
import type { ReportInput } from './inputs.js';
import type { SimulationBlock } from './simulateReport.js';

export const SCHEMA_VERSION = 1;

export interface ReportHeader {
  schemaVersion: number;
  tool: { name: 'flyscale'; version: string };
  command: string;
  scenario: { name: string; profile: string; file: string | null };
  inputs: Record<string, ReportInput>;
}

export interface OverheadReport {
  variant: string;
  method: 'exact' | 'sampled';
  perAction: { meanSeconds: number; p50Seconds: number; p95Seconds: number; p99Seconds: number };
  components: Record<string, { meanSeconds: number; share: number }>;
}

export interface PlanReport extends ReportHeader {
  overhead: OverheadReport & { variants?: Record<string, OverheadReport> };
  batch: {
    recommended: number;
    binding: string;
    size: number;
    sizeFrom: string;
    feasible: boolean;
    bounds: Record<string, number | null>;
    conflicts: { lower: string; upper: string; resolution: string }[];
    actions: number;
    runtimeSeconds: number;
    overheadSeconds: number;
    overheadRatio: number | null;
    waves: number;
    lastWaveFill: number;
    waveAligned: { batchSize: number; actions: number; waves: number; lastWaveFill: number } | null;
  };
  fanout: { actions: number; status: string; band: string; shareOfLimit: number; limits: { hard: number; recommended: number; targetMin: number; targetMax: number } };
  concurrency: { effective: number; binding: string; limits: Record<string, number> };
  estimate: {
    makespanSeconds: number;
    throughputItemsPerSecond: number;
    binding: string;
    termsSeconds: Record<string, number>;
    /** How the slot term was computed: means (mean slot times) or tailAware (their distribution). */
    method: string;
    slotSeconds: number;
    waves: number;
    coldStartSeconds: number;
    /** Attempts per action the estimate expects (1 without failures). */
    expectedAttempts: number;
    /** Probability that an action succeeds within its retries. */
    successProbability: number;
    expectedLostActions: number;
    /** Factor by which processor sharing stretches a runtime (1: none). */
    runtimeStretch: number;
    exact: boolean;
  };
  findings: Finding[];
  /** With --simulate: the simulated run beside the closed form. */
  simulation?: SimulationBlock;
}

export function overheadReport(o: Overhead): OverheadReport {
  const components: Record<string, { meanSeconds: number; share: number }> = {};
  for (const [phase, c] of Object.entries(o.components)) if (c) components[phase] = { meanSeconds: c.meanSeconds, share: c.share };
  return { variant: o.variant, method: o.method, perAction: { ...o.total }, components };
}

/** The plan report; `extra` are findings from the configuration (settings that do not apply). */
export function planReport(header: ReportHeader, p: Plan, l: Limits, extra: readonly Finding[] = []): PlanReport {
  const b = p.batch;
  const limits = { hard: l.maxActionsPerRun, recommended: l.recommendedActionsPerRun, targetMin: l.targetActionsMin, targetMax: l.targetActionsMax };
  const findings = [...p.findings, ...extra].sort((x, y) => SEVERITY_ORDER[x.severity] - SEVERITY_ORDER[y.severity]);
  return {
    ...header,
    overhead: {
      ...overheadReport(p.overhead.perAction),
      ...(p.overhead.variants ? { variants: Object.fromEntries(Object.entries(p.overhead.variants).map(([k, v]) => [k, overheadReport(v)])) } : {}),
    },
    batch: {
      recommended: b.recommended,
      binding: b.binding,
      size: b.size,
      sizeFrom: b.sizeFrom,
      feasible: b.feasible,
      bounds: { ...b.bounds },
      conflicts: b.conflicts.map((c) => ({ ...c })),
      actions: b.actions,
      runtimeSeconds: b.runtimeSeconds,
      overheadSeconds: b.overheadSeconds,
      overheadRatio: b.overheadSeconds > 0 ? b.overheadRatio : null,
      waves: b.waves.waves,
      lastWaveFill: b.waves.lastWaveFill,
      waveAligned: b.waves.aligned ? { ...b.waves.aligned } : null,
    },
    fanout: { actions: p.fanout.actions, status: p.fanout.status, band: p.fanout.band, shareOfLimit: p.fanout.shareOfLimit, limits },
    concurrency: { effective: p.concurrency.effective, binding: p.concurrency.binding, limits: { ...p.concurrency.limits } },
    estimate: {
      makespanSeconds: p.estimate.makespanSeconds,
      throughputItemsPerSecond: p.estimate.throughputItemsPerSecond,
      binding: p.estimate.binding,
      termsSeconds: { ...p.estimate.terms },
      method: p.estimate.method,
      slotSeconds: p.estimate.slotSeconds,
      waves: p.estimate.waves,
      coldStartSeconds: p.estimate.coldStartSeconds,
      expectedAttempts: p.estimate.expectedAttempts,
      successProbability: p.estimate.successProbability,
      expectedLostActions: p.estimate.expectedLostActions,
      runtimeStretch: p.estimate.runtimeStretch,
      exact: p.estimate.exact,
    },
    findings: findings.map((f) => ({ ...f })),
  };
}
