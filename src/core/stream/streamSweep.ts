// A sweep over the settings of a stream (docs/streams.md, "Sizing"): each point's p99 latency
// and cost from replications of the whole stream, the same seeds at every point (common random
// numbers), ranked by p99 or by cost, the Pareto set of p99 against cost marked. A point whose
// stream is unstable (ρ ≥ 1) is not simulated and is ranked last.
import type { Objective } from '../sweep/rankSweep.js';
import { paretoSet } from '../sweep/pareto.js';
import type { StreamPlan } from './simulateStreamPlan.js';

export interface StreamSweepPoint {
  parameters: Record<string, string>;
  /** Stable (ρ < 1) and simulated. */
  feasible: boolean;
  offered: number;
  latency: { meanSeconds: number; p99Seconds: number; p99Ci95Seconds: [number, number] | null } | null;
  /** Cost per run and per hour; null without a price, or when not simulated. */
  cost: { perRun: number; perHour: number } | null;
  /** Replicas billed on average over every environment: the cost when there is no price. */
  replicasBilled: number | null;
  coldStartsPerHour: number | null;
  pareto: boolean;
  rank: number;
}

export function streamPoint(parameters: Record<string, string>, plan: StreamPlan): Omit<StreamSweepPoint, 'pareto' | 'rank'> {
  const st = plan.statistics;
  if (st === null) return { parameters, feasible: false, offered: plan.load.offered, latency: null, cost: null, replicasBilled: null, coldStartsPerHour: null };
  const p99 = st.latency.p99;
  return {
    parameters,
    feasible: true,
    offered: plan.load.offered,
    latency: { meanSeconds: st.latency.mean.mean, p99Seconds: p99.mean, p99Ci95Seconds: st.replications > 1 ? [p99.ci95[0], p99.ci95[1]] : null },
    cost: st.cost ? { perRun: st.cost.perRun.mean, perHour: st.cost.perHour.mean } : null,
    replicasBilled: Object.values(st.environments).reduce((s, e) => s + e.replicasBilled.mean, 0),
    coldStartsPerHour: st.coldStartsPerHour.mean,
  };
}

/** The cost a point is ranked by: per hour with a price, else the replicas it bills. */
const costOf = (p: Omit<StreamSweepPoint, 'pareto' | 'rank'>): number => p.cost?.perHour ?? p.replicasBilled ?? Number.POSITIVE_INFINITY;

export function rankStreamPoints(points: readonly Omit<StreamSweepPoint, 'pareto' | 'rank'>[], objective: Objective): StreamSweepPoint[] {
  const key = (x: Omit<StreamSweepPoint, 'pareto' | 'rank'>): number => (objective === 'cost' ? costOf(x) : (x.latency?.p99Seconds ?? Number.POSITIVE_INFINITY));
  const order = points
    .map((_, i) => i)
    .sort((a, b) => {
      const x = points[a];
      const y = points[b];
      if (!x || !y) return 0;
      if (x.feasible !== y.feasible) return x.feasible ? -1 : 1;
      if (!x.feasible) return (x.offered - y.offered) || a - b;
      return key(x) - key(y) || a - b;
    });
  const rank = new Map(order.map((i, r) => [i, r + 1]));
  const feasible = points.map((p, i) => ({ p, i })).filter((x) => x.p.feasible);
  const front = paretoSet(feasible.map(({ p }) => ({ time: p.latency?.p99Seconds ?? Number.POSITIVE_INFINITY, cost: costOf(p) })));
  const onFront = new Set([...front].map((k) => feasible[k]?.i ?? -1));
  return points.map((x, i) => ({ ...x, pareto: onFront.has(i), rank: rank.get(i) ?? 0 }));
}
