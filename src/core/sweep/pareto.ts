// The Pareto set of time against cost: points no other point beats on both.

export interface Costed {
  time: number;
  cost: number;
}

/** Indices of the points that no other point dominates (≤ on both, < on one). */
export function paretoSet(points: readonly Costed[]): Set<number> {
  const front = new Set<number>();
  points.forEach((p, i) => {
    const dominated = points.some((q, j) => j !== i && q.time <= p.time && q.cost <= p.cost && (q.time < p.time || q.cost < p.cost));
    if (!dominated) front.add(i);
  });
  return front;
}
