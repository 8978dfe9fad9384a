import { describe, expect, it } from 'vitest';
import { quantilePoints, summarize } from '../../src/core/fit/summary.js';

describe('summarize', () => {
  it('gives n, mean, SD and type-7 quantiles of a small sample', () => {
    // [1, 2, 3, 4, 10]: mean 20/5 = 4; squared deviations 9+4+1+0+36 = 50, SD = √(50/4) = 3.5355.
    // p50: h = 4·0.5 = 2 → 3. p95: h = 3.8 → 4 + 0.8·(10 − 4) = 8.8. p99: h = 3.96 → 9.76.
    const s = summarize([1, 2, 3, 4, 10]);
    expect(s).toMatchObject({ n: 5, meanSeconds: 4, p50Seconds: 3, minSeconds: 1, maxSeconds: 10 });
    expect(s.sdSeconds).toBeCloseTo(Math.sqrt(12.5), 12);
    expect(s.p95Seconds).toBeCloseTo(8.8, 12);
    expect(s.p99Seconds).toBeCloseTo(9.76, 12);
  });

  it('gives SD 0 for one value', () => {
    expect(summarize([7]).sdSeconds).toBe(0);
  });
});

describe('quantilePoints', () => {
  it('takes the mean of each equal slice of the sorted sample', () => {
    // 0..11 in 3 slices of 4: means 1.5, 5.5, 9.5; in 6 slices of 2: 0.5, 2.5, …, 10.5
    const sorted = Array.from({ length: 12 }, (_, i) => i);
    expect(quantilePoints(sorted, 3)).toEqual([1.5, 5.5, 9.5]);
    expect(quantilePoints(sorted, 6)).toEqual([0.5, 2.5, 4.5, 6.5, 8.5, 10.5]);
  });

  it('keeps the sample mean, so one huge outlier cannot dominate the profile', () => {
    // 999 values of 0.1 s and one hung request of 3600 s: the sample mean is
    // (999 × 0.1 + 3600) / 1000 = 3.6999 s; as 200 slices of 5 the top slice averages
    // (4 × 0.1 + 3600) / 5 = 720.08 s, and the mean of the 200 points is again 3.6999 s —
    // where min and max points would have weighted 3600 s at 1/200: a mean of 18.1 s.
    const sorted = [...Array.from({ length: 999 }, () => 0.1), 3600];
    const points = quantilePoints(sorted, 200);
    expect(points).toHaveLength(200);
    expect(points[199]).toBeCloseTo(720.08, 9);
    expect(points.reduce((a, b) => a + b, 0) / 200).toBeCloseTo(3.6999, 9);
  });

  it('returns a short sample unchanged', () => {
    expect(quantilePoints([1, 2, 3], 200)).toEqual([1, 2, 3]);
  });
});
