// Fit examples/measurements/timings.csv and recover the parameters scripts/make-measurements.mjs
// states (examples/measurements/README.md), each within four standard errors for its n.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLogParser, MEASURED_PHASES, TRANSFER_PHASES } from '../../src/config/measurements.js';
import { fitSet } from '../../src/core/fit/fitSet.js';
import type { PhaseFit } from '../../src/core/fit/fitPhase.js';
import { MeasurementSet } from '../../src/core/fit/samples.js';

const FILE = new URL('../../examples/measurements/timings.csv', import.meta.url);

function load(): MeasurementSet {
  const parser = createLogParser('timings.csv', 'csv', { phases: MEASURED_PHASES });
  const set = new MeasurementSet();
  readFileSync(FILE, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const outcome = parser.pushLine(line, i + 1);
      if (outcome.kind === 'error') throw new Error(outcome.error.problem);
      if (outcome.kind === 'record') set.push(outcome.record.phase, outcome.record.seconds, outcome.record.bytes);
    });
  expect(parser.finish()).toBeNull();
  return set;
}

const set = load();
const trimmed = fitSet(set, { trim: true, transferPhases: TRANSFER_PHASES });
const kept = fitSet(set, { transferPhases: TRANSFER_PHASES });
const byPhase = (fits: readonly PhaseFit[], phase: string): PhaseFit => {
  const fit = fits.find((f) => f.phase === phase);
  if (fit === undefined) throw new Error(`no fit for ${phase}`);
  return fit;
};

/**
 * The latency lognormal within 4 SE: SE(mu^) = sigma/√n, SE(sigma^) = sigma/√(2n). For a
 * transfer the latencies also carry the slope's error times bytes; with slopes known to about
 * 0.1% (see below) that adds well under one SE to mu, so the same bound holds.
 */
function expectLognormal(fit: PhaseFit, medianSeconds: number, sigma: number): void {
  const d = fit.latency.dist;
  if (d.kind !== 'lognormal') throw new Error(`${fit.phase}: expected lognormal, got ${fit.reason}`);
  expect(Math.abs(d.mu - Math.log(medianSeconds))).toBeLessThan((4 * sigma) / Math.sqrt(fit.n));
  expect(Math.abs(d.sigma - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * fit.n));
}

/**
 * Bandwidth within 4 SE of the slope: SE(slope) = sd(latency) / √Sxx, Sxx = Σ(bytes − mean)²,
 * sd of a lognormal = median·√((e^(σ²) − 1)·e^(σ²)). Relative error of 1/slope = that of slope.
 */
function expectBandwidth(fit: PhaseFit, bytesPerSecond: number, medianSeconds: number, sigma: number): void {
  const bytes = set.get(fit.phase)?.bytes() ?? new Float64Array();
  const mean = bytes.reduce((s, b) => s + b, 0) / bytes.length;
  const sxx = bytes.reduce((s, b) => s + (b - mean) ** 2, 0);
  const sdLatency = medianSeconds * Math.sqrt((Math.exp(sigma ** 2) - 1) * Math.exp(sigma ** 2));
  const relativeSE = (sdLatency / Math.sqrt(sxx)) * bytesPerSecond;
  expect(fit.bandwidthBytesPerSecond).not.toBeNull();
  expect(Math.abs((fit.bandwidthBytesPerSecond ?? 0) / bytesPerSecond - 1)).toBeLessThan(4 * relativeSE);
  expect(fit.transfer?.rSquared).toBeGreaterThan(0.9);
}

describe('fitting examples/measurements/timings.csv', () => {
  it('reads every row of every phase', () => {
    expect(set.phases).toEqual(['upload', 'enqueue', 'create', 'runtime', 'download']);
    expect(set.phases.map((p) => set.get(p)?.size)).toEqual([1500, 2000, 400, 500, 1500]);
  });

  it('recovers upload: latency lognormal(60 ms, 0.5) + bytes / 80 MB/s', () => {
    const fit = byPhase(trimmed, 'upload');
    expectBandwidth(fit, 80e6, 0.06, 0.5);
    expectLognormal(fit, 0.06, 0.5);
  });

  it('recovers download: latency lognormal(30 ms, 0.6) + bytes / 100 MB/s', () => {
    const fit = byPhase(trimmed, 'download');
    expectBandwidth(fit, 100e6, 0.03, 0.6);
    expectLognormal(fit, 0.03, 0.6);
  });

  it('recovers enqueue lognormal(170 ms, 0.8) once the three stalls are trimmed', () => {
    const fit = byPhase(trimmed, 'enqueue');
    expect(fit).toMatchObject({ rows: 2000, n: 1997, outliers: 3, trimmed: 3, bandwidthBytesPerSecond: null });
    expectLognormal(fit, 0.17, 0.8);
  });

  it('reports the three stalls without trim and keeps them', () => {
    const fit = byPhase(kept, 'enqueue');
    expect(fit).toMatchObject({ n: 2000, outliers: 3, trimmed: 0 });
    expect(fit.summary.maxSeconds).toBe(40);
  });

  it('recovers create lognormal(25 s, 0.4) and runtime lognormal(2 s, 0.3)', () => {
    expectLognormal(byPhase(trimmed, 'create'), 25, 0.4);
    expectLognormal(byPhase(trimmed, 'runtime'), 2, 0.3);
  });

  it('says the p95 needs more samples where it does: 995·sigma² against n', () => {
    // create: 995·0.4² ≈ 159 ≤ 400, adequate; enqueue: 995·0.8² ≈ 637 ≤ 1997, adequate.
    expect(byPhase(trimmed, 'create').notes.some((n) => n.code === 'p95Imprecise')).toBe(false);
    expect(byPhase(trimmed, 'enqueue').latency.samplesForP95).toBeGreaterThan(550);
    expect(byPhase(trimmed, 'enqueue').latency.samplesForP95).toBeLessThan(730);
  });
});
