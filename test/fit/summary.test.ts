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
  it('keeps min and max and evenly spaced quantiles between', () => {
    const sorted = Array.from({ length: 11 }, (_, i) => i);
    expect(quantilePoints(sorted, 3)).toEqual([0, 5, 10]);
    expect(quantilePoints(sorted, 6)).toEqual([0, 2, 4, 6, 8, 10]);
  });

  it('returns a short sample unchanged', () => {
    expect(quantilePoints([1, 2, 3], 200)).toEqual([1, 2, 3]);
  });
});
