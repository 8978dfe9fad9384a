// The tail-aware estimate (issue 10) against long simulations on a grid of pools, batch sizes
// and item spreads: the plain closed form on mean slot times was −5% to −67% off here.
import { describe, expect, test } from 'vitest';
import { effectiveConcurrency } from '../../src/core/concurrency.js';
import { cumulantsOf, NO_SPREAD, scaleCumulants, shiftedLognormal, slnCdf } from '../../src/core/cumulants.js';
import { type Dist, quantile } from '../../src/core/distribution.js';
import { estimateMakespan } from '../../src/core/estimate.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import { expectedMaxOf } from '../../src/core/tailEstimate.js';
import { fixedPool, scenario } from '../helpers/scenario.js';

describe('pieces', () => {
  test('the expected maximum of n exponentials is the harmonic number H_n', () => {
    // E[max of n Exp(1)] = 1 + 1/2 + … + 1/n.
    for (const n of [1, 10, 1000]) {
      let h = 0;
      for (let i = 1; i <= n; i++) h += 1 / i;
      expect(expectedMaxOf(n, (x) => 1 - Math.exp(-x)) / h).toBeCloseTo(1, 3);
    }
  });

  test('a lognormal is its own three-cumulant fit', () => {
    const d: Dist = { kind: 'lognormal', mu: 0.3, sigma: 1.5 };
    const fit = shiftedLognormal(cumulantsOf(d));
    expect(fit.shift).toBeCloseTo(0, 6);
    expect(fit.sigma).toBeCloseTo(1.5, 6);
    for (const p of [0.1, 0.5, 0.99]) expect(slnCdf(fit, quantile(d, p))).toBeCloseTo(p, 5);
  });

  test('cumulants of a sum of b items scale by b', () => {
    const c = scaleCumulants(cumulantsOf({ kind: 'exponential', mean: 2 }), 10);
    // Exp(mean 2): mean 2, variance 4, third central moment 2·2³ = 16.
    expect(c).toEqual({ mean: 20, variance: 40, third: 160 });
    expect(NO_SPREAD(3)).toEqual({ mean: 3, variance: 0, third: 0 });
  });
});

describe('estimate against the simulated mean', () => {
  const at = (sigma: number, replicas: number, concurrency: number, batch: number) =>
    scenario({
      workload: { items: 3_000, batchSize: batch, itemRuntime: { kind: 'lognormal', mu: 0, sigma } },
      pool: { ...fixedPool(replicas, concurrency), idleTtlSeconds: 1e9 },
      limits: { enqueueRatePerSecond: Infinity, maxChildrenInFlight: 1e9 },
    });
  const simulated = (s: ReturnType<typeof at>, batch: number, runs: number) => {
    const xs = simulateMany(s, batch, { runs, seed: 5 }).map((r) => r.makespanSeconds);
    const m = xs.reduce((a, x) => a + x, 0) / runs;
    const se = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (runs - 1) / runs);
    return { mean: m, se };
  };
  const grid: Array<[sigma: number, replicas: number, concurrency: number, batch: number]> = [];
  for (const sigma of [0.1, 0.5, 1]) for (const [r, c] of [[20, 8], [10, 1]] as const) for (const b of [1, 10, 100]) grid.push([sigma, r, c, b]);
  test.each(grid)('sigma %d on %d × %d slots, batch %d: within 5% (plus two standard errors)', (sigma, r, c, b) => {
    const s = at(sigma, r, c, b);
    const e = estimateMakespan(s, b, effectiveConcurrency(s));
    expect(e.method).toBe('tailAware');
    const sim = simulated(s, b, 40);
    expect(Math.abs(e.makespanSeconds - sim.mean)).toBeLessThan(0.05 * sim.mean + 2 * sim.se);
  });

  test.each([1, 10])('sigma 1.5 on 20 × 8 slots, batch %d: never optimistic, at most 25% high', (b) => {
    const s = at(1.5, 20, 8, b);
    const e = estimateMakespan(s, b, effectiveConcurrency(s));
    const sim = simulated(s, b, 120);
    expect(e.makespanSeconds).toBeGreaterThan(0.95 * sim.mean - 2 * sim.se);
    expect(e.makespanSeconds).toBeLessThan(1.25 * sim.mean + 2 * sim.se);
  });
});
