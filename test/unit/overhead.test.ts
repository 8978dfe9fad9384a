import { describe, expect, it } from 'vitest';
import { fixed, type Dist } from '../../src/core/distribution.js';
import type { Phases } from '../../src/core/model.js';
import { actionOverhead, OVERHEAD_PHASES, overheadMean, variantFor, type Variant } from '../../src/core/overhead.js';
import { phase, zeroPhases } from '../helpers/scenario.js';

// Powers of two, so each variant's sum is unique and exact in floating point.
const PHASES: Phases = {
  uploadInputs: phase(1),
  enqueue: fixed(2),
  downloadInputs: phase(4),
  uploadOutputs: phase(8),
  downloadOutputs: phase(16),
  create: fixed(32),
  dispatch: fixed(0.5),
};

describe('overhead sums per variant (MODEL §2)', () => {
  it.each<[Variant, number, string[]]>([
    // u_in + e + t + d_in + u_out + d_out = 1 + 2 + 32 + 4 + 8 + 16
    ['task', 63, ['uploadInputs', 'enqueue', 'create', 'downloadInputs', 'uploadOutputs', 'downloadOutputs']],
    // dispatch (0.5) replaces create: 1 + 2 + 0.5 + 4 + 8 + 16
    ['warm', 31.5, ['uploadInputs', 'enqueue', 'create', 'downloadInputs', 'uploadOutputs', 'downloadOutputs']],
    // u_in + e + d_out = 1 + 2 + 16
    ['cacheHit', 19, ['uploadInputs', 'enqueue', 'downloadOutputs']],
    // u_in + u_out + e = 1 + 8 + 2
    ['trace', 11, ['uploadInputs', 'enqueue', 'uploadOutputs']],
  ])('%s: %f s from its phases', (variant, total, phases) => {
    const o = actionOverhead(PHASES, variant, 0, 0);
    expect(o.total.meanSeconds).toBe(total);
    expect(Object.keys(o.components).sort()).toEqual([...phases].sort());
    expect(overheadMean(PHASES, variant, 0, 0)).toBe(total);
    // all fixed: every percentile is the sum, exactly
    expect(o.method).toBe('exact');
    expect([o.total.p50Seconds, o.total.p95Seconds, o.total.p99Seconds]).toEqual([total, total, total]);
  });

  it('the warm slot shows the dispatch time under create', () => {
    expect(actionOverhead(PHASES, 'warm', 0, 0).components.create?.meanSeconds).toBe(0.5);
    expect(actionOverhead(PHASES, 'task', 0, 0).components.create?.meanSeconds).toBe(32);
  });

  it.each(['task', 'warm', 'cacheHit', 'trace'] as const)('%s: shares sum to 1 and each is mean / total', (variant) => {
    const o = actionOverhead(PHASES, variant, 0, 0);
    const shares = Object.values(o.components).map((c) => c.share);
    expect(shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    for (const c of Object.values(o.components)) expect(c.share).toBeCloseTo(c.meanSeconds / o.total.meanSeconds, 12);
  });

  it('a zero overhead has zero shares, not NaN', () => {
    const o = actionOverhead(zeroPhases(), 'task', 0, 0);
    expect(o.total.meanSeconds).toBe(0);
    for (const name of OVERHEAD_PHASES) expect(o.components[name]?.share).toBe(0);
  });

  it('variantFor: traces, pods and warm reusable slots', () => {
    expect(variantFor('trace', 'reusable')).toBe('trace');
    expect(variantFor('trace', 'pod')).toBe('trace');
    expect(variantFor('task', 'pod')).toBe('task');
    expect(variantFor('task', 'reusable')).toBe('warm');
  });
});

describe('transfer size: latency + bytes / bandwidth', () => {
  const phases: Phases = {
    ...zeroPhases(),
    uploadInputs: phase(0.05, 80e6),
    downloadInputs: phase(0.03, 100e6),
    uploadOutputs: phase(0.05, 80e6),
    downloadOutputs: phase(0.03, 100e6),
  };

  it('inputs move the input bytes, outputs the output bytes', () => {
    // 8 MB in, 2 MB out:
    //   u_in  = 0.05 + 8e6 / 80e6  = 0.15      d_in  = 0.03 + 8e6 / 100e6 = 0.11
    //   u_out = 0.05 + 2e6 / 80e6  = 0.075     d_out = 0.03 + 2e6 / 100e6 = 0.05
    const o = actionOverhead(phases, 'task', 8e6, 2e6);
    expect(o.components.uploadInputs?.meanSeconds).toBeCloseTo(0.15, 12);
    expect(o.components.downloadInputs?.meanSeconds).toBeCloseTo(0.11, 12);
    expect(o.components.uploadOutputs?.meanSeconds).toBeCloseTo(0.075, 12);
    expect(o.components.downloadOutputs?.meanSeconds).toBeCloseTo(0.05, 12);
    expect(o.total.meanSeconds).toBeCloseTo(0.385, 12);
    expect(o.total.p99Seconds).toBeCloseTo(0.385, 12);
  });

  it('a phase with no bandwidth ignores the bytes', () => {
    const o = actionOverhead({ ...zeroPhases(), uploadInputs: phase(0.05) }, 'task', 1e9, 1e9);
    expect(o.total.meanSeconds).toBe(0.05);
  });
});

describe('percentiles of the total', () => {
  it('one random phase: that phase shifted by the fixed rest, exactly', () => {
    // e ~ Exponential(mean 1 s), the rest fixed at 1 + 4 + 8 + 16 + 0.5 = 29.5 s (warm)
    const o = actionOverhead({ ...PHASES, enqueue: { kind: 'exponential', mean: 1 } }, 'warm', 0, 0);
    expect(o.method).toBe('exact');
    expect(o.total.meanSeconds).toBeCloseTo(30.5, 12);
    expect(o.total.p50Seconds).toBeCloseTo(29.5 + Math.LN2, 12); // −ln(0.5)
    expect(o.total.p95Seconds).toBeCloseTo(29.5 - Math.log(0.05), 12); // 29.5 + 2.995732
    expect(o.total.p99Seconds).toBeCloseTo(29.5 - Math.log(0.01), 12); // 29.5 + 4.605170
  });

  it('a lognormal phase keeps its median and p95 in the total', () => {
    // e = lognormal(median 0.2 s, p95 1 s) plus fixed u_in + d_out = 1 + 16 (cache hit)
    const sigma = Math.log(5) / 1.6449;
    const o = actionOverhead({ ...PHASES, enqueue: { kind: 'lognormal', mu: Math.log(0.2), sigma } }, 'cacheHit', 0, 0);
    expect(o.method).toBe('exact');
    expect(o.total.p50Seconds).toBeCloseTo(17.2, 12);
    // Acklam's z is good to ~1e-9 relative; the p95 of 1 s comes back within 1e-4 (Z95 is rounded)
    expect(o.total.p95Seconds).toBeCloseTo(17 + 0.2 * Math.exp(sigma * 1.6448536269514722), 6);
    expect(o.total.p95Seconds).toBeCloseTo(18, 3);
  });

  // The cache-hit variant pays u_in + e + d_out: put the randomness in u_in and e, d_out = 0.
  const twoRandom = (a: Dist, b: Dist): Phases => ({ ...zeroPhases(), uploadInputs: { latency: a, bandwidthBytesPerSecond: null }, enqueue: b });

  /** Quantile of Gamma(2, m), the sum of two Exponential(m): solve 1 − (1 + x/m)·e^{−x/m} = p by bisection. */
  function gamma2Quantile(p: number, m: number): number {
    const cdf = (x: number): number => 1 - (1 + x / m) * Math.exp(-x / m);
    let lo = 0;
    let hi = 50 * m;
    for (let i = 0; i < 200; i++) {
      const mid = (lo + hi) / 2;
      if (cdf(mid) < p) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  }

  it('two exponentials of the same mean sum to a Gamma(2): sampled quantiles within 2%', () => {
    const m = 0.5;
    const o = actionOverhead(twoRandom({ kind: 'exponential', mean: m }, { kind: 'exponential', mean: m }), 'cacheHit', 0, 0);
    expect(o.method).toBe('sampled');
    expect(o.total.meanSeconds).toBeCloseTo(2 * m, 12); // means add exactly
    // Gamma(2, 1) quantiles: p50 1.678347, p95 4.743865, p99 6.638352 (× m)
    expect(gamma2Quantile(0.95, 1)).toBeCloseTo(4.743865, 5);
    for (const [p, got] of [[0.5, o.total.p50Seconds], [0.95, o.total.p95Seconds], [0.99, o.total.p99Seconds]] as const) {
      expect(Math.abs(got / gamma2Quantile(p, m) - 1)).toBeLessThan(0.02);
    }
  });

  it('two uniforms sum to a triangle: sampled quantiles within 1%', () => {
    // U(0,1) + U(0,1): F⁻¹(p) = sqrt(2p) for p ≤ 1/2, 2 − sqrt(2(1 − p)) above.
    const tri = (p: number): number => (p <= 0.5 ? Math.sqrt(2 * p) : 2 - Math.sqrt(2 * (1 - p)));
    const u: Dist = { kind: 'uniform', min: 0, max: 1 };
    const o = actionOverhead(twoRandom(u, u), 'cacheHit', 0, 0);
    expect(o.method).toBe('sampled');
    expect(o.total.meanSeconds).toBe(1);
    expect(o.total.p50Seconds).toBeCloseTo(tri(0.5), 2); // 1
    expect(Math.abs(o.total.p95Seconds / tri(0.95) - 1)).toBeLessThan(0.01); // 1.683772
    expect(Math.abs(o.total.p99Seconds / tri(0.99) - 1)).toBeLessThan(0.01); // 1.858579
  });

  it('sampled percentiles are repeatable and ordered', () => {
    const e: Dist = { kind: 'exponential', mean: 1 };
    const a = actionOverhead(twoRandom(e, e), 'cacheHit', 0, 0);
    const b = actionOverhead(twoRandom(e, e), 'cacheHit', 0, 0);
    expect(b.total).toEqual(a.total);
    expect(a.total.p50Seconds).toBeLessThan(a.total.p95Seconds);
    expect(a.total.p95Seconds).toBeLessThan(a.total.p99Seconds);
  });

  it('a size term shifts sampled percentiles by the transfer time', () => {
    const e: Dist = { kind: 'exponential', mean: 1 };
    const plain = actionOverhead(twoRandom(e, e), 'cacheHit', 0, 0);
    const phases = twoRandom(e, e);
    // 1 MB over 1 MB/s adds exactly 1 s to u_in
    const sized = actionOverhead({ ...phases, uploadInputs: { ...phases.uploadInputs, bandwidthBytesPerSecond: 1e6 } }, 'cacheHit', 1e6, 0);
    expect(sized.total.p95Seconds - plain.total.p95Seconds).toBeCloseTo(1, 9);
    expect(sized.total.meanSeconds - plain.total.meanSeconds).toBeCloseTo(1, 12);
  });
});
