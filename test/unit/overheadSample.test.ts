import { describe, expect, it } from 'vitest';
import { quantile, sortedQuantile, type Dist } from '../../src/core/distribution.js';
import { OVERHEAD_SAMPLES, OVERHEAD_SEED, sampledPercentiles } from '../../src/core/overheadSample.js';
import { createRng } from '../../src/core/random.js';

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
    // The fixed part is added to the random sum's percentiles: 0.25 s more is 0.25 s more at
    // every percentile, from the same remembered sample.
    const shifted = sampledPercentiles([a, b], 0.5);
    expect(shifted.p95Seconds - x.p95Seconds).toBeCloseTo(0.25, 12);
    expect(shifted.p95Seconds).toBe(0.5 + sampledPercentiles([a, b], 0).p95Seconds);
    // The order of the phases decides which shuffle each gets: the sample differs, its law does not.
    const swapped = sampledPercentiles([b, a], 0.25);
    expect(swapped.p50Seconds).not.toBe(x.p50Seconds);
    expect(Math.abs(swapped.p50Seconds / x.p50Seconds - 1)).toBeLessThan(0.02);
  });
});

describe('the overhead sample, against the shuffle written out', () => {
  // The Latin hypercube as docs/model.md states it, with nothing shared or remembered: each
  // phase's quantiles at (i + 0.5)/n, shuffled in place by Fisher–Yates from the top with
  // floor(next() · (i + 1)) on a generator started afresh at OVERHEAD_SEED, added up phase after
  // phase, sorted, read at 0.5, 0.95 and 0.99, and the fixed part added.
  function reference(random: readonly Dist[], fixedSeconds: number): { p50Seconds: number; p95Seconds: number; p99Seconds: number } {
    const n = OVERHEAD_SAMPLES;
    const rng = createRng(OVERHEAD_SEED);
    const draws = new Float64Array(n);
    for (const d of random) {
      const column = Array.from({ length: n }, (_, i) => quantile(d, (i + 0.5) / n));
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(rng.next() * (i + 1));
        [column[i], column[j]] = [column[j] ?? 0, column[i] ?? 0];
      }
      column.forEach((x, i) => (draws[i] = (draws[i] ?? 0) + x));
    }
    draws.sort();
    const at = (p: number): number => fixedSeconds + sortedQuantile(draws, p);
    return { p50Seconds: at(0.5), p95Seconds: at(0.95), p99Seconds: at(0.99) };
  }
  const upload: Dist = { kind: 'lognormal', mu: Math.log(0.06), sigma: 0.86 };
  const enqueue: Dist = { kind: 'lognormal', mu: Math.log(0.168), sigma: 1.266 };
  const create: Dist = { kind: 'lognormal', mu: Math.log(30), sigma: 0.42 };
  const spread: Dist = { kind: 'uniform', min: 0.1, max: 0.9 };
  const wait: Dist = { kind: 'exponential', mean: 2 };

  it('gives the same bits, for six phases and then for fewer (the orders made once serve both)', () => {
    const six = [upload, upload, enqueue, create, spread, wait];
    expect(sampledPercentiles(six, 1.25)).toEqual(reference(six, 1.25));
    expect(sampledPercentiles([wait, create, upload], 0.75)).toEqual(reference([wait, create, upload], 0.75));
    // A seventh phase takes an order not made yet: the generator goes on where the sixth ended.
    const seven = [...six, enqueue];
    expect(sampledPercentiles(seven, 0)).toEqual(reference(seven, 0));
  });
});
