// An independent cross-check of the formulas: a small FIFO multi-slot queue simulated here, not
// by flyscale's engine. Run n arrives at A_n; it takes the slot that frees first; its wait is
// max(0, free − A_n). With exponential gaps and slot times that is M/M/c; with fixed slot times
// and one slot, M/D/1.
import { describe, expect, test } from 'vitest';
import { createRng, deriveSeed, type Rng } from '../../src/core/random.js';
import { mmcMeanWaitSeconds, mmcWaitProbability } from '../../src/core/stream/queueing/erlangC.js';
import { md1MeanWaitSeconds } from '../../src/core/stream/queueing/mg1.js';

interface Replication {
  meanWaitSeconds: number;
  waitedFraction: number;
}

/** n measured runs after `warmup` runs, the pool starting empty. */
function simulateQueue(slots: number, arrivalRatePerSecond: number, slotTime: (rng: Rng) => number, warmup: number, n: number, rng: Rng): Replication {
  const free = new Float64Array(slots);
  let t = 0;
  let waitSum = 0;
  let waited = 0;
  for (let i = 0; i < warmup + n; i++) {
    t += -Math.log(1 - rng.next()) / arrivalRatePerSecond;
    let k = 0;
    for (let j = 1; j < slots; j++) if ((free[j] ?? 0) < (free[k] ?? 0)) k = j;
    const start = Math.max(t, free[k] ?? 0);
    free[k] = start + slotTime(rng);
    if (i >= warmup) {
      waitSum += start - t;
      if (start > t) waited += 1;
    }
  }
  return { meanWaitSeconds: waitSum / n, waitedFraction: waited / n };
}

/** Mean and half-widths over R independent replications: t(0.975, 19) = 2.093, t(0.9995, 19) = 3.883. */
function interval(values: number[]): { mean: number; half95: number; half999: number } {
  const r = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / r;
  const se = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (r - 1) / r);
  return { mean, half95: 2.093 * se, half999: 3.883 * se };
}

const REPLICATIONS = 20;
const RUNS = 100_000;
// The relaxation time of M/M/1 at ρ = 0.9 is 1/(1 − √0.9)² ≈ 380 slot times (≈ 340 runs): 5,000
// warm-up runs leave no start-up bias worth measuring.
const WARMUP = 5_000;

// 9 cases × 2 checks: a 95% interval would miss the truth somewhere with probability
// 1 − 0.95^18 ≈ 60% even with correct formulas, so each check asks for the 99.9% interval
// (family-wise about 2%) and, to stay meaningful, a 95% half-width under 10% of the value.
describe('M/M/c simulated here against Erlang C', () => {
  const cases = [1, 4, 16].flatMap((slots) => [0.5, 0.8, 0.9].map((rho) => ({ slots, rho })));
  test.each(cases)('c = $slots, ρ = $rho', ({ slots, rho }) => {
    const mu = 1; // slot time Exp(mean 1 s)
    const lambda = rho * slots * mu;
    const reps = Array.from({ length: REPLICATIONS }, (_, r) => {
      const rng = createRng(deriveSeed(1300 + slots * 10 + Math.round(rho * 10), r));
      return simulateQueue(slots, lambda, (g) => -Math.log(1 - g.next()) / mu, WARMUP, RUNS, rng);
    });
    const q = { arrivalRatePerSecond: lambda, serviceRatePerSecond: mu, slots };
    const expectedWait = mmcMeanWaitSeconds(q) ?? Number.NaN;
    const expectedProbability = mmcWaitProbability(q);
    const wait = interval(reps.map((x) => x.meanWaitSeconds));
    const probability = interval(reps.map((x) => x.waitedFraction));
    expect(Math.abs(wait.mean - expectedWait)).toBeLessThan(wait.half999);
    expect(Math.abs(probability.mean - expectedProbability)).toBeLessThan(probability.half999);
    expect(wait.half95).toBeLessThan(0.1 * expectedWait);
    expect(probability.half95).toBeLessThan(0.1 * expectedProbability);
  });
});

describe('M/D/1 simulated here against Pollaczek–Khinchine', () => {
  test.each([0.5, 0.8, 0.9])('ρ = %s', (rho) => {
    // Slot time fixed at 1 s: E[W] = ρ / (2(1 − ρ)).
    const reps = Array.from({ length: REPLICATIONS }, (_, r) => simulateQueue(1, rho, () => 1, WARMUP, RUNS, createRng(deriveSeed(1400 + Math.round(rho * 10), r))));
    const expected = md1MeanWaitSeconds(rho, 1) ?? Number.NaN;
    const wait = interval(reps.map((x) => x.meanWaitSeconds));
    expect(Math.abs(wait.mean - expected)).toBeLessThan(wait.half999);
    expect(wait.half95).toBeLessThan(0.1 * expected);
  });
});
