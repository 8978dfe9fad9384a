import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { tQuantile975 } from '../../src/core/sim/studentT.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import { spreadOf, summarize } from '../../src/core/sim/summarize.js';
import { fixedPool, scenario } from './builders.js';

describe('spreadOf', () => {
  test('mean, sample stddev, t interval and type-7 percentiles, by hand', () => {
    // [1,2,3,4]: mean 2.5; s² = (2.25+0.25+0.25+2.25)/3 = 5/3; t(0.975, 3) = 3.182;
    // half width = 3.182 × sqrt(5/3) / 2 = 2.05402; p5: h = 3 × 0.05 = 0.15 -> 1.15; p95: h = 2.85 -> 3.85.
    const s = spreadOf([4, 1, 3, 2]);
    expect(s.mean).toBe(2.5);
    expect(s.stddev).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect(s.ci95[0]).toBeCloseTo(2.5 - 2.05402, 4);
    expect(s.ci95[1]).toBeCloseTo(2.5 + 2.05402, 4);
    expect(s.p5).toBeCloseTo(1.15, 12);
    expect(s.p50).toBe(2.5);
    expect(s.p95).toBeCloseTo(3.85, 12);
  });
  test('one replication: no spread, the interval collapses to the mean', () => {
    expect(spreadOf([7])).toEqual({ mean: 7, stddev: 0, ci95: [7, 7], p5: 7, p50: 7, p95: 7 });
  });
});

describe('tQuantile975', () => {
  test('table values, and the expansion beyond 30 degrees of freedom', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(30)).toBe(2.042);
    // Published values: t(40) = 2.0211, t(60) = 2.0003, t(120) = 1.9799; the limit is z = 1.96.
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 3);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 3);
    expect(tQuantile975(1e9)).toBeCloseTo(1.96, 3);
  });
});

describe('summarize', () => {
  test('means across replications; cost only with a price', () => {
    // Fixed values: every replication is 10 items of 1 s on 2 warm slots: 5 s, utilisation 1,
    // busy 10 replica-s, billed 2 × (5 + 30) = 70 replica-s (idleTtl 30), $36/h -> 0.7 each.
    const s = scenario({ items: 10, pool: fixedPool(2, 1, { idleTtlSeconds: 30 }), itemRuntime: fixed(1), perReplicaHour: 36 });
    const sum = summarize(simulateMany(s, 1, { runs: 3, seed: 1 }));
    expect(sum.runs).toBe(3);
    expect(sum.makespanSeconds).toMatchObject({ mean: 5, stddev: 0, p5: 5, p95: 5 });
    expect(sum.throughputItemsPerSecond.mean).toBe(2);
    expect(sum.utilization.mean).toBe(1);
    expect(sum.replicaSeconds).toEqual({ busy: { mean: 10 }, billed: { mean: 70 } });
    expect(sum.cost?.mean).toBeCloseTo(0.7, 12);
    const free = { ...s, pricing: { perReplicaHour: null } };
    expect(summarize(simulateMany(free, 1, { runs: 2, seed: 1 })).cost).toBeNull();
  });
  test('bad options are refused', () => {
    const s = scenario();
    expect(() => simulateMany(s, 1, { runs: 0, seed: 1 })).toThrow(/runs/);
    expect(() => simulateMany(s, 1, { runs: 2, seed: 1.5 })).toThrow(/seed/);
    expect(() => simulateMany(s, 1, { runs: 2, seed: 1, from: 1, to: 3 })).toThrow(/range/);
  });
});
