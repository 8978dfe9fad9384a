// Arrival times: Poisson, renewal and a periodic shape by thinning.
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { createRng } from '../../src/core/random.js';
import { arrivalTimes, meanRatePerSecond } from '../../src/core/stream/arrivals.js';
import type { ArrivalsSpec } from '../../src/core/stream/arrivalsSpec.js';
import { rateAt, rateShape } from '../../src/core/stream/rateShape.js';

const poisson = (ratePerSecond: number, over: Partial<ArrivalsSpec> = {}): ArrivalsSpec => ({
  process: { kind: 'poisson', ratePerSecond },
  runs: null,
  durationSeconds: null,
  warmupSeconds: 0,
  shape: null,
  periodSeconds: 86_400,
  ...over,
});

const ascending = (t: Float64Array): boolean => t.every((x, i) => i === 0 || x >= (t[i - 1] ?? 0));

describe('Poisson arrivals', () => {
  test('the mean gap is 1/λ within a 99.9% CI over 100,000 gaps', () => {
    // λ = 2/s: gaps Exp(mean 0.5, sd 0.5). The mean of n = 100,000 gaps is t_n / n with standard
    // error 0.5 / √n = 0.00158; z = 3.29 (99.9%): |t_n/n − 0.5| < 0.0052.
    const t = arrivalTimes(poisson(2, { runs: 100_000 }), createRng(1));
    expect(t.length).toBe(100_000);
    expect(Math.abs((t[t.length - 1] ?? 0) / t.length - 0.5)).toBeLessThan(3.29 * (0.5 / Math.sqrt(100_000)));
    expect(ascending(t)).toBe(true);
  });
  test('the count in a duration T is Poisson(λT) within a 99.9% CI', () => {
    // λ = 2/s, T = 50,000 s: N ~ Poisson(100,000), sd 316.2; z = 3.29: |N − 100,000| < 1041.
    const t = arrivalTimes(poisson(2, { durationSeconds: 50_000 }), createRng(2));
    expect(Math.abs(t.length - 100_000)).toBeLessThan(3.29 * Math.sqrt(100_000));
    expect(t[t.length - 1]).toBeLessThanOrEqual(50_000);
  });
  test('same seed, same times; another seed, other times', () => {
    const spec = poisson(3, { runs: 1000 });
    expect(arrivalTimes(spec, createRng(7))).toEqual(arrivalTimes(spec, createRng(7)));
    expect(arrivalTimes(spec, createRng(8))).not.toEqual(arrivalTimes(spec, createRng(7)));
  });
  test('a million runs in one Float64Array', () => {
    const t = arrivalTimes(poisson(3, { runs: 1_000_000 }), createRng(3));
    expect(t).toBeInstanceOf(Float64Array);
    expect(t.length).toBe(1_000_000);
    expect(ascending(t)).toBe(true);
  });
  test('runs and duration: whichever comes first', () => {
    // λ = 1/s for 10,000 s holds about 10,000 runs: 50 runs stop first.
    expect(arrivalTimes(poisson(1, { runs: 50, durationSeconds: 10_000 }), createRng(4)).length).toBe(50);
    // 10 s hold about 10 runs: the duration stops first.
    const short = arrivalTimes(poisson(1, { runs: 1_000_000, durationSeconds: 10 }), createRng(4));
    expect(short.length).toBeLessThan(40);
    expect(short[short.length - 1]).toBeLessThanOrEqual(10);
    expect(arrivalTimes(poisson(1, { runs: 0 }), createRng(4)).length).toBe(0);
  });
});

describe('renewal arrivals', () => {
  const every = (gapSeconds: number, over: Partial<ArrivalsSpec>): ArrivalsSpec => ({ ...poisson(1), process: { kind: 'interarrival', interarrival: fixed(gapSeconds) }, ...over });
  test('fixed gaps: runs at k · gap, the last one at the duration kept', () => {
    // Gap 0.5 s for 10 s: 0.5, 1.0, …, 10.0: 20 runs (0.5 is exact in binary, so are the sums).
    const t = arrivalTimes(every(0.5, { durationSeconds: 10 }), createRng(5));
    expect(Array.from(t)).toEqual(Array.from({ length: 20 }, (_, k) => (k + 1) * 0.5));
    expect(arrivalTimes(every(0.5, { runs: 7 }), createRng(5)).length).toBe(7);
    expect(meanRatePerSecond(every(0.5, { runs: 7 }))).toBe(2);
  });
  test('uniform gaps: mean 1/E[gap] and ascending', () => {
    const spec: ArrivalsSpec = { ...poisson(1), process: { kind: 'interarrival', interarrival: { kind: 'uniform', min: 0, max: 2 } }, runs: 100_000 };
    expect(meanRatePerSecond(spec)).toBe(1);
    const t = arrivalTimes(spec, createRng(6));
    // Gaps U(0, 2): mean 1, sd 2/√12 = 0.577; standard error over 100,000: 0.00183; z = 3.29.
    expect(Math.abs((t[t.length - 1] ?? 0) / t.length - 1)).toBeLessThan(3.29 * (2 / Math.sqrt(12) / Math.sqrt(100_000)));
    expect(ascending(t)).toBe(true);
  });
  test('inputs that could never finish are refused', () => {
    expect(() => arrivalTimes(poisson(1), createRng(1))).toThrow(RangeError);
    expect(() => arrivalTimes(poisson(0, { runs: 10 }), createRng(1))).toThrow(RangeError);
    expect(() => arrivalTimes(every(0, { durationSeconds: 10 }), createRng(1))).toThrow(RangeError);
    expect(() => arrivalTimes(every(1, { runs: 5, shape: [{ atSeconds: 0, ratePerSecond: 1 }] }), createRng(1))).toThrow(RangeError);
  });
});

describe('a periodic rate shape, by thinning', () => {
  // Period 100 s: 1/s at 0, 3/s at 50, back to 1/s at 100. Mean rate (1 + 3)/2 = 2/s.
  const shape = [
    { atSeconds: 0, ratePerSecond: 1 },
    { atSeconds: 50, ratePerSecond: 3 },
  ];
  const spec = poisson(99, { shape, periodSeconds: 100, durationSeconds: 20_000 });
  test('the profile is linear between points and wraps around', () => {
    const s = rateShape(shape, 100);
    expect(rateAt(s, 25)).toBeCloseTo(2, 14);
    expect(rateAt(s, 50)).toBeCloseTo(3, 14);
    expect(rateAt(s, 75)).toBeCloseTo(2, 14);
    expect(rateAt(s, 125)).toBeCloseTo(2, 14);
    expect(s.maxRatePerSecond).toBe(3);
    expect(meanRatePerSecond(spec)).toBeCloseTo(2, 14);
  });
  test('the counts per 10-second bin follow the shape (χ² with 10 degrees of freedom)', () => {
    // 200 periods. Bin [10j, 10j + 10) lies inside one linear piece, so its expected count per
    // period is 10 × the rate at its midpoint; over 200 periods, 2000 × rate(10j + 5). Counts of
    // a Poisson process in disjoint bins are independent Poisson: Σ (O − E)² / E ~ χ²(10), whose
    // 99.9% point is 29.59.
    const t = arrivalTimes(spec, createRng(9));
    const observed = new Float64Array(10);
    for (const x of t) {
      const bin = Math.floor((x % 100) / 10);
      observed[bin] = (observed[bin] ?? 0) + 1;
    }
    const rate = (m: number): number => (m < 50 ? 1 + (2 * m) / 50 : 3 - (2 * (m - 50)) / 50);
    let chi2 = 0;
    for (let j = 0; j < 10; j++) {
      const expected = 2000 * rate(10 * j + 5);
      chi2 += ((observed[j] ?? 0) - expected) ** 2 / expected;
    }
    expect(chi2).toBeLessThan(29.59);
    // The busiest bin holds clearly more than the quietest: 2000 × 2.8 vs 2000 × 1.2.
    expect((observed[4] ?? 0) / (observed[0] ?? 1)).toBeGreaterThan(2);
    expect(ascending(t)).toBe(true);
  });
  test('runs stop exactly; a zero profile gives no runs', () => {
    expect(arrivalTimes({ ...spec, runs: 123 }, createRng(10)).length).toBe(123);
    expect(arrivalTimes({ ...spec, shape: [{ atSeconds: 0, ratePerSecond: 0 }] }, createRng(10)).length).toBe(0);
  });
});
