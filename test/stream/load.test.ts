// Offered load, the replicas a stream needs, and the runs that settle a mean wait.
import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { offeredErlangs, offeredLoad, relaxationSeconds, replicasForLoad, replicasNeeded, runsToSettleMeanWait } from '../../src/core/stream/queueing/load.js';

describe('offered load and capacity', () => {
  test('ρ = λ · E[slot seconds] / slots', () => {
    // 3 runs/s × 18 s = 54 busy slots on average; over 56 slots ρ = 54/56.
    const load = { arrivalRatePerSecond: 3, slotSecondsPerRun: 18 };
    expect(offeredErlangs(load)).toBe(54);
    expect(offeredLoad(load, 56)).toBeCloseTo(54 / 56, 14);
  });
  test('replicas needed: the smallest with ρ < 1', () => {
    // 54 erlangs, concurrency 4: 13 replicas give 52 slots (ρ > 1), 14 give 56 (ρ = 0.964).
    expect(replicasNeeded({ arrivalRatePerSecond: 3, slotSecondsPerRun: 18 }, 4)).toBe(14);
    // 4 erlangs on concurrency 4: one replica is exactly ρ = 1, unstable, so 2.
    expect(replicasNeeded({ arrivalRatePerSecond: 2, slotSecondsPerRun: 2 }, 4)).toBe(2);
    // 0.1 × 30 = 3 erlangs (3.0000000000000004 in floating point) on concurrency 1: 4.
    expect(replicasNeeded({ arrivalRatePerSecond: 0.1, slotSecondsPerRun: 30 }, 1)).toBe(4);
    expect(replicasNeeded({ arrivalRatePerSecond: 0.001, slotSecondsPerRun: 1 }, 8)).toBe(1);
  });
  test('replicas for a target ρ', () => {
    // 54 / (4 × 0.8) = 16.875: 17 replicas (ρ = 54/68 = 0.794); 16 would be 54/64 = 0.844.
    expect(replicasForLoad({ arrivalRatePerSecond: 3, slotSecondsPerRun: 18 }, 4, 0.8)).toBe(17);
    // 0.1 × 30 = 3 erlangs at target 0.5 on concurrency 1: exactly 6 (ρ = 0.5 is allowed).
    expect(replicasForLoad({ arrivalRatePerSecond: 0.1, slotSecondsPerRun: 30 }, 1, 0.5)).toBe(6);
    expect(() => replicasForLoad({ arrivalRatePerSecond: 1, slotSecondsPerRun: 1 }, 1, 0)).toThrow(RangeError);
  });
});

describe('runs to settle the mean wait', () => {
  test('the formula by hand', () => {
    // ρ = 0.5, h = 5%, z = 1.96: (1.96/0.05)² = 1536.6; (2 + 2.5 − 1 + 0.125) / (0.5 · 0.25) = 29:
    // 1536.6 × 29 = 44,561 runs. ρ = 0.9: (2 + 4.5 − 3.24 + 0.729) / (0.9 · 0.01) = 443.2: 681,060.
    expect(runsToSettleMeanWait(0.5)).toBe(Math.ceil((1.959963984540054 / 0.05) ** 2 * 29));
    expect(runsToSettleMeanWait(0.9)).toBe(Math.ceil((1.959963984540054 / 0.05) ** 2 * (3.989 / 0.009)));
    expect(runsToSettleMeanWait(1)).toBeNull();
    expect(runsToSettleMeanWait(0)).toBeNull();
  });
  test('the grows-like (1 − ρ)^−2 shape: each halving of 1 − ρ near 1 costs about four times the runs', () => {
    const a = runsToSettleMeanWait(0.98) ?? 0;
    const b = runsToSettleMeanWait(0.99) ?? 0;
    expect(b / a).toBeGreaterThan(3.8);
    expect(b / a).toBeLessThan(4.2);
  });
  test('the asymptotic variance it rests on agrees with an M/M/1 simulated by Lindley recursion', () => {
    // ρ = 0.5, μ = 1: lim n·Var(mean wait) = 0.5 (2 + 2.5 − 1 + 0.125) / 0.5⁴ = 29. R = 200
    // independent replications of n = 20,000 waits, each started from the stationary wait (0 with
    // probability 1 − ρ, else Exp(1 − ρ)) so there is no start-up bias. (R − 1) s² / σ² is then
    // close to χ²(199): its 0.05% and 99.95% points are about 140 and 271 (Wilson–Hilferty:
    // 199 (1 − 2/1791 ∓ 3.29 √(2/1791))³), so n s² / 29 lies in [0.70, 1.36] unless the formula
    // is wrong (or a 1-in-1000 draw).
    const rho = 0.5;
    const rng = createRng(13);
    const exp = (rate: number): number => -Math.log(1 - rng.next()) / rate;
    const n = 20_000;
    const replications = 200;
    const means: number[] = [];
    for (let r = 0; r < replications; r++) {
      let w = rng.next() < rho ? exp(1 - rho) : 0;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        sum += w;
        w = Math.max(0, w + exp(1) - exp(rho));
      }
      means.push(sum / n);
    }
    const m = means.reduce((s, x) => s + x, 0) / replications;
    const s2 = means.reduce((s, x) => s + (x - m) ** 2, 0) / (replications - 1);
    const ratio = (n * s2) / 29;
    expect(ratio).toBeGreaterThan(0.7);
    expect(ratio).toBeLessThan(1.36);
  });
  test('relaxation time 1 / (μ (1 − √ρ)²)', () => {
    // ρ = 0.81, μ = 2: 1 / (2 · 0.1²) = 50 s.
    expect(relaxationSeconds(0.81, 2)).toBeCloseTo(50, 10);
    expect(relaxationSeconds(1, 2)).toBeNull();
  });
});
