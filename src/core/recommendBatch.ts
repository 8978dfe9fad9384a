// The batch-size rule of MODEL §4: the largest of the lower bounds (overhead ratio, runtime
// floor, fan-out target), capped at N, checked against the upper bounds (memory, inline payload).
import { mean } from './distribution.js';
import type { Scenario } from './model.js';
import { actionOverhead, overheadMean, overheadTerms, variantFor } from './overhead.js';

export const LOWER_BOUNDS = ['overhead', 'floor', 'fanout'] as const;
export const UPPER_BOUNDS = ['memory', 'inline'] as const;
export type LowerBound = (typeof LOWER_BOUNDS)[number];
export type UpperBound = (typeof UPPER_BOUNDS)[number];
export type BatchBinding = LowerBound | 'items';

export interface Conflict {
  lower: LowerBound;
  upper: UpperBound;
  /** What would resolve it, in words. */
  resolution: string;
}

export interface BatchRecommendation {
  recommended: number;
  binding: BatchBinding;
  /** null: the bound does not apply; Infinity never appears (see overheadUnreachable). */
  bounds: Record<LowerBound | UpperBound, number | null>;
  /** B: the transfer seconds one item adds to an action's overhead. */
  perItemTransferSeconds: number;
  /** Transfer time per item × k is at least the item runtime: no batch reaches the ratio. */
  overheadUnreachable: boolean;
  feasible: boolean;
  conflicts: Conflict[];
}

export interface BatchOptions {
  /** Size the overhead bound by the mean (default) or by the p95 of the overhead. */
  overheadStatistic?: 'mean' | 'p95';
}

const RESOLUTIONS: Record<UpperBound, string> = {
  memory: 'give each task more memory (taskMemory), run fewer concurrent actions per replica (concurrency), or use less memory per item',
  inline: 'pass data by reference (File, Dir, DataFrame) instead of inline, or raise max_inline_io_bytes',
};

/**
 * b_overhead solves k·O(b) ≤ b·r with O(b) = O0 + b·B, where O0 is the latency part of the
 * overhead and B the transfer seconds each item adds: b ≥ k·O0 / (r − k·B). With no bandwidth
 * term (B = 0) this is MODEL's ceil(k·O/r).
 */
export function recommendBatch(s: Scenario, options: BatchOptions = {}): BatchRecommendation {
  const { workload: w, limits } = s;
  const r = mean(w.itemRuntime);
  const k = limits.overheadRatio;
  const variant = variantFor(w.pattern, s.pool.mode);
  const o0 = options.overheadStatistic === 'p95' ? actionOverhead(s.phases, variant, 0, 0).total.p95Seconds : overheadMean(s.phases, variant, 0, 0);
  const perItem = overheadTerms(s.phases, variant, w.itemInputBytes, w.itemOutputBytes).reduce((sum, t) => sum + t.shiftSeconds, 0);
  const headroom = r - k * perItem;
  const overheadUnreachable = headroom <= 0;
  // Unreachable: no size meets the ratio, so that bound drops out (a finding says why) rather
  // than pushing the recommendation to one action of every item.
  const bOverhead = overheadUnreachable ? null : Math.max(1, Math.ceil((k * o0) / headroom - 1e-9));
  const bounds: BatchRecommendation['bounds'] = {
    overhead: bOverhead,
    floor: r > 0 ? Math.max(1, Math.ceil(limits.runtimeFloorSeconds / r - 1e-9)) : w.items,
    fanout: Math.max(1, Math.ceil(w.items / limits.targetActionsMax)),
    memory: w.itemMemoryBytes !== null && w.taskMemoryBytes !== null && w.itemMemoryBytes > 0 ? Math.floor(w.taskMemoryBytes / (batchesPerContainer(s) * w.itemMemoryBytes)) : null,
    inline: inlineBound(s),
  };
  let binding: BatchBinding = 'overhead';
  let best = 0;
  for (const name of LOWER_BOUNDS) {
    const value = bounds[name] ?? 0;
    if (value > best) {
      best = value;
      binding = name;
    }
  }
  if (best >= w.items) {
    best = w.items;
    binding = 'items';
  }
  const conflicts: Conflict[] = [];
  for (const upper of UPPER_BOUNDS) {
    const cap = bounds[upper];
    if (cap === null || best <= cap) continue;
    for (const lower of LOWER_BOUNDS) {
      if ((bounds[lower] ?? 0) > cap) conflicts.push({ lower, upper, resolution: RESOLUTIONS[upper] });
    }
  }
  return { recommended: best, binding, bounds, perItemTransferSeconds: perItem, overheadUnreachable, feasible: conflicts.length === 0 && !overheadUnreachable, conflicts };
}

/** b_inline = floor(maxInline / item bytes) when data passes inline; the larger direction decides. */
function inlineBound(s: Scenario): number | null {
  const bytes = Math.max(s.workload.itemInputBytes, s.workload.itemOutputBytes);
  if (s.workload.data !== 'inline' || bytes <= 0) return null;
  return Math.floor(s.limits.maxInlineIoBytes / bytes);
}

/** Batches that share one container's memory: a reusable replica runs `concurrency` of them at once. */
export function batchesPerContainer(s: Scenario): number {
  return s.pool.mode === 'reusable' && s.workload.pattern === 'task' ? s.pool.concurrency : 1;
}

/** The largest batch the upper bounds allow, or null when none applies. */
export function upperCap(rec: BatchRecommendation): number | null {
  const caps = UPPER_BOUNDS.map((u) => rec.bounds[u]).filter((x): x is number => x !== null);
  return caps.length ? Math.max(1, Math.min(...caps)) : null;
}
