import { describe, expect, it } from 'vitest';
import { ksCritical, ksDistance } from '../../src/core/fit/ks.js';
import { fitLognormal } from '../../src/core/fit/lognormal.js';
import { ascending, lognormalSample } from './helpers.js';

describe('ksDistance', () => {
  it('matches a hand-worked example against Uniform(0, 4)', () => {
    // F(x) = x/4 at 0.5, 1, 3 gives 0.125, 0.25, 0.75. Gaps i/n − F and F − (i−1)/n:
    // i=1: 0.3333 − 0.125 = 0.2083, 0.125; i=2: 0.6667 − 0.25 = 0.4167, −0.083;
    // i=3: 1 − 0.75 = 0.25, 0.0833. D = 0.41667 = 5/12.
    expect(ksDistance([0.5, 1, 3], (x) => x / 4)).toBeCloseTo(5 / 12, 12);
  });

  it('checks the gap below each step too', () => {
    // F(x) = x/4 at 3, 3.5, 3.9 gives 0.75, 0.875, 0.975. Above the steps (i/n − F) every gap
    // is small (1 − 0.975 = 0.025 at most); below the first step F − 0/n = 0.75. D = 0.75.
    expect(ksDistance([3, 3.5, 3.9], (x) => x / 4)).toBeCloseTo(0.75, 12);
  });

  it('is 1.36/√n at 5%', () => {
    expect(ksCritical(400)).toBeCloseTo(0.068, 12);
  });
});

describe('fitLognormal', () => {
  it('fits [1, e, e²] by hand', () => {
    // ln x = 0, 1, 2: mu = 1, sigma² = (1 + 0 + 1)/3, sigma = 0.81650.
    // z = −1.2247, 0, 1.2247; Φ(−1.2247) = 0.110336. The largest gap is at i = 1 (above
    // the step: 1/3 − 0.110336 = 0.222998) and, symmetrically, at i = 3 (0.889664 − 2/3).
    const result = fitLognormal([1, Math.E, Math.E ** 2]);
    if (!result.ok) throw new Error(result.problem);
    expect(result.fit.mu).toBeCloseTo(1, 12);
    expect(result.fit.sigma).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(result.fit.ksDistance).toBeCloseTo(0.22299765237340988, 10);
    expect(result.fit.ksCritical).toBeCloseTo(1.36 / Math.sqrt(3), 12);
    expect(result.fit.passes).toBe(true);
  });

  it('recovers mu and sigma of a seeded sample within 4 standard errors', () => {
    // SE(mu^) = sigma/√n = 0.8/√2000 = 0.0179; SE(sigma^) ≈ sigma/√(2n) = 0.0126.
    const n = 2000;
    const sigma = 0.8;
    const result = fitLognormal(ascending(lognormalSample(n, 0.17, sigma, 11)));
    if (!result.ok) throw new Error(result.problem);
    expect(Math.abs(result.fit.mu - Math.log(0.17))).toBeLessThan((4 * sigma) / Math.sqrt(n));
    expect(Math.abs(result.fit.sigma - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * n));
    expect(result.fit.passes).toBe(true);
  });

  it('rejects a bimodal sample by KS', () => {
    // Half near 1 s and half near 10 s (sigma 0.1 each). The fit has mu ≈ ln√10 = 1.151 and
    // sigma ≈ √(0.01 + 1.151²) = 1.156. Just above the low cluster (x ≈ 1.3) the sample's CDF
    // is 0.5 while Φ((ln 1.3 − 1.151)/1.156) = Φ(−0.77) = 0.22: D ≈ 0.28 ≫ 1.36/√1000 = 0.043.
    const low = lognormalSample(500, 1, 0.1, 1);
    const high = lognormalSample(500, 10, 0.1, 2);
    const result = fitLognormal(ascending([...low, ...high]));
    if (!result.ok) throw new Error(result.problem);
    expect(result.fit.ksDistance).toBeGreaterThan(0.25);
    expect(result.fit.ksDistance).toBeLessThan(0.31);
    expect(result.fit.passes).toBe(false);
  });

  it('declines values of 0 or less and says how many', () => {
    const result = fitLognormal([0, 1, 2]);
    expect(result).toEqual({ ok: false, problem: '1 of 3 values are 0 or less, which a lognormal cannot produce' });
  });
});
