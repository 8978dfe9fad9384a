// Racing a sweep (`sweep --race`): every point gets a few replications, then the points that are
// dominated with 95% confidence are dropped and the rest run on, in rounds of 1.5× the
// replications, up to the full count. Common random numbers: replication r of every point uses
// the same seed, so two points are compared on paired differences, whose spread is far smaller
// than either point's own. Pure: the caller simulates "point p, replications [from, to)".
import { normalQuantile } from '../distribution.js';

export const RACE_MODES = ['objective', 'pareto'] as const;
/** objective: dropped when worse than the leader on the objective; pareto: when some point is better on both time and cost. */
export type RaceMode = (typeof RACE_MODES)[number];

export interface RaceSample {
  timeSeconds: number;
  cost: number;
}

export interface RaceOptions {
  /** Replications a survivor ends with (the exhaustive sweep's count). */
  runs: number;
  /** Replications of the first round (at least 2). */
  firstRuns: number;
  mode: RaceMode;
  /** With mode objective: which measure ranks. */
  objective: 'time' | 'cost';
}

export interface Drop {
  point: number;
  /** Replications the point had when it was dropped. */
  afterRuns: number;
  /** The point that dominates it with 95% confidence. */
  by: number;
}

export interface RaceOutcome {
  /** Replications each point received. */
  runs: number[];
  dropped: Drop[];
  survivors: number[];
}

export type SimulatePoint = (point: number, from: number, to: number) => readonly RaceSample[] | Promise<readonly RaceSample[]>;

/**
 * Student's t quantile at probability p with ν degrees of freedom, by the Cornish–Fisher
 * expansion around the normal quantile z (Abramowitz & Stegun 26.7.5): within 1% for ν ≥ 4
 * up to p = 0.9995, and on the high side below that, so tests built on it stay conservative.
 */
export function tQuantile(p: number, nu: number): number {
  const z = normalQuantile(p);
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * nu ** 3);
}

/**
 * True when the paired interval of worse − better at confidence 1 − alpha lies entirely above 0
 * (alpha 0.05: the 95% interval).
 */
export function surelyWorse(worse: readonly number[], better: readonly number[], n: number, alpha = 0.05): boolean {
  let mean = 0;
  for (let r = 0; r < n; r++) mean += (worse[r] ?? 0) - (better[r] ?? 0);
  mean /= n;
  if (!(mean > 0)) return false;
  let ss = 0;
  for (let r = 0; r < n; r++) ss += ((worse[r] ?? 0) - (better[r] ?? 0) - mean) ** 2;
  const half = (tQuantile(1 - alpha / 2, n - 1) * Math.sqrt(ss / (n - 1))) / Math.sqrt(n);
  return mean - half > 0;
}

/** Race `count` points (indices 0 … count−1); `candidates` limits it to some of them (default all). */
export async function race(count: number, simulate: SimulatePoint, options: RaceOptions, candidates?: readonly number[]): Promise<RaceOutcome> {
  const time: number[][] = Array.from({ length: count }, () => []);
  const cost: number[][] = Array.from({ length: count }, () => []);
  let alive = [...(candidates ?? Array.from({ length: count }, (_, i) => i))];
  const dropped: Drop[] = [];
  let n = Math.min(Math.max(2, options.firstRuns), options.runs);
  for (;;) {
    for (const p of alive) {
      const have = time[p]?.length ?? 0;
      if (have >= n) continue;
      for (const s of await simulate(p, have, n)) {
        time[p]?.push(s.timeSeconds);
        cost[p]?.push(s.cost);
      }
    }
    if (n >= options.runs || alive.length <= 1) break;
    const out = dominated(alive, time, cost, n, options);
    for (const d of out) dropped.push({ point: d.point, afterRuns: n, by: d.by });
    const gone = new Set(out.map((d) => d.point));
    alive = alive.filter((p) => !gone.has(p));
    n = Math.min(options.runs, Math.ceil(1.5 * n));
  }
  return { runs: time.map((t) => t.length), dropped, survivors: alive };
}

function dominated(alive: readonly number[], time: number[][], cost: number[][], n: number, o: RaceOptions): Array<{ point: number; by: number }> {
  const mean = (xs: readonly number[]): number => xs.slice(0, n).reduce((s, x) => s + x, 0) / n;
  const out: Array<{ point: number; by: number }> = [];
  if (o.mode === 'objective') {
    const measure = o.objective === 'time' ? time : cost;
    let leader = alive[0] ?? 0;
    for (const p of alive) if (mean(measure[p] ?? []) < mean(measure[leader] ?? [])) leader = p;
    for (const p of alive) if (p !== leader && surelyWorse(measure[p] ?? [], measure[leader] ?? [], n)) out.push({ point: p, by: leader });
    return out;
  }
  // Pareto: p goes when some q is surely better on both time and cost. The witnesses are the
  // points on the front of the means so far: few tests per point, so few false drops.
  const means = alive.map((p) => ({ time: mean(time[p] ?? []), cost: mean(cost[p] ?? []) }));
  const front = alive.filter((_, i) => {
    const a = means[i];
    return a !== undefined && !means.some((b) => b.time <= a.time && b.cost <= a.cost && (b.time < a.time || b.cost < a.cost));
  });
  // Each point is tested against every witness: at 0.05 / witnesses each (Bonferroni), a point is
  // dropped with 95% confidence overall. Both measures must pass (an intersection–union test,
  // which needs no split between them).
  const alpha = 0.05 / Math.max(1, front.length);
  for (const p of alive) {
    for (const q of front) {
      if (q === p) continue;
      if (surelyWorse(time[p] ?? [], time[q] ?? [], n, alpha) && surelyWorse(cost[p] ?? [], cost[q] ?? [], n, alpha)) {
        out.push({ point: p, by: q });
        break;
      }
    }
  }
  return out;
}
