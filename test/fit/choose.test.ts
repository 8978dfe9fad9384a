import { describe, expect, it } from 'vitest';
import { samplesForP95Empirical, samplesForP95Lognormal } from '../../src/core/fit/adequacy.js';
import { chooseDuration } from '../../src/core/fit/choose.js';
import { DEFAULT_FIT_OPTIONS, fitPhase } from '../../src/core/fit/fitPhase.js';
import { PhaseSamples } from '../../src/core/fit/samples.js';
import { ascending, lognormalSample } from './helpers.js';

describe('samples for a p95 within ±10%', () => {
  it('lognormal: n = (1.96 / ln 1.1)² · sigma² · (1 + 1.6449²/2)', () => {
    // (1.96 / 0.0953102)² = 422.894; 1 + 2.705696/2 = 2.352848; product 995.010.
    // sigma 0.5: 248.75 → 249; sigma 0.8: 636.81 → 637; sigma 1: 995.01 → 996.
    expect(samplesForP95Lognormal(0.5)).toBe(249);
    expect(samplesForP95Lognormal(0.8)).toBe(637);
    expect(samplesForP95Lognormal(1)).toBe(996);
  });

  it('empirical: n = (1.96/0.1)² · p(1−p) / (q·f(q))², on exact Uniform(0, 1) quantiles', () => {
    // q = 0.95, f = 1 (the difference quotient over 0.93..0.97 is exact for a uniform):
    // 384.16 · 0.0475 / 0.9025 = 20.22 → 21.
    const sorted = Array.from({ length: 1001 }, (_, k) => k / 1000);
    expect(samplesForP95Empirical(sorted)).toBe(21);
  });

  it('empirical: cannot say when the p95 is 0', () => {
    expect(samplesForP95Empirical([0, 0, 0, 0])).toBeNull();
  });

  it('warns below 6 samples and when the p95 needs more', () => {
    const samples = new PhaseSamples();
    for (const s of [1, 2, 4, 8]) samples.push(s, null);
    const fit = fitPhase('create', samples, DEFAULT_FIT_OPTIONS);
    expect(fit.notes).toContainEqual({ code: 'fewSamples', n: 4, minimum: 6 });
    expect(fit.notes.some((note) => note.code === 'p95Imprecise')).toBe(true);
  });
});

describe('chooseDuration', () => {
  it('is fixed, at the mean, when the spread is under 1% of the mean', () => {
    // SD of (0.05, 0.05, 0.0501) = 5.77e-5, mean 0.0500333: CV 0.12%.
    const fit = chooseDuration([0.05, 0.05, 0.0501]);
    expect(fit.form).toBe('fixed');
    expect(fit.dist).toEqual({ kind: 'fixed', value: (0.05 + 0.05 + 0.0501) / 3 });
    expect(fit.reason).toBe('fixed: the values vary by 0.12% of their mean (at most 1%)');
  });

  it('is lognormal when KS passes', () => {
    const fit = chooseDuration(ascending(lognormalSample(500, 25, 0.4, 3)));
    expect(fit.form).toBe('lognormal');
    expect(fit.reason).toMatch(/^lognormal: KS distance [\d.]+ ≤ 0.061 \(5%, n = 500\)$/);
    expect(fit.samplesForP95).toBe(samplesForP95Lognormal(fit.dist.kind === 'lognormal' ? fit.dist.sigma : 0));
  });

  it('is empirical, thinned to 200 slice means that keep the sample mean, when KS fails', () => {
    const sorted = ascending([...lognormalSample(500, 1, 0.1, 1), ...lognormalSample(500, 10, 0.1, 2)]);
    const fit = chooseDuration(sorted);
    expect(fit.form).toBe('empirical');
    const points = fit.dist.kind === 'empirical' ? fit.dist.samples : [];
    expect(points).toHaveLength(200);
    // 1000 values in 200 slices of 5: the first point is the mean of the 5 smallest values
    expect(points[0]).toBeCloseTo((sorted.slice(0, 5).reduce((a, b) => a + b, 0)) / 5, 12);
    const mean = (xs: ArrayLike<number>): number => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(points)).toBeCloseTo(mean(sorted), 12);
    expect(fit.reason).toMatch(/^empirical: a lognormal does not fit, KS distance [\d.]+ > 0.043 \(5%, n = 1000\); kept as 200 slice means of 1000 values$/);
  });

  it('is empirical when a value is 0', () => {
    const fit = chooseDuration([0, 0.1, 0.2, 0.4]);
    expect(fit.form).toBe('empirical');
    expect(fit.reason).toBe('empirical: 1 of 4 values are 0 or less, which a lognormal cannot produce');
  });
});
