// observeSimulated and quantileInterval on hand-made replications, so every expected
// number can be worked out on paper.
import { describe, expect, test } from 'vitest';
import { observeSimulated, quantileInterval } from '../../src/core/check/observe.js';
import type { Replication } from '../../src/core/sim/types.js';

/** A replication with every field zero except the ones a test sets. */
function rep(parts: Partial<Replication> = {}): Replication {
  return {
    seed: 0,
    actions: 10,
    batchSize: 1,
    makespanSeconds: 0,
    throughputItemsPerSecond: 0,
    utilization: 0,
    coldStarts: 0,
    peakReplicas: 0,
    queueWait: { p50Seconds: 0, p95Seconds: 0, p99Seconds: 0 },
    replicaSeconds: { busy: 0, billed: 0 },
    cost: null,
    attempts: 10,
    completedActions: 10,
    failedActions: 0,
    cacheHits: 0,
    eventsProcessed: 0,
    ...parts,
  };
}

const makespans = (values: number[]): Replication[] => values.map((makespanSeconds) => rep({ makespanSeconds }));

describe('observeSimulated: means with a Student t interval', () => {
  test('two replications: mean 10, s = √2, t(1) = 12.706 → half-width 12.706', () => {
    // makespans 9 and 11: mean 10; s² = (1 + 1) / (2 − 1) = 2; half = t · s / √n = 12.706 · √2 / √2.
    const obs = observeSimulated('makespan.meanSeconds', makespans([9, 11]));
    expect(obs?.value).toBe(10);
    expect(obs?.runs).toBe(2);
    // 10 − 12.706 < 0: the interval is cut at 0, where a makespan can lie.
    expect(obs?.ci95?.[0]).toBe(0);
    expect(obs?.ci95?.[1]).toBeCloseTo(10 + 12.706, 9);
  });

  test('cold starts 1, 2, 3: mean 2, s = 1, t(2) = 4.303 → half-width 4.303 / √3', () => {
    const obs = observeSimulated('coldStarts.mean', [1, 2, 3].map((coldStarts) => rep({ coldStarts })));
    const half = 4.303 / Math.sqrt(3); // ≈ 2.484
    expect(obs?.value).toBe(2);
    // 2 − 2.484 < 0: cut at 0 (a count of cold starts is never negative).
    expect(obs?.ci95?.[0]).toBe(0);
    expect(obs?.ci95?.[1]).toBeCloseTo(2 + half, 9);
  });

  test('an interval clear of 0 is not cut', () => {
    // 9, 10, 11: mean 10, s = 1, half = 4.303 / √3 ≈ 2.484.
    const obs = observeSimulated('makespan.meanSeconds', makespans([9, 10, 11]));
    expect(obs?.ci95?.[0]).toBeCloseTo(10 - 4.303 / Math.sqrt(3), 9);
  });

  test('each mean metric reads its own field', () => {
    const reps = [
      rep({ throughputItemsPerSecond: 4, utilization: 0.5, peakReplicas: 3, replicaSeconds: { busy: 10, billed: 20 }, queueWait: { p50Seconds: 1, p95Seconds: 2, p99Seconds: 3 }, cost: 1 }),
      rep({ throughputItemsPerSecond: 6, utilization: 0.7, peakReplicas: 5, replicaSeconds: { busy: 30, billed: 40 }, queueWait: { p50Seconds: 3, p95Seconds: 4, p99Seconds: 5 }, cost: 3 }),
    ];
    // Means of the two values of each field.
    const expected: Record<string, number> = {
      'throughputItemsPerSecond.mean': 5,
      'utilization.mean': 0.6,
      'peakReplicas.mean': 4,
      'replicaSeconds.busy.mean': 20,
      'replicaSeconds.billed.mean': 30,
      'queueWait.p50Seconds': 2,
      'queueWait.p95Seconds': 3,
      'queueWait.p99Seconds': 4,
      'cost.mean': 2,
    };
    for (const [metric, value] of Object.entries(expected)) expect(observeSimulated(metric, reps)?.value, metric).toBeCloseTo(value, 12);
  });

  test('identical replications give a zero-width interval', () => {
    expect(observeSimulated('makespan.meanSeconds', makespans([40, 40, 40]))).toEqual({ value: 40, ci95: [40, 40], runs: 3 });
  });

  test('cost without a price has no value', () => {
    expect(observeSimulated('cost.mean', [rep(), rep()])).toBeUndefined();
  });

  test('the standard deviation is a value without an interval', () => {
    // 9 and 11: s = √2
    expect(observeSimulated('makespan.stddevSeconds', makespans([9, 11]))).toEqual({ value: Math.SQRT2, runs: 2 });
  });

  test('an unknown metric has no value', () => {
    expect(observeSimulated('makespan.p99Seconds', makespans([1, 2]))).toBeUndefined();
    expect(observeSimulated('fanout.actions', makespans([1, 2]))).toBeUndefined();
  });
});

describe('quantiles of the makespan with an order-statistic interval', () => {
  // Makespans 1, 2, …, 100 (shuffled, to show the input order does not matter).
  const values = Array.from({ length: 100 }, (_, i) => ((i * 37) % 100) + 1);
  const sorted = Float64Array.from(values).sort();

  test('median of 1..100: interpolated 50.5; interval ranks 50 ± 1.96·√25 = 50 ± 9.8 → values 40 and 60', () => {
    // lo rank floor(40.2) = 40 (1-based) → value 40; hi rank ceil(59.8) = 60 → value 60.
    expect(quantileInterval(sorted, 0.5)).toEqual([40, 60]);
    expect(observeSimulated('makespan.p50Seconds', makespans(values))).toEqual({ value: 50.5, ci95: [40, 60], runs: 100 });
  });

  test('p95 of 1..100: (n − 1)·0.95 = 94.05 → 95.05; ranks 95 ± 1.96·√4.75 ≈ 95 ± 4.27 → values 90 and 100', () => {
    // lo: floor(90.73) = 90 → value 90; hi: ceil(99.27) = 100 → value 100.
    expect(quantileInterval(sorted, 0.95)).toEqual([90, 100]);
    const obs = observeSimulated('makespan.p95Seconds', makespans(values));
    expect(obs?.value).toBeCloseTo(95.05, 9);
    expect(obs?.ci95).toEqual([90, 100]);
  });

  test('p5 of 1..100 mirrors p95: ranks 5 ± 4.27 → values 1 (floor 0.73 clamps to the first) and 10', () => {
    // lo: floor(0.73) − 1 = −1 → clamped to index 0 → value 1; hi: ceil(9.27) = 10 → value 10.
    expect(quantileInterval(sorted, 0.05)).toEqual([1, 10]);
  });

  test('few runs: the interval clamps to the smallest and largest values', () => {
    // n = 4, p = 0.95: spread 1.96·√0.19 ≈ 0.854; lo floor(2.946) = 2 (1-based) → 20;
    // hi ceil(4.654) = 5 → clamped to the 4th → 40.
    expect(quantileInterval([10, 20, 30, 40], 0.95)).toEqual([20, 40]);
  });

  test('the interval always contains the quantile estimate', () => {
    for (const p of [0.05, 0.5, 0.95]) {
      const obs = observeSimulated(`makespan.p${Math.round(p * 100)}Seconds`, makespans(values));
      expect(obs?.ci95?.[0]).toBeLessThanOrEqual(obs?.value ?? Number.NaN);
      expect(obs?.ci95?.[1]).toBeGreaterThanOrEqual(obs?.value ?? Number.NaN);
    }
  });
});
