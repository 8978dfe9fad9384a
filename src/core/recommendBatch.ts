// The batch-size rule (docs/model.md): the largest of the lower bounds (overhead ratio, runtime
// floor, fan-out target), capped at N and at the upper bounds (memory, inline payload). The
// lower bounds are preferences that yield to a cap; only the actions limit is a hard floor.
import { mean } from './distribution.js';
import type { Scenario } from './model.js';
import { resolveConflict } from './batchRemedies.js';
import { actionOverhead, overheadMean, overheadTerms, variantFor } from './overhead.js';

/** Soft lower bounds: preferences (the overhead ratio, the runtime floor, the fan-out target). */
export const LOWER_BOUNDS = ['overhead', 'floor', 'fanout'] as const;
/** Hard upper bounds: a batch above one of them fails (memory) or cannot pass its data (inline). */
export const UPPER_BOUNDS = ['memory', 'inline'] as const;
export type LowerBound = (typeof LOWER_BOUNDS)[number];
export type UpperBound = (typeof UPPER_BOUNDS)[number];
/** What set the recommended size: a lower bound, all the items, or a cap it yielded to. */
export type BatchBinding = LowerBound | 'items' | UpperBound;

/** The hard lower bound ceil(N / maxActionsPerRun) above a hard cap: no batch size works. */
export interface Conflict {
  lower: 'actionsLimit';
  upper: UpperBound;
  /** What would resolve it, in words, with the numbers that would. */
  resolution: string;
}

export interface BatchRecommendation {
  /** The size to use: the largest lower bound, or the cap when that is smaller. */
  recommended: number;
  binding: BatchBinding;
  /** The largest soft lower bound, capped at N: the size the preferences ask for. */
  lowerBound: number;
  lowerBinding: LowerBound | 'items';
  /** The smallest hard upper bound (memory, inline), null when none applies. */
  cap: number | null;
  /** The hard lower bound: the smallest batch that keeps the actions within maxActionsPerRun. */
  minimum: number;
  /** null: the bound does not apply; Infinity never appears (see overheadUnreachable). */
  bounds: Record<LowerBound | UpperBound | 'actionsLimit', number | null>;
  /** B: the transfer seconds one item adds to an action's overhead. */
  perItemTransferSeconds: number;
  /** Transfer time per item × k is at least the item runtime: no batch reaches the ratio. */
  overheadUnreachable: boolean;
  /** Every hard limit can be met; the soft targets never make a plan infeasible. */
  feasible: boolean;
  conflicts: Conflict[];
  /** Soft lower bounds above the cap: they yield to it. */
  yielded: LowerBound[];
}

export interface BatchOptions {
  /** Size the overhead bound by the mean (default) or by the p95 of the overhead. */
  overheadStatistic?: 'mean' | 'p95';
}

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
  const minimum = Math.max(1, Math.ceil(w.items / limits.maxActionsPerRun));
  const bounds: BatchRecommendation['bounds'] = {
    overhead: bOverhead,
    floor: r > 0 ? Math.max(1, Math.ceil(limits.runtimeFloorSeconds / r - 1e-9)) : w.items,
    fanout: Math.max(1, Math.ceil(w.items / limits.targetActionsMax)),
    memory: w.itemMemoryBytes !== null && w.taskMemoryBytes !== null && w.itemMemoryBytes > 0 ? Math.floor(w.taskMemoryBytes / (batchesPerContainer(s) * w.itemMemoryBytes)) : null,
    inline: inlineBound(s),
    actionsLimit: minimum,
  };
  let lowerBinding: LowerBound | 'items' = 'overhead';
  let lowerBound = 0;
  for (const name of LOWER_BOUNDS) {
    const value = bounds[name] ?? 0;
    if (value > lowerBound) {
      lowerBound = value;
      lowerBinding = name;
    }
  }
  if (lowerBound >= w.items) {
    lowerBound = w.items;
    lowerBinding = 'items';
  }
  // The caps are hard, the lower bounds preferences: above the cap, the preference yields.
  let cap: number | null = null;
  let capBinding: UpperBound = 'memory';
  for (const upper of UPPER_BOUNDS) {
    const value = bounds[upper];
    if (value !== null && (cap === null || value < cap)) [cap, capBinding] = [Math.max(1, value), upper];
  }
  const capped = cap !== null && lowerBound > cap;
  const recommended = cap !== null && capped ? cap : lowerBound;
  const yielded = capped ? LOWER_BOUNDS.filter((name) => (bounds[name] ?? 0) > recommended) : [];
  // Only the hard lower bound (the actions limit) against a hard cap makes the plan infeasible.
  const conflicts: Conflict[] = [];
  for (const upper of UPPER_BOUNDS) {
    const value = bounds[upper];
    if (value !== null && minimum > value) conflicts.push({ lower: 'actionsLimit', upper, resolution: resolveConflict(s, upper, minimum, Math.max(1, value), batchesPerContainer(s)) });
  }
  return {
    recommended,
    binding: capped ? capBinding : lowerBinding,
    lowerBound,
    lowerBinding,
    cap,
    minimum,
    bounds,
    perItemTransferSeconds: perItem,
    overheadUnreachable,
    feasible: conflicts.length === 0,
    conflicts,
    yielded,
  };
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

