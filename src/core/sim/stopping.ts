// When to stop replicating (`simulate --runs auto`): a sequential rule on the mean makespan.
// After each batch of replications it either stops — the 95% confidence interval's half-width
// is within `precision` × |mean|, or `maxRuns` are done — or names how many replications to
// have in all after the next batch. The schedule depends only on the replications' values,
// which depend only on the seed, so the same seed stops at the same count whatever the number
// of worker threads. Pure.
import { tQuantile975 } from './studentT.js';

export const STOP_REASONS = ['precision', 'maxRuns', 'fixed'] as const;
export type StopReason = (typeof STOP_REASONS)[number];

export interface PrecisionTarget {
  /** Target half-width of the 95% interval of the mean, as a fraction of the mean (0.01: ±1%). */
  precision: number;
  /** Replications of the first batch; the interval needs a few to mean anything. */
  minRuns: number;
  maxRuns: number;
}

export const DEFAULT_PRECISION = 0.01;
export const DEFAULT_MIN_RUNS = 10;
export const DEFAULT_MAX_RUNS = 1000;

export type NextRuns = { done: false; runs: number } | { done: true; reason: Exclude<StopReason, 'fixed'>; relativeHalfWidth: number };

/** Half-width of the 95% interval of the mean over |mean| (0 when there is no spread). */
export function relativeHalfWidth(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Infinity;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  if (sd === 0) return 0;
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return mean === 0 ? Infinity : half / Math.abs(mean);
}

/**
 * The decision after `values` (makespans of replications 0 … n−1). The next total is the count
 * the current spread says is needed, (n · (h/ε)²) with 5% to spare, but at least 25% more and
 * at most 4× the current count (an early spread is noisy), and never beyond maxRuns.
 */
export function nextRuns(values: readonly number[], target: PrecisionTarget): NextRuns {
  const n = values.length;
  const first = Math.min(Math.max(2, target.minRuns), target.maxRuns);
  if (n < first) return { done: false, runs: first };
  const h = relativeHalfWidth(values);
  if (h <= target.precision) return { done: true, reason: 'precision', relativeHalfWidth: h };
  if (n >= target.maxRuns) return { done: true, reason: 'maxRuns', relativeHalfWidth: h };
  const needed = Number.isFinite(h) ? Math.ceil(1.05 * n * (h / target.precision) ** 2) : 4 * n;
  const runs = Math.min(target.maxRuns, Math.max(Math.ceil(1.25 * n), Math.min(4 * n, needed)));
  return { done: false, runs };
}

/** The whole loop over a synchronous "replications [from, to)" callback (the CLI runs its own, asynchronously). */
export function runUntilSettled(target: PrecisionTarget, run: (from: number, to: number) => readonly number[]): { values: number[]; reason: Exclude<StopReason, 'fixed'>; relativeHalfWidth: number } {
  const values: number[] = [];
  for (;;) {
    const next = nextRuns(values, target);
    if (next.done) return { values, reason: next.reason, relativeHalfWidth: next.relativeHalfWidth };
    values.push(...run(values.length, next.runs));
  }
}
