// A simulated budget assertion runs until its verdict is settled — the 95% interval clear of
// the budget — or its maximum of replications (the assertion's `simulate.runs`), instead of a
// fixed count that may end inconclusive. Pure: the caller runs replications [done, runs).
import type { Assertion } from './assertion.js';
import { evaluate, type Observation } from './evaluate.js';
import { observeMetric, scenarioMetric, type SimulatedMetric, type Statistic } from './observe.js';

/** How an assertion's value is observed over a prefix of replications, and by which statistic (it sizes the first batch). */
export interface Observer<R> {
  statistic: Statistic;
  observe: (reps: readonly R[]) => Observation | undefined;
}

/** A metric read off each replication, observed by its statistic (observe.ts). */
export const observerOf = <R>(m: SimulatedMetric<R>): Observer<R> => ({ statistic: m.statistic, observe: (reps) => observeMetric(m, reps) });

export const SETTLE_REASONS = ['settled', 'maxRuns'] as const;
export type SettleReason = (typeof SETTLE_REASONS)[number];

export type NextCheckRuns = { done: false; runs: number } | { done: true; reason: SettleReason };

/** Replications of the first batch: 10, or enough for a quantile's interval (n·(1 − p) ≥ 5 and n·p ≥ 5). */
export function firstBatch(metric: string | Statistic, maxRuns: number): number {
  const st = typeof metric === 'string' ? scenarioMetric(metric)?.statistic : metric;
  const need = st?.kind === 'quantile' ? Math.max(10, Math.ceil(5 / Math.min(st.p, 1 - st.p))) : 10;
  return Math.min(need, maxRuns);
}

/**
 * After `done` replications observed as `obs` (undefined before any): stop when the verdict is
 * pass or fail (the interval is clear of the budget) or `maxRuns` are done; otherwise the total
 * the interval's width says would settle it, with 5% to spare, at least 25% more and at most 4×.
 */
export function nextCheckRuns(a: Assertion, obs: Observation | undefined, done: number, maxRuns: number, statistic?: Statistic): NextCheckRuns {
  const first = firstBatch(statistic ?? a.metric, maxRuns);
  if (obs === undefined || done < first) return { done: false, runs: first };
  const e = evaluate(a, obs);
  if (e.verdict !== 'inconclusive') return { done: true, reason: 'settled' };
  if (done >= maxRuns) return { done: true, reason: 'maxRuns' };
  const wanted = e.runsToSettle === null ? 4 * done : Math.ceil(1.05 * e.runsToSettle);
  return { done: false, runs: Math.min(maxRuns, Math.max(Math.ceil(1.25 * done), Math.min(4 * done, wanted))) };
}

/**
 * An assertion observed over replications [0, n), n growing by nextCheckRuns until its verdict
 * is settled or `maxRuns`. `shared` holds the replications of one scenario (or workflow) and
 * seed, shared between assertions (replication r is the same whichever asks first); each verdict
 * depends only on its own prefix of them. `more(from, to)` runs replications [from, to); `metric`
 * observes the assertion's value over them (observe.ts, workflowMetrics.ts, observeStream.ts).
 */
export async function observeUntilSettled<R>(a: Assertion, metric: Observer<R>, maxRuns: number, shared: R[], more: (from: number, to: number) => Promise<readonly R[]>): Promise<Observation | undefined> {
  let done = 0;
  let obs: Observation | undefined;
  for (;;) {
    const next = nextCheckRuns(a, obs, done, maxRuns, metric.statistic);
    if (next.done) return obs;
    if (shared.length < next.runs) shared.push(...(await more(shared.length, next.runs)));
    done = next.runs;
    obs = metric.observe(shared.slice(0, done));
    if (obs === undefined) return undefined;
  }
}
