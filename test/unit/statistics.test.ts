// simple-statistics against the hand-written statistics (docs/architecture.md, "Statistics"):
// where the library is as precise it is used; where it is not, the numbers here say why the
// hand-written code stays. Reference values are exact sums or published constants.
import { errorFunction, linearRegression, mean, probit, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, test } from 'vitest';
import { normalQuantile, sortedQuantile } from '../../src/core/distribution.js';
import { erf } from '../../src/core/normal.js';
import { leastSquares } from '../../src/core/fit/leastSquares.js';
import { spreadOf } from '../../src/core/sim/summarize.js';
import { meanAndSd } from '../../src/core/fit/summary.js';
import { createRng } from '../../src/core/random.js';

/** The naive one-pass mean and two-pass sample deviation the code had before. */
const naiveMean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / xs.length;
const naiveSd = (xs: readonly number[]): number => {
  const m = naiveMean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};

describe('means and deviations: simple-statistics is at least as precise', () => {
  test('a large offset with small steps: the mean error is no larger than the naive sum', () => {
    // 1e9 + k/10 for k = 0..9, repeated: the exact mean is 1e9 + 0.45 and the exact sample
    // variance is (sum of (k/10 − 0.45)²) / (n − 1) = 0.0825·n / (n − 1) with n = 10,000.
    const xs = Array.from({ length: 10_000 }, (_, i) => 1e9 + (i % 10) / 10);
    const exactMean = 1e9 + 0.45;
    const exactSd = Math.sqrt((0.0825 * 10_000) / 9_999);
    expect(Math.abs(mean(xs) - exactMean)).toBeLessThanOrEqual(Math.abs(naiveMean(xs) - exactMean));
    expect(Math.abs(mean(xs) - exactMean)).toBeLessThan(1e-6);
    expect(Math.abs(sampleStandardDeviation(xs) - exactSd) / exactSd).toBeLessThan(1e-6);
    expect(Math.abs(sampleStandardDeviation(xs) - exactSd)).toBeLessThanOrEqual(Math.abs(naiveSd(xs) - exactSd) + 1e-12);
  });

  test('the fit reads Float64Arrays in place with the same arithmetic: bit for bit the same', () => {
    // meanAndSd repeats the library's compensated mean and plain squared deviations so a
    // million-row column needs no copy into an array; any difference in the order of the
    // operations would show in the last bits of one of these cases.
    const rng = createRng(11);
    const cases = [
      Float64Array.from({ length: 10_000 }, (_, i) => 1e9 + (i % 10) / 10),
      Float64Array.from({ length: 50_001 }, () => 0.06 * Math.exp(0.5 * rng.normal())),
      Float64Array.from({ length: 3 }, (_, i) => [1e16, 1, -1e16][i] ?? 0),
      Float64Array.of(4.2),
    ];
    for (const xs of cases) {
      const values = Array.from(xs);
      const ours = meanAndSd(xs);
      expect(ours.mean).toBe(mean(values));
      expect(ours.sd).toBe(values.length > 1 ? sampleStandardDeviation(values) : 0);
    }
  });

  test('spreadOf uses them: mean 2, sd 1 for 1, 2, 3', () => {
    expect(spreadOf([1, 2, 3])).toMatchObject({ mean: 2, stddev: 1 });
  });
});

describe('quantiles: the same rule, kept for Float64Arrays', () => {
  test('quantileSorted and sortedQuantile agree (type 7) on every p', () => {
    const sorted = [0.3, 1.1, 1.2, 4, 9.5, 10, 22];
    for (const p of [0, 0.05, 0.1, 0.5, 0.9, 0.95, 0.99, 1]) expect(sortedQuantile(sorted, p)).toBe(quantileSorted(sorted, p));
    // (4 − 1)·0.95 = 2.85 → 3 + 0.85·(4 − 3) = 3.85
    expect(sortedQuantile([1, 2, 3, 4], 0.95)).toBeCloseTo(3.85, 12);
  });
});

describe('least squares: as precise, kept to read columns in place', () => {
  test('bytes near 1e12: both find the slope 1e-3 s/B to 1e-12', () => {
    const x = Array.from({ length: 1000 }, (_, i) => 1e12 + i);
    const y = x.map((b) => 0.05 + (b - 1e12) / 1000);
    const ours = leastSquares(x, y);
    const theirs = linearRegression(x.map((b, i) => [b, y[i] ?? 0]));
    expect(Math.abs((ours?.slopeSecondsPerByte ?? 0) - 1e-3) / 1e-3).toBeLessThan(1e-12);
    expect(Math.abs(theirs.m - 1e-3) / 1e-3).toBeLessThan(1e-12);
  });
});

describe('where simple-statistics is not precise enough', () => {
  // erf(0.5) and erf(2) to 16 digits (Abramowitz & Stegun table 7.1), z(0.975) = 1.959963984540054.
  test('erf: the library is off by more than 1e-8; ours by less than 1e-15', () => {
    expect(Math.abs(errorFunction(0.5) - 0.5204998778130465)).toBeGreaterThan(1e-8);
    expect(Math.abs(erf(0.5) - 0.5204998778130465)).toBeLessThan(1e-15);
    expect(Math.abs(erf(2) - 0.9953222650189527)).toBeLessThan(1e-15);
  });

  test('the normal quantile: probit is off by 1e-3; ours by less than 1e-8', () => {
    expect(Math.abs(probit(0.975) - 1.959963984540054)).toBeGreaterThan(1e-3);
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-8);
  });
});
