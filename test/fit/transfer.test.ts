import { describe, expect, it } from 'vitest';
import { DEFAULT_FIT_OPTIONS, fitPhase } from '../../src/core/fit/fitPhase.js';
import { leastSquares } from '../../src/core/fit/leastSquares.js';
import { PhaseSamples } from '../../src/core/fit/samples.js';
import { lognormalSample } from './helpers.js';

const transferOptions = { ...DEFAULT_FIT_OPTIONS, allowTransfer: true };

function samplesOf(rows: readonly (readonly [number, number | null])[]): PhaseSamples {
  const samples = new PhaseSamples();
  for (const [seconds, bytes] of rows) samples.push(seconds, bytes);
  return samples;
}

describe('leastSquares', () => {
  it('recovers an exact line: 50 ms + bytes / 80 MB/s, R² = 1', () => {
    const bytes = [1e6, 2e6, 5e6, 1e7, 4e7];
    const seconds = bytes.map((b) => 0.05 + b / 80e6);
    const line = leastSquares(bytes, seconds);
    expect(line?.interceptSeconds).toBeCloseTo(0.05, 12);
    expect(1 / (line?.slopeSecondsPerByte ?? 0)).toBeCloseTo(80e6, 0);
    expect(line?.rSquared).toBeCloseTo(1, 12);
  });

  it('gives R² by hand for a small noisy line', () => {
    // x = 0,1,2,3; y = 1,3,2,5. mean x 1.5, mean y 2.75; Sxx = 5, Sxy = 5.5, Syy = 8.75.
    // slope 1.1, intercept 2.75 − 1.65 = 1.1; SS_res = 8.75 − 5.5²/5 = 2.7; R² = 1 − 2.7/8.75.
    const line = leastSquares([0, 1, 2, 3], [1, 3, 2, 5]);
    expect(line?.slopeSecondsPerByte).toBeCloseTo(1.1, 12);
    expect(line?.interceptSeconds).toBeCloseTo(1.1, 12);
    expect(line?.rSquared).toBeCloseTo(1 - 2.7 / 8.75, 12);
  });

  it('returns null when x does not vary', () => {
    expect(leastSquares([5, 5, 5], [1, 2, 3])).toBeNull();
  });
});

describe('fitPhase with bytes', () => {
  it('chooses the transfer form on exact-line data, with a fixed latency', () => {
    const bytes = [1e6, 2e6, 5e6, 1e7, 4e7, 8e7];
    const fit = fitPhase('upload', samplesOf(bytes.map((b) => [0.05 + b / 80e6, b])), transferOptions);
    expect(fit.transfer?.chosen).toBe(true);
    expect(fit.bandwidthBytesPerSecond).toBeCloseTo(80e6, 0);
    expect(fit.latency.form).toBe('fixed');
    expect(fit.latency.dist.kind === 'fixed' ? fit.latency.dist.value : Number.NaN).toBeCloseTo(0.05, 12);
    expect(fit.reason).toMatch(/^transfer: seconds = latency \+ bytes \/ 80 MB\/s by least squares \(R² 1 ≥ 0.5\); latency fixed/);
  });

  it('recovers a lognormal latency under the bytes term', () => {
    // latency lognormal(median 60 ms, sigma 0.5), bytes 1..100 MB, 80 MB/s, n = 1000.
    // mu is off by the sample's own error, 0.5/√1000 = 0.0158, and by the fitted slope's: the
    // latencies' sd, 0.06·√(e^0.25·(e^0.25 − 1)) = 0.0362 s, over the bytes' sd (99 kB × 288.7 =
    // 28.6 MB) and √1000 gives a slope error of 4.0e-11 s/B; times the mean 50.45 MB that shifts
    // every latency by 2.0 ms, and log latency by 2.0 ms × E[1/latency] = 2.0e-3 × e^0.125/0.06
    // = 0.038. Together √(0.0158² + 0.038²) = 0.041, so mu is within 4 × 0.041 = 0.165; sigma
    // within 4·0.5/√2000 = 0.045 (a common shift barely moves it).
    const n = 1000;
    const latency = lognormalSample(n, 0.06, 0.5, 5);
    const rows = Array.from(latency, (l, i): [number, number] => {
      const b = 1e6 + ((i * 7919) % 1000) * 99e3;
      return [l + b / 80e6, b];
    });
    const fit = fitPhase('upload', samplesOf(rows), transferOptions);
    expect(fit.bandwidthBytesPerSecond).not.toBeNull();
    expect(Math.abs((fit.bandwidthBytesPerSecond ?? 0) / 80e6 - 1)).toBeLessThan(0.02);
    const d = fit.latency.dist;
    if (d.kind !== 'lognormal') throw new Error(`expected lognormal, got ${fit.reason}`);
    expect(Math.abs(d.mu - Math.log(0.06))).toBeLessThan(4 * Math.hypot(0.5 / Math.sqrt(n), 0.038));
    expect(Math.abs(d.sigma - 0.5)).toBeLessThan((4 * 0.5) / Math.sqrt(2 * n));
  });

  it('judges outliers on the latency, so large transfers are not trimmed away', () => {
    // 1000 uploads at 100 MB/s with latency lognormal(median 50 ms, sigma 0.3); every 20th moves
    // 1 GB (10 s of transfer), the rest 1 MB (10 ms). On raw seconds the 50 large ones sit far
    // beyond Q3 + 3·IQR; on latency (seconds − bytes × slope) none do.
    const latency = lognormalSample(1000, 0.05, 0.3, 9);
    const rows = Array.from(latency, (l, i): [number, number] => {
      const b = i % 20 === 0 ? 1e9 : 1e6;
      return [l + b / 100e6, b];
    });
    const fit = fitPhase('upload', samplesOf(rows), { ...transferOptions, trim: true });
    expect(fit.outliers).toBe(0);
    expect(fit.n).toBe(1000);
    expect(Math.abs((fit.bandwidthBytesPerSecond ?? 0) / 100e6 - 1)).toBeLessThan(0.01);
  });

  it('sets latencies below 0 to 0 and counts them', () => {
    // x = 1,1,5,5 MB; y = 0.05, 0.35, 0.6, 0.6. mean x 3e6, mean y 0.4; Sxy = 1.6e6, Sxx = 16e12:
    // slope 1e-7 (10 MB/s), intercept 0.1. Syy = 0.205, explained 1.6²e12/16e12 = 0.16, R² = 0.780.
    // Latencies y − slope·x: −0.05 (→ 0), 0.25, 0.1, 0.1; the 0 rules out a lognormal.
    const fit = fitPhase('upload', samplesOf([[0.05, 1e6], [0.35, 1e6], [0.6, 5e6], [0.6, 5e6]]), transferOptions);
    expect(fit.transfer?.rSquared).toBeCloseTo(0.16 / 0.205, 12);
    expect(fit.bandwidthBytesPerSecond).toBeCloseTo(1e7, 0);
    expect(fit.notes).toContainEqual({ code: 'latencyClamped', count: 1 });
    expect(fit.latency.form).toBe('empirical');
    const samples = fit.latency.dist.kind === 'empirical' ? fit.latency.dist.samples : [];
    expect(samples[0]).toBe(0);
    expect(samples[3]).toBeCloseTo(0.25, 12);
  });

  it('gives no bandwidth when time falls with bytes', () => {
    const fit = fitPhase('upload', samplesOf([[0.3, 1e6], [0.2, 2e6], [0.1, 3e6], [0.05, 4e6]]), transferOptions);
    expect(fit.transfer?.chosen).toBe(false);
    expect(fit.bandwidthBytesPerSecond).toBeNull();
    expect(fit.reason).toContain('slope ≤ 0');
  });

  it('gives no bandwidth when bytes explain too little', () => {
    // Seconds alternate 0.1/0.3 independent of bytes except a faint trend: R² well under 0.5.
    const rows: [number, number][] = [[0.1, 1e6], [0.3, 2e6], [0.1, 3e6], [0.3, 4e6], [0.1, 5e6], [0.31, 6e6]];
    const fit = fitPhase('upload', samplesOf(rows), transferOptions);
    expect(fit.transfer?.rSquared).toBeLessThan(0.5);
    expect(fit.bandwidthBytesPerSecond).toBeNull();
    expect(fit.reason).toMatch(/R² [\d.]+ < 0.5/);
  });

  it('needs bytes on every row, and ignores bytes on a phase that is not a transfer', () => {
    const partial = fitPhase('upload', samplesOf([[0.1, 1e6], [0.2, null], [0.3, 3e6]]), transferOptions);
    expect(partial.transfer).toBeNull();
    expect(partial.notes).toContainEqual({ code: 'bytesPartial', withBytes: 2, rows: 3 });
    const ignored = fitPhase('enqueue', samplesOf([[0.1, 1e6], [0.2, 2e6]]), DEFAULT_FIT_OPTIONS);
    expect(ignored.transfer).toBeNull();
    expect(ignored.notes).toContainEqual({ code: 'bytesIgnored' });
  });
});
