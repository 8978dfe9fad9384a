import { describe, expect, test } from 'vitest';
import { type Dist, empirical, fixed, mean, variance } from '../../src/core/distribution.js';
import { createRng } from '../../src/core/random.js';
import { batchRuntimeSampler, batchSumApproximation, DRAW_EACH_UP_TO } from '../../src/core/sim/batchRuntime.js';
import { durationSampler } from '../../src/core/sim/phaseSampler.js';

const items: Dist[] = [
  { kind: 'lognormal', mu: Math.log(10), sigma: 0.5 },
  { kind: 'exponential', mean: 2 },
  { kind: 'uniform', min: 1, max: 4 },
  empirical([0.5, 1, 1, 3, 7]),
];

describe('sum of b item runtimes beyond DRAW_EACH_UP_TO', () => {
  test.each(items)('keeps the mean b·m and variance b·v exactly: %o', (item) => {
    for (const b of [33, 100, 5000]) {
      const sum = batchSumApproximation(item, b);
      expect(mean(sum) / (b * mean(item))).toBeCloseTo(1, 10); // exact up to floating-point rounding
      expect(variance(sum) / (b * variance(item))).toBeCloseTo(1, 10); // exact up to floating-point rounding
    }
  });

  test('draws match those moments (exponential mean 2, b = 100: mean 200, variance 400)', () => {
    const draw = batchRuntimeSampler({ kind: 'exponential', mean: 2 }, 100);
    const rng = createRng(5);
    const n = 20_000;
    const xs = Array.from({ length: n }, () => draw(rng));
    const m = xs.reduce((s, x) => s + x, 0) / n;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
    // Standard error of the mean: sqrt(400 / 20000) = 0.14; allow 4 of them.
    expect(Math.abs(m - 200)).toBeLessThan(0.57);
    expect(v / 400).toBeGreaterThan(0.93);
    expect(v / 400).toBeLessThan(1.07);
  });

  test('a fixed item runtime gives exactly b × value', () => {
    expect(batchRuntimeSampler(fixed(0.25), 1000)(createRng(1))).toBe(250);
    expect(batchSumApproximation(fixed(0.25), 1000)).toEqual(fixed(250));
  });
});

describe('up to DRAW_EACH_UP_TO items', () => {
  test('every item is drawn and summed', () => {
    const item: Dist = { kind: 'lognormal', mu: 0, sigma: 1 };
    const one = durationSampler(item);
    const a = createRng(77);
    const b = createRng(77);
    let manual = 0;
    for (let i = 0; i < DRAW_EACH_UP_TO; i++) manual += one(b);
    expect(batchRuntimeSampler(item, DRAW_EACH_UP_TO)(a)).toBe(manual);
  });
});
