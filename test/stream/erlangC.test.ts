// Erlang B / C and the M/M/c wait against hand values, a direct factorial sum and a log-space sum.
import { describe, expect, test } from 'vitest';
import { erlangB, erlangC, mm1MeanWaitSeconds, mmcMeanWaitSeconds, mmcWaitExceeds, mmcWaitProbability, mmcWaitQuantileSeconds, utilisation } from '../../src/core/stream/queueing/erlangC.js';

/** MODEL's form: C = (a^c/c!) / ((1 − ρ) Σ_{k<c} a^k/k! + a^c/c!), with plain factorials (small c only). */
function erlangCByFactorials(c: number, a: number): number {
  let fact = 1;
  let sum = 0;
  for (let k = 0; k < c; k++) {
    if (k > 0) fact *= k;
    sum += a ** k / fact;
  }
  const top = a ** c / (fact * c);
  return top / ((1 - a / c) * sum + top);
}

/** The same sum in log space (log-sum-exp), usable for c = 10,000: an independent route from the recursion. */
function erlangCInLogs(c: number, a: number): number {
  const logTerms: number[] = [];
  let logTerm = 0; // log(a^0 / 0!)
  for (let k = 0; k < c; k++) {
    if (k > 0) logTerm += Math.log(a) - Math.log(k);
    logTerms.push(logTerm + Math.log(1 - a / c));
  }
  const logTop = logTerm + Math.log(a) - Math.log(c); // log(a^c / c!)
  const all = [...logTerms, logTop];
  const m = Math.max(...all);
  const logDen = m + Math.log(all.reduce((s, x) => s + Math.exp(x - m), 0));
  return Math.exp(logTop - logDen);
}

describe('Erlang B and C', () => {
  test('hand values', () => {
    // c = 2, a = 1 (ρ = 0.5): a^2/2! = 0.5; (1 − 0.5)(1 + 1) + 0.5 = 1.5; C = 0.5 / 1.5 = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 14);
    // c = 1: C = a / ((1 − a) + a) = a = ρ.
    for (const rho of [0.1, 0.5, 0.9, 0.999]) expect(erlangC(1, rho)).toBeCloseTo(rho, 14);
    // Erlang B, c = 1: a / (1 + a); c = 2, a = 1: (1/2) / (1 + 1 + 1/2) = 0.2.
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 14);
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 14);
  });
  test('agrees with the direct factorial sum for c up to 20', () => {
    for (let c = 1; c <= 20; c++) {
      for (const rho of [0.05, 0.3, 0.5, 0.8, 0.95, 0.999]) {
        const a = rho * c;
        expect(erlangC(c, a)).toBeCloseTo(erlangCByFactorials(c, a), 12);
      }
    }
  });
  test('monotone in ρ, 1 at and beyond ρ = 1', () => {
    for (const c of [1, 4, 16, 100]) {
      let previous = 0;
      for (let i = 1; i < 100; i++) {
        const value = erlangC(c, (i / 100) * c);
        expect(value).toBeGreaterThan(previous);
        previous = value;
      }
      expect(erlangC(c, c)).toBe(1);
      expect(erlangC(c, 2 * c)).toBe(1);
    }
  });
  test('c = 10,000 close to capacity: finite, in [0, 1], equal to the log-space sum', () => {
    for (const rho of [0.99, 0.999]) {
      const a = rho * 10_000;
      const value = erlangC(10_000, a);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
      expect(value).toBeCloseTo(erlangCInLogs(10_000, a), 9);
    }
  });
});

describe('M/M/c wait', () => {
  test('M/M/1 mean wait is ρ / (μ − λ)', () => {
    // λ = 0.8, μ = 1: 0.8 / 0.2 = 4 s. λ = 3, μ = 5: 0.6 / 2 = 0.3 s.
    expect(mm1MeanWaitSeconds(0.8, 1)).toBeCloseTo(4, 12);
    expect(mm1MeanWaitSeconds(3, 5)).toBeCloseTo(0.3, 12);
    expect(mm1MeanWaitSeconds(1, 1)).toBeNull();
  });
  test('M/M/2 at a = 1: P(wait) = 1/3, E[W] = C / (cμ − λ) = (1/3) / 1', () => {
    const q = { arrivalRatePerSecond: 1, serviceRatePerSecond: 1, slots: 2 };
    expect(utilisation(q)).toBe(0.5);
    expect(mmcWaitProbability(q)).toBeCloseTo(1 / 3, 14);
    expect(mmcMeanWaitSeconds(q)).toBeCloseTo(1 / 3, 14);
    // P(W > 2) = (1/3) e^{−2}.
    expect(mmcWaitExceeds(q, 2)).toBeCloseTo(Math.exp(-2) / 3, 14);
    expect(mmcWaitExceeds(q, 0)).toBeCloseTo(1 / 3, 14);
  });
  test('wait quantiles invert P(W > w) and are 0 while C ≤ 1 − p', () => {
    const q = { arrivalRatePerSecond: 1, serviceRatePerSecond: 1, slots: 2 };
    // C = 1/3 ≤ 1 − 0.5: half the runs never wait.
    expect(mmcWaitQuantileSeconds(q, 0.5)).toBe(0);
    expect(mmcWaitQuantileSeconds(q, 2 / 3)).toBe(0);
    // p = 0.9: ln((1/3) / 0.1) / 1 = ln(10/3) = 1.2039728...
    expect(mmcWaitQuantileSeconds(q, 0.9)).toBeCloseTo(Math.log(10 / 3), 12);
    // M/M/1, λ = 0.8, μ = 1, p = 0.99: ln(0.8 / 0.01) / 0.2 = 5 ln 80 = 21.9101...
    const m = { arrivalRatePerSecond: 0.8, serviceRatePerSecond: 1, slots: 1 };
    expect(mmcWaitQuantileSeconds(m, 0.99)).toBeCloseTo(5 * Math.log(80), 10);
    for (const p of [0.9, 0.95, 0.99, 0.999]) {
      const w = mmcWaitQuantileSeconds(m, p);
      expect(w).not.toBeNull();
      expect(mmcWaitExceeds(m, w ?? 0)).toBeCloseTo(1 - p, 12);
    }
  });
  test('unstable queues have no wait figures', () => {
    const q = { arrivalRatePerSecond: 4, serviceRatePerSecond: 1, slots: 4 };
    expect(mmcMeanWaitSeconds(q)).toBeNull();
    expect(mmcWaitExceeds(q, 1)).toBeNull();
    expect(mmcWaitQuantileSeconds(q, 0.99)).toBeNull();
  });
});
