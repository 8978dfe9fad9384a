// The batch-sum distribution of the tail-aware estimate (core/sumLaw.ts, core/fft.ts) against
// exact arithmetic: a direct DFT, the closed-form mean and variance of a sum of b lognormals,
// and the tail of a large Monte-Carlo sample.
import { describe, expect, test } from 'vitest';
import { cumulantsOf, NO_SPREAD } from '../../src/core/cumulants.js';
import { fft } from '../../src/core/fft.js';
import { createRng } from '../../src/core/random.js';
import { lognormalSumLaws, MAX_INFLATION } from '../../src/core/sumLaw.js';

describe('fft', () => {
  test('matches the direct sum X_k = Σ x_j e^(−2πi jk/n), and the inverse undoes it', () => {
    const n = 64;
    const rng = createRng(1);
    const x = Array.from({ length: n }, () => rng.next() - 0.5);
    const re = Float64Array.from(x);
    const im = new Float64Array(n);
    fft(re, im);
    for (const k of [0, 1, 5, 31, 32, 63]) {
      let dr = 0;
      let di = 0;
      for (let j = 0; j < n; j++) {
        dr += (x[j] ?? 0) * Math.cos((-2 * Math.PI * j * k) / n);
        di += (x[j] ?? 0) * Math.sin((-2 * Math.PI * j * k) / n);
      }
      expect(re[k]).toBeCloseTo(dr, 12);
      expect(im[k]).toBeCloseTo(di, 12);
    }
    fft(re, im, true);
    for (let j = 0; j < n; j++) expect(re[j]).toBeCloseTo(x[j] ?? 0, 12);
  });
});

const laws = (sigma: number, b: number) => {
  const l = lognormalSumLaws(0, sigma, b, NO_SPREAD(0), NO_SPREAD(0));
  if (!l) throw new Error('expected a lattice');
  return l;
};

describe('the sum of b lognormal items', () => {
  test.each([[0.5, 10], [1.5, 10], [1.5, 100]])('sigma %d, b = %d: mean b·E[r] and variance b·Var[r]', (sigma, b) => {
    const item = cumulantsOf({ kind: 'lognormal', mu: 0, sigma });
    const { slot, step } = laws(sigma, b);
    // E[X] = x + E[(X − x)⁺] for x below the support; E[(X − x)²] = 2∫_x^∞ E[(X − y)⁺] dy, by
    // the midpoint rule on a quarter of the lattice step out to 60 standard deviations (the
    // lattice's E[(X − y)⁺] is linear between its points, so the rule is exact there).
    const lo = -1;
    const mean = slot.excess(lo) + lo;
    expect(mean / (b * item.mean)).toBeCloseTo(1, 5);
    const top = b * item.mean + 60 * Math.sqrt(b * item.variance);
    const dy = step / 4;
    let integral = 0;
    for (let y = lo + dy / 2; y < top; y += dy) integral += slot.excess(y) * dy;
    const variance = 2 * integral - (mean - lo) ** 2;
    // The linear split adds at most step²/4 per item; the integral stops at 60 sd, where a
    // sigma-1.5 item still leaves a few tenths of a percent of its variance.
    expect(variance).toBeGreaterThan(b * item.variance * (1 - 0.01));
    expect(variance).toBeLessThan(b * item.variance * (1 + 0.002) + (b * step * step) / 4);
  });

  test('P(S > x) agrees with 400,000 summed draws within their 99.9% interval', () => {
    const sigma = 1.5;
    const b = 10;
    const { slot } = laws(sigma, b);
    const rng = createRng(7);
    const n = 400_000;
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < b; j++) s += Math.exp(sigma * rng.normal());
      xs[i] = s;
    }
    xs.sort();
    for (const p of [0.5, 0.9, 0.99, 0.999]) {
      const x = xs[Math.floor(p * n)] ?? 0;
      // The sample's exceedance 1 − p has standard error sqrt(p(1 − p)/n); 3.3 of them is 99.9%.
      const half = 3.3 * Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(1 - slot.cdf(x) - (1 - p))).toBeLessThan(half);
    }
  });

  test('beyond the cut the tail is the single big jump b·P(r > x − (b − 1)·E[r])', () => {
    // Beyond the lattice's top (about 2,700 s here), P(S > x) = b·P(r > x − c) with c = 9·E[r]:
    // for sigma 1.5, b = 10 and x = 5,000, P(r > 4,972) = ½·erfc(ln 4,972 / (1.5·√2)) ≈ 7e-9.
    const { slot } = laws(1.5, 10);
    const x = 5_000;
    const itemTail = 0.5 * erfc(Math.log(x - 9 * Math.exp(1.125)) / 1.5 / Math.SQRT2);
    expect((1 - slot.cdf(x)) / (10 * itemTail)).toBeCloseTo(1, 4);
  });

  test('a batch too large for the lattice is left to the three-cumulant fit', () => {
    expect(lognormalSumLaws(0, 1, 100_000, NO_SPREAD(0), NO_SPREAD(0))).toBeNull();
    expect(laws(1.5, 100).inflation).toBeLessThan(MAX_INFLATION);
  });

  test('d_out adds on: the whole has the mean of the slot plus d_out', () => {
    const after = cumulantsOf({ kind: 'lognormal', mu: 1, sigma: 0.5 });
    const l = lognormalSumLaws(0, 1, 20, NO_SPREAD(3), after);
    if (!l) throw new Error('expected a lattice');
    const item = cumulantsOf({ kind: 'lognormal', mu: 0, sigma: 1 });
    expect(l.slot.excess(0) / (3 + 20 * item.mean)).toBeCloseTo(1, 5);
    expect(l.whole.excess(0) / (3 + 20 * item.mean + after.mean)).toBeCloseTo(1, 5);
  });
});

/** erfc(z) for z > 2 by its continued fraction (Abramowitz & Stegun 7.1.14); here z ≈ 4. */
function erfc(z: number): number {
  let f = 0;
  for (let k = 80; k >= 1; k--) f = k / 2 / (z + f);
  return Math.exp(-z * z) / Math.sqrt(Math.PI) / (z + f);
}
