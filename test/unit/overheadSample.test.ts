import { describe, expect, it } from 'vitest';
import type { Dist } from '../../src/core/distribution.js';
import { sampledPercentiles } from '../../src/core/overheadSample.js';

describe('the overhead sample, remembered per process', () => {
  const a: Dist = { kind: 'lognormal', mu: Math.log(0.168), sigma: 1.266 };
  const b: Dist = { kind: 'lognormal', mu: Math.log(30), sigma: 0.42 };

  it('a remembered sample is the computed one, as a copy of its own', () => {
    const first = sampledPercentiles([a, b], 0.5);
    first.p50Seconds = -1; // a caller's change must not reach the next caller
    const again = sampledPercentiles([a, b], 0.5);
    expect(again.p50Seconds).toBeGreaterThan(0);
    expect(again.p50Seconds).toBeLessThan(again.p95Seconds);
  });

  it('equal inputs give equal bits; a different fixed part or order is its own sample', () => {
    const x = sampledPercentiles([a, b], 0.25);
    expect(sampledPercentiles([{ ...a }, { ...b }], 0.25)).toEqual(x);
    // A fixed part of 0.25 s more shifts every point by 0.25 s (to rounding): not the remembered one.
    const shifted = sampledPercentiles([a, b], 0.5);
    expect(shifted.p95Seconds - x.p95Seconds).toBeCloseTo(0.25, 9);
    // The order of the phases decides which shuffle each gets: the sample differs, its law does not.
    const swapped = sampledPercentiles([b, a], 0.25);
    expect(swapped.p50Seconds).not.toBe(x.p50Seconds);
    expect(Math.abs(swapped.p50Seconds / x.p50Seconds - 1)).toBeLessThan(0.02);
  });
});
