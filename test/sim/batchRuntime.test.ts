import { describe, expect, test } from 'vitest';
import { type Dist, empirical, fixed, mean, quantile, variance } from '../../src/core/distribution.js';
import { createRng, type Rng } from '../../src/core/random.js';
import { batchRuntimeSampler, DRAW_EACH_UP_TO } from '../../src/core/sim/batchRuntime.js';
import { bodyMoments } from '../../src/core/sim/itemTail.js';
import { durationSampler } from '../../src/core/sim/phaseSampler.js';

const items: Dist[] = [
  { kind: 'lognormal', mu: Math.log(10), sigma: 0.5 },
  { kind: 'lognormal', mu: 0, sigma: 2 },
  { kind: 'exponential', mean: 2 },
  { kind: 'uniform', min: 1, max: 4 },
  empirical([0.5, 1, 1, 3, 7]),
];

/** Item by item: the reference every approximation is measured against. */
const exactSum = (item: Dist, b: number) => {
  const one = durationSampler(item);
  return (rng: Rng) => {
    let total = 0;
    for (let i = 0; i < b; i++) total += one(rng);
    return total;
  };
};

/** The two-moment lognormal that batch sums used before: kept here as the control that must fail. */
const twoMoment = (item: Dist, b: number) => {
  const m = b * mean(item);
  const s2 = Math.log1p((b * variance(item)) / (m * m));
  return durationSampler({ kind: 'lognormal', mu: Math.log(m) - s2 / 2, sigma: Math.sqrt(s2) });
};

interface MaxStats {
  meanOfSums: number;
  meanOfMax: number;
  /** Standard error of meanOfMax. */
  seOfMax: number;
  /** 95% distribution-free interval of the p99 of the max (order statistics of a binomial rank). */
  p99: [number, number];
}

/** `groups` fan-outs of 100 batches each: the mean batch sum, and the mean and p99 of the largest of the 100. */
function maxOf100(draw: (rng: Rng) => number, groups: number, seed: number): MaxStats {
  const rng = createRng(seed);
  const maxes: number[] = [];
  let sum = 0;
  for (let g = 0; g < groups; g++) {
    let top = 0;
    for (let k = 0; k < 100; k++) {
      const x = draw(rng);
      sum += x;
      if (x > top) top = x;
    }
    maxes.push(top);
  }
  maxes.sort((x, y) => x - y);
  const m = maxes.reduce((s, x) => s + x, 0) / groups;
  const sd = Math.sqrt(maxes.reduce((s, x) => s + (x - m) ** 2, 0) / (groups - 1));
  const half = 1.96 * Math.sqrt(groups * 0.99 * 0.01);
  const at = (rank: number) => maxes[Math.min(groups - 1, Math.max(0, Math.round(rank)))] ?? 0;
  return { meanOfSums: sum / (groups * 100), meanOfMax: m, seOfMax: sd / Math.sqrt(groups), p99: [at(0.99 * groups - half), at(0.99 * groups + half)] };
}

/** Within 1% of the exact figure, or within the 95% interval of the difference. */
const agrees = (x: number, y: number, seX: number, seY: number) => Math.abs(x - y) <= Math.max(0.01 * y, 1.96 * Math.hypot(seX, seY));
const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

describe('batch sums beyond DRAW_EACH_UP_TO against item-by-item summation', () => {
  // σ up to 2; b from just past the cut (no jump at 33) to 300 (larger b: the moments test below). Groups sized to keep the
  // test to a few seconds: the exact side draws groups × 100 × b items.
  const cases: Array<[sigma: number, b: number, groups: number]> = [
    [1.5, 33, 1000],
    [2, 33, 1000],
    [1.5, 100, 600],
    [2, 100, 600],
    [2, 300, 120],
  ];
  const exactRuns = new Map<string, MaxStats>();
  const exactOf = (sigma: number, b: number, groups: number): MaxStats => {
    const key = `${sigma}/${b}/${groups}`;
    const known = exactRuns.get(key);
    if (known) return known;
    const found = maxOf100(exactSum({ kind: 'lognormal', mu: 0, sigma }, b), groups, 11);
    exactRuns.set(key, found);
    return found;
  };
  test.each(cases)('lognormal σ = %d, b = %d: mean, mean and p99 of the max of 100 batch sums', (sigma, b, groups) => {
    const item: Dist = { kind: 'lognormal', mu: 0, sigma };
    const exact = exactOf(sigma, b, groups);
    const split = maxOf100(batchRuntimeSampler(item, b), groups, 12);
    expect(agrees(split.meanOfSums, exact.meanOfSums, 0, exact.meanOfSums * 0.005)).toBe(true);
    expect(agrees(split.meanOfMax, exact.meanOfMax, split.seOfMax, exact.seOfMax)).toBe(true);
    expect(overlaps(split.p99, exact.p99)).toBe(true);
  });

  test('the two-moment lognormal used before fails the same check (b = 100, σ = 1.5)', () => {
    const item: Dist = { kind: 'lognormal', mu: 0, sigma: 1.5 };
    const exact = exactOf(1.5, 100, 600);
    const old = maxOf100(twoMoment(item, 100), 600, 12);
    expect(agrees(old.meanOfMax, exact.meanOfMax, old.seOfMax, exact.seOfMax)).toBe(false);
  });

  test.each(items)('keeps the mean b·m and variance b·v (sampled, b = 100,000 too): %o', (item) => {
    for (const b of [33, 500, 100_000]) {
      const draw = batchRuntimeSampler(item, b);
      const rng = createRng(b);
      const n = 20_000;
      const xs = Array.from({ length: n }, () => draw(rng));
      const m = xs.reduce((s, x) => s + x, 0) / n;
      const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (n - 1);
      // Standard error of the mean sqrt(b·v / n); 4 of them. The variance's sampling error is
      // large for σ = 2 (heavy fourth moment): 25%.
      expect(Math.abs(m - b * mean(item))).toBeLessThan(4 * Math.sqrt((b * variance(item)) / n));
      expect(Math.abs(v / (b * variance(item)) - 1)).toBeLessThan(0.25);
    }
  });

  test.each(items)('body moments agree with the midpoint rule over the quantile function: %o', (item) => {
    // X = Q(U): E[X; U ≤ c] = ∫_0^c Q(u) du. Draws of an empirical distribution resample, so its
    // Q is the step x_floor(u·L), not the interpolating quantile.
    const q = (u: number): number =>
      item.kind === 'empirical' ? (item.samples[Math.floor(u * item.samples.length)] ?? 0) : quantile(item, u);
    for (const c of [0.5, 0.9, 0.999]) {
      const n = 200_000;
      let first = 0;
      let second = 0;
      for (let i = 0; i < n; i++) {
        const x = q(((i + 0.5) / n) * c);
        first += (x * c) / n;
        second += (x * x * c) / n;
      }
      const body = bodyMoments(item, c);
      expect(body.first / first).toBeCloseTo(1, 3);
      expect(body.second / second).toBeCloseTo(1, 3);
    }
    const whole = bodyMoments(item, 1);
    expect(whole.first / mean(item)).toBeCloseTo(1, 6);
    expect(whole.second / (variance(item) + mean(item) ** 2)).toBeCloseTo(1, 5);
  });

  test('a fixed item runtime gives exactly b × value', () => {
    expect(batchRuntimeSampler(fixed(0.25), 1000)(createRng(1))).toBe(250);
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
