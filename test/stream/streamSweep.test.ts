// Ranking a stream sweep: by p99 or cost per hour, unstable points last (by their load), the
// Pareto set of p99 against cost over the stable points only.
import { describe, expect, it } from 'vitest';
import { rankStreamPoints, type StreamSweepPoint } from '../../src/core/stream/streamSweep.js';

type Point = Omit<StreamSweepPoint, 'pareto' | 'rank'>;
const point = (name: string, p99: number | null, perHour: number, offered: number): Point => ({
  parameters: { replicas: name },
  feasible: p99 !== null,
  offered,
  latency: p99 === null ? null : { meanSeconds: p99 / 3, p99Seconds: p99, p99Ci95Seconds: null },
  cost: p99 === null ? null : { perRun: perHour / 3600, perHour },
  replicasBilled: null,
  coldStartsPerHour: p99 === null ? null : 0,
});

describe('ranking a stream sweep', () => {
  // a: fast and dear; b: slower, cheaper; c: slower and dearer than b (dominated); d, e: unstable.
  const points = [point('a', 1, 30, 0.3), point('b', 2, 10, 0.6), point('c', 3, 20, 0.4), point('e', null, 0, 1.6), point('d', null, 0, 1.2)];
  it('by p99, unstable points last and the least overloaded first among them', () => {
    const ranked = rankStreamPoints(points, 'makespan');
    expect(ranked.map((p) => [p.parameters.replicas, p.rank])).toEqual([['a', 1], ['b', 2], ['c', 3], ['e', 5], ['d', 4]]);
    expect(ranked.filter((p) => p.pareto).map((p) => p.parameters.replicas)).toEqual(['a', 'b']);
  });
  it('by cost per hour', () => {
    expect(rankStreamPoints(points, 'cost').map((p) => p.rank)).toEqual([3, 1, 2, 5, 4]);
  });
});
