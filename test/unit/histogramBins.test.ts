// The simulate report's makespan histogram: Sturges' bin count, equal widths, every
// replication counted once, in the bin that holds it.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { histogramBins } from '../../src/report/histogram.js';

describe('histogramBins', () => {
  test('eight values 0..7: 1 + log2 8 = 4 bins of width 7/4 = 1.75, two values each', () => {
    // [0, 1.75): 0, 1; [1.75, 3.5): 2, 3; [3.5, 5.25): 4, 5; [5.25, 7]: 6, 7.
    expect(histogramBins([0, 1, 2, 3, 4, 5, 6, 7])).toEqual([
      { fromSeconds: 0, toSeconds: 1.75, count: 2 },
      { fromSeconds: 1.75, toSeconds: 3.5, count: 2 },
      { fromSeconds: 3.5, toSeconds: 5.25, count: 2 },
      { fromSeconds: 5.25, toSeconds: 7, count: 2 },
    ]);
  });
  test('the maximum falls in the last bin, not past it', () => {
    // 1 + ceil(log2 3) = 3 bins of width 10/3 over [0, 10]: 0 | 5 | 10.
    expect(histogramBins([0, 5, 10]).map((b) => b.count)).toEqual([1, 1, 1]);
  });
  test('equal values make one bin of zero width; no values make none', () => {
    expect(histogramBins([42, 42, 42])).toEqual([{ fromSeconds: 42, toSeconds: 42, count: 3 }]);
    expect(histogramBins([])).toEqual([]);
  });
  test('a span too small to split (two denormals one unit apart) is one bin holding both', () => {
    // 5e-323 − 4.4e-323 is one unit in the last place (4.9e-324); halved it rounds to 0, so
    // (v − lo) / width would be NaN and a value would be lost.
    expect(histogramBins([5e-323, 4.4e-323])).toEqual([{ fromSeconds: 4.4e-323, toSeconds: 5e-323, count: 2 }]);
  });
  test('5000 replications: 1 + ceil(log2 5000) = 1 + 13 = 14 bins', () => {
    const many = Array.from({ length: 5000 }, (_, i) => i);
    expect(histogramBins(many)).toHaveLength(14);
  });
  test('property: counts add up to n, bins tile [min, max], each value lies in its bin', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 400 }), (values) => {
        const bins = histogramBins(values);
        expect(bins.reduce((n, b) => n + b.count, 0)).toBe(values.length);
        expect(bins[0]?.fromSeconds).toBe(Math.min(...values));
        expect(bins[bins.length - 1]?.toSeconds).toBe(Math.max(...values));
        for (let i = 1; i < bins.length; i++) expect(bins[i]?.fromSeconds).toBe(bins[i - 1]?.toSeconds);
        // Recount by the edges, independently of the binning's own arithmetic (ties at an edge go up, the maximum stays last).
        const recount = bins.map((b, i) => values.filter((v) => v >= b.fromSeconds && (i === bins.length - 1 ? v <= b.toSeconds : v < b.toSeconds)).length);
        const drift = recount.reduce((d, c, i) => d + Math.abs(c - (bins[i]?.count ?? 0)), 0);
        // Floating point may move a value sitting exactly on an edge to the neighbouring bin.
        expect(drift).toBeLessThanOrEqual(2 * values.filter((v) => bins.some((b) => Math.abs(v - b.fromSeconds) < 1e-6 * Math.max(1, v))).length);
      }),
      { numRuns: 200 },
    );
  });
});
