// Per-action overhead (MODEL §2): which phases an action pays in each variant, each phase's
// mean and share, and the total's percentiles (exact where possible, otherwise sampled).
import { fixed, isFixed, mean, quantile, type Dist } from './distribution.js';
import type { Phase, Phases } from './model.js';
import { sampledPercentiles } from './overheadSample.js';

export const OVERHEAD_PHASES = ['uploadInputs', 'enqueue', 'create', 'downloadInputs', 'uploadOutputs', 'downloadOutputs'] as const;
export type OverheadPhase = (typeof OVERHEAD_PHASES)[number];

/** task: a pod per action; warm: a warm reusable slot; cacheHit: served from the cache; trace: @flyte.trace. */
export const VARIANTS = ['task', 'warm', 'cacheHit', 'trace'] as const;
export type Variant = (typeof VARIANTS)[number];

const VARIANT_PHASES = {
  task: ['uploadInputs', 'enqueue', 'create', 'downloadInputs', 'uploadOutputs', 'downloadOutputs'],
  warm: ['uploadInputs', 'enqueue', 'create', 'downloadInputs', 'uploadOutputs', 'downloadOutputs'],
  cacheHit: ['uploadInputs', 'enqueue', 'downloadOutputs'],
  trace: ['uploadInputs', 'enqueue', 'uploadOutputs'],
} as const satisfies Record<Variant, readonly OverheadPhase[]>;

/** Points of the Latin hypercube used when the total has no closed-form quantiles (core/overheadSample.ts, its design in core/overheadDesign.ts). */
export { OVERHEAD_SAMPLES } from './overheadSample.js';

export interface Percentiles {
  meanSeconds: number;
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
}

export interface Overhead {
  variant: Variant;
  components: Partial<Record<OverheadPhase, { meanSeconds: number; share: number }>>;
  total: Percentiles;
  method: 'exact' | 'sampled';
}

/** One phase as latency + a fixed size term for the bytes it moves. */
interface Term {
  phase: OverheadPhase;
  latency: Dist;
  shiftSeconds: number;
}

const transfer = (p: Phase, bytes: number): { latency: Dist; shiftSeconds: number } => ({
  latency: p.latency,
  shiftSeconds: p.bandwidthBytesPerSecond ? bytes / p.bandwidthBytesPerSecond : 0,
});

export function overheadTerms(phases: Phases, variant: Variant, inputBytes: number, outputBytes: number): Term[] {
  const all: Record<OverheadPhase, { latency: Dist; shiftSeconds: number }> = {
    uploadInputs: transfer(phases.uploadInputs, inputBytes),
    downloadInputs: transfer(phases.downloadInputs, inputBytes),
    uploadOutputs: transfer(phases.uploadOutputs, outputBytes),
    downloadOutputs: transfer(phases.downloadOutputs, outputBytes),
    enqueue: { latency: phases.enqueue, shiftSeconds: 0 },
    create: { latency: variant === 'warm' ? phases.dispatch : phases.create, shiftSeconds: 0 },
  };
  return VARIANT_PHASES[variant].map((phase) => ({ phase, ...all[phase] }));
}

export function actionOverhead(phases: Phases, variant: Variant, inputBytes: number, outputBytes: number): Overhead {
  const terms = overheadTerms(phases, variant, inputBytes, outputBytes);
  const means = terms.map((t) => mean(t.latency) + t.shiftSeconds);
  const totalMean = means.reduce((s, x) => s + x, 0);
  const components: Overhead['components'] = {};
  terms.forEach((t, i) => {
    const m = means[i] ?? 0;
    components[t.phase] = { meanSeconds: m, share: totalMean > 0 ? m / totalMean : 0 };
  });
  const { total, method } = totalPercentiles(terms, totalMean);
  return { variant, components, total, method };
}

function totalPercentiles(terms: readonly Term[], totalMean: number): { total: Percentiles; method: 'exact' | 'sampled' } {
  const shift = terms.reduce((s, t) => s + t.shiftSeconds, 0);
  const random = terms.filter((t) => !isFixed(t.latency));
  const fixedPart = terms.filter((t) => isFixed(t.latency)).reduce((s, t) => s + mean(t.latency), 0) + shift;
  if (random.length <= 1) {
    // Zero or one random phase: the total is that phase shifted by a constant, exactly.
    const d = random[0]?.latency ?? fixed(0);
    const q = (p: number): number => fixedPart + quantile(d, p);
    return { total: { meanSeconds: totalMean, p50Seconds: q(0.5), p95Seconds: q(0.95), p99Seconds: q(0.99) }, method: 'exact' };
  }
  return { total: { meanSeconds: totalMean, ...sampledPercentiles(random.map((t) => t.latency), fixedPart) }, method: 'sampled' };
}

/** Mean overhead only: cheap, for the batch rule's search. */
export function overheadMean(phases: Phases, variant: Variant, inputBytes: number, outputBytes: number): number {
  return overheadTerms(phases, variant, inputBytes, outputBytes).reduce((sum, t) => sum + mean(t.latency) + t.shiftSeconds, 0);
}

/** The overhead an action of this scenario pays: trace, pod per task, or a warm reusable slot. */
export function variantFor(pattern: 'task' | 'trace', poolMode: 'reusable' | 'pod'): Variant {
  if (pattern === 'trace') return 'trace';
  return poolMode === 'pod' ? 'task' : 'warm';
}
