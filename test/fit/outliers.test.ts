import { describe, expect, it } from 'vitest';
import { DEFAULT_FIT_OPTIONS, fitPhase } from '../../src/core/fit/fitPhase.js';
import { countOutside, farOutFences } from '../../src/core/fit/outliers.js';
import { PhaseSamples } from '../../src/core/fit/samples.js';

describe('far-out fences', () => {
  it('sit at Q1 − 3 IQR and Q3 + 3 IQR of ln x for positive values', () => {
    // 9 values: Q1 (h = 2) = 1, Q3 (h = 6) = 2. On ln: 0 and ln 2, IQR ln 2.
    // Upper: exp(ln 2 + 3 ln 2) = 16; lower: exp(0 − 3 ln 2) = 1/8. Only 100 is beyond.
    const sorted = [1, 1, 1, 1, 2, 2, 2, 15, 100];
    const fences = farOutFences(sorted);
    expect(fences.scale).toBe('log');
    expect(fences.upperSeconds).toBeCloseTo(16, 10);
    expect(fences.lowerSeconds).toBeCloseTo(0.125, 10);
    expect(countOutside(sorted, fences)).toBe(1);
  });

  it('flag nothing when the quartiles are equal (exp(ln 0.1) is not 0.1 in floating point)', () => {
    expect(Math.exp(Math.log(0.1))).not.toBe(0.1);
    for (const sorted of [[0.1], [0.1, 0.1, 0.1, 0.1]]) expect(countOutside(sorted, farOutFences(sorted))).toBe(0);
    // A value away from equal quartiles is still beyond them.
    expect(countOutside([0.1, 0.1, 0.1, 0.1, 0.1, 0.3], farOutFences([0.1, 0.1, 0.1, 0.1, 0.1, 0.3]))).toBe(1);
  });

  it('use the linear scale when a value is 0', () => {
    // 7 values: Q1 (h = 1.5) = 1, Q3 (h = 4.5) = 2.5, IQR 1.5: fences −3.5 and 7.
    const sorted = [0, 1, 1, 2, 2, 3, 50];
    const fences = farOutFences(sorted);
    expect(fences).toEqual({ scale: 'linear', lowerSeconds: -3.5, upperSeconds: 7 });
    expect(countOutside(sorted, fences)).toBe(1);
  });
});

describe('fitPhase outliers', () => {
  const samples = new PhaseSamples();
  for (const s of [1, 1.1, 1.2, 1, 1.3, 1.1, 1.2, 1.15, 60]) samples.push(s, null);

  it('reports them and keeps them by default', () => {
    const fit = fitPhase('create', samples, DEFAULT_FIT_OPTIONS);
    expect(fit).toMatchObject({ rows: 9, n: 9, outliers: 1, trimmed: 0 });
    expect(fit.notes).toContainEqual({ code: 'outliers', count: 1, scale: 'log', trimmed: false });
    expect(fit.summary.maxSeconds).toBe(60);
  });

  it('excludes them with trim', () => {
    const fit = fitPhase('create', samples, { ...DEFAULT_FIT_OPTIONS, trim: true });
    expect(fit).toMatchObject({ rows: 9, n: 8, outliers: 1, trimmed: 1 });
    expect(fit.notes).toContainEqual({ code: 'outliers', count: 1, scale: 'log', trimmed: true });
    expect(fit.summary.maxSeconds).toBe(1.3);
  });
});
