// The public JSON contract of `plan` (MODEL §7). Its own types, separate from core's, so
// internal changes cannot leak into what scripts rely on; the closed vocabularies are core's
// own unions. Bump SCHEMA_VERSION (report/header.ts) on a breaking change.
import type { Plan } from '../core/plan.js';
import type { Overhead, Variant } from '../core/overhead.js';
import { SEVERITY_ORDER, type Finding } from '../core/findings.js';
import type { Limits } from '../core/model.js';
import type { BatchBinding } from '../core/recommendBatch.js';
import type { FanoutBand, FanoutStatus } from '../core/fanout.js';
import type { ConcurrencyLimit } from '../core/concurrency.js';
import type { EstimateMethod, EstimateTerm } from '../core/estimate.js';
import type { ReportHeader } from './header.js';
import type { SimulationBlock } from './simulateReport.js';

export { SCHEMA_VERSION, type ReportHeader } from './header.js';

export interface OverheadReport {
  variant: Variant;
  method: 'exact' | 'sampled';
  perAction: { meanSeconds: number; p50Seconds: number; p95Seconds: number; p99Seconds: number };
  /** By phase (OverheadPhase); keyed by string so renderers may look up any name. */
  components: Record<string, { meanSeconds: number; share: number }>;
}

export interface PlanReport extends ReportHeader {
  overhead: OverheadReport & { variants?: Partial<Record<Variant, OverheadReport>> };
  batch: {
    /** The size to use: never above a cap; equal to `size` unless the scenario sets its own. */
    recommended: number;
    binding: BatchBinding;
    /** The size every estimate, finding and fan-out count of this report is computed on. */
    size: number;
    sizeFrom: Plan['batch']['sizeFrom'];
    /** The largest soft lower bound (overhead ratio, runtime floor, fan-out target), capped at the items. */
    lowerBound: number;
    lowerBinding: string;
    /** The smallest hard upper bound (memory, inline payload); null when none applies. */
    cap: number | null;
    /** The hard lower bound: the smallest batch within maxActionsPerRun. */
    minimum: number;
    /** Soft lower bounds that yielded to the cap. */
    yielded: string[];
    /** Every hard limit can be met (soft targets never make a plan infeasible). */
    feasible: boolean;
    /** By bound (LowerBound | UpperBound); keyed by string as components are. */
    bounds: Record<string, number | null>;
    conflicts: { lower: string; upper: string; resolution: string }[];
    actions: number;
    runtimeSeconds: number;
    overheadSeconds: number;
    overheadRatio: number | null;
    waves: number;
    lastWaveFill: number;
    /** A size that fills whole waves and finishes more than 10% sooner (its estimated makespan), or null. */
    waveAligned: { batchSize: number; actions: number; waves: number; lastWaveFill: number; makespanSeconds: number; saving: number } | null;
  };
  fanout: { actions: number; status: FanoutStatus; band: FanoutBand; shareOfLimit: number; limits: { hard: number; recommended: number; targetMin: number; targetMax: number } };
  concurrency: { effective: number; binding: ConcurrencyLimit; limits: Partial<Record<ConcurrencyLimit, number>> };
  estimate: {
    makespanSeconds: number;
    throughputItemsPerSecond: number;
    binding: EstimateTerm;
    termsSeconds: Partial<Record<EstimateTerm, number>>;
    /** How the slot term was computed: means (mean slot times) or tailAware (their distribution). */
    method: EstimateMethod;
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
    /** Replica-seconds billed, as the simulator counts them (pods: slot time; pools: creation to removal). */
    billedReplicaSeconds: number;
    /** pricing.perReplicaHour × billed hours; null without a price. */
    cost: number | null;
    /** The cost is exact for the mean (pods and traces with an exact estimate); pools are estimated. */
    costExact: boolean;
  };
  findings: Finding[];
  /** With --simulate: the simulated run beside the closed form. */
  simulation?: SimulationBlock;
}

export function overheadReport(o: Overhead): OverheadReport {
  const components: OverheadReport['components'] = Object.fromEntries(Object.entries(o.components).flatMap(([phase, c]) => (c ? [[phase, { meanSeconds: c.meanSeconds, share: c.share }]] : [])));
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
      lowerBound: b.lowerBound,
      lowerBinding: b.lowerBinding,
      cap: b.cap,
      minimum: b.minimum,
      yielded: [...b.yielded],
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
      billedReplicaSeconds: p.cost.billedReplicaSeconds,
      cost: p.cost.cost,
      costExact: p.cost.exact,
    },
    findings: findings.map((f) => ({ ...f })),
  };
}
