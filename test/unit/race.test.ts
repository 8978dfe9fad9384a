import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { paretoSet } from '../../src/core/sweep/pareto.js';
import { race, surelyWorse, tQuantile, type RaceSample } from '../../src/core/sweep/race.js';

describe('racing a sweep', () => {
  test("Student's t quantiles against the table", () => {
    // t(0.975; 4) = 2.776, t(0.975; 30) = 2.042, t(0.9975; 9) = 3.690
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 1);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042, 2);
    expect(tQuantile(0.9975, 9)).toBeCloseTo(3.69, 1);
  });

  test('surely worse: paired differences by hand', () => {
    // differences 1, 2, 3: mean 2, sd 1, half = t(0.975; 2) × 1/√3 = 4.303/1.732 = 2.48 > 2: not sure
    expect(surelyWorse([2, 4, 6], [1, 2, 3], 3)).toBe(false);
    // differences 2, 2.1, 1.9, 2, 2: the interval is far above 0
    expect(surelyWorse([3, 3.1, 2.9, 3, 3], [1, 1, 1, 1, 1], 5)).toBe(true);
    expect(surelyWorse([1, 1, 1], [3, 3, 3], 3)).toBe(false);
  });

  // 60 points: time = base + common noise (the same replication seed) + a little of its own;
  // cost falls as time rises along a front, and most points sit well behind it.
  const base = Array.from({ length: 60 }, (_, i) => ({ time: 10 + (i % 10) * 2 + Math.floor(i / 10) * 5, cost: 30 - (i % 10) * 2 + Math.floor(i / 10) * 4 }));
  const simulate = (p: number, from: number, to: number): RaceSample[] =>
    Array.from({ length: to - from }, (_, k) => {
      const r = from + k;
      const common = createRng(1000 + r).normal() * 3;
      const own = createRng(7919 * (p + 1) + r);
      const b = base[p] ?? { time: 0, cost: 0 };
      return { timeSeconds: b.time + common + own.normal() * 0.5, cost: b.cost + common + own.normal() * 0.5 };
    });
  const meanOf = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
  const exhaustive = base.map((_, p) => {
    const xs = simulate(p, 0, 100);
    return { time: meanOf(xs.map((x) => x.timeSeconds)), cost: meanOf(xs.map((x) => x.cost)) };
  });

  test('pareto mode keeps the front, drops the rest early, and spends far less', async () => {
    const out = await race(base.length, simulate, { runs: 100, firstRuns: 5, mode: 'pareto', objective: 'time' });
    const front = [...paretoSet(exhaustive)].sort((a, b) => a - b);
    // The front by construction: the first row (i < 10), each a time/cost trade-off.
    expect(front).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    for (const p of front) expect(out.survivors).toContain(p);
    for (const p of out.survivors) expect(out.runs[p]).toBe(100);
    for (const d of out.dropped) {
      expect(out.runs[d.point]).toBe(d.afterRuns);
      expect(exhaustive[d.by]?.time).toBeLessThan(exhaustive[d.point]?.time ?? 0);
      expect(exhaustive[d.by]?.cost).toBeLessThan(exhaustive[d.point]?.cost ?? 0);
    }
    const spent = out.runs.reduce((a, n) => a + n, 0);
    expect(spent).toBeLessThan(0.4 * 100 * base.length);
  });

  test('objective mode keeps the best and drops every point surely worse than the leader', async () => {
    const out = await race(base.length, simulate, { runs: 100, firstRuns: 5, mode: 'objective', objective: 'time' });
    expect(out.survivors).toContain(0); // time 10: the best by construction
    expect(out.survivors.length).toBeLessThan(5);
    for (const d of out.dropped) expect(d.by).toBe(0);
  });
});
