import { describe, expect, it } from 'vitest';
import { empirical, fixed, mean, normalQuantile, quantile, sample, sortedQuantile, variance, Z95, type Dist } from '../../src/core/distribution.js';
import { createRng } from '../../src/core/random.js';
import { parseDurationValue, parseTransferValue } from '../../src/config/durationValue.js';

const dist = (raw: unknown): Dist => {
  const r = parseDurationValue(raw);
  if (!r.ok) throw new Error(`${r.subpath}: ${r.problem}`);
  return r.value;
};
const failure = (raw: unknown): { subpath: string; problem: string; fix: string } => {
  const r = parseDurationValue(raw);
  if (r.ok) throw new Error(`expected ${JSON.stringify(raw)} to be rejected`);
  return r;
};

describe('normalQuantile', () => {
  // Reference values of the standard normal's inverse CDF (scipy.stats.norm.ppf).
  it.each([
    [0.5, 0],
    [0.95, 1.6448536269514722],
    [0.975, 1.959963984540054],
    [0.99, 2.3263478740408408],
    [0.001, -3.090232306167813], // the lower-tail branch
    [0.01, -2.3263478740408408],
  ])('at %f is %f', (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 7);
  });

  it('matches the rounded constants of MODEL §2', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 4);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263, 4);
  });

  it('is symmetric and infinite at the ends', () => {
    for (const p of [0.001, 0.02, 0.1, 0.3]) expect(normalQuantile(1 - p)).toBeCloseTo(-normalQuantile(p), 9);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('value forms of a duration (parseDurationValue)', () => {
  it('a fixed value', () => {
    const d = dist('120ms');
    expect(d).toEqual(fixed(0.12));
    expect(mean(d)).toBe(0.12);
    expect(variance(d)).toBe(0);
    expect(quantile(d, 0.99)).toBe(0.12);
  });

  it('samples: sorted, quantiles by linear interpolation', () => {
    const d = dist(['110ms', '95ms', '130ms']);
    expect(d).toEqual({ kind: 'empirical', samples: [0.095, 0.11, 0.13] });
    // Type-7 rule: h = (n - 1)·p over the sorted samples.
    expect(quantile(d, 0.5)).toBeCloseTo(0.11, 12); // h = 1
    expect(quantile(d, 0.25)).toBeCloseTo(0.095 + 0.5 * (0.11 - 0.095), 12); // h = 0.5 → 0.1025
    expect(quantile(d, 0.95)).toBeCloseTo(0.11 + 0.9 * (0.13 - 0.11), 12); // h = 1.9 → 0.128
    expect(quantile(d, 0)).toBeCloseTo(0.095, 12);
    expect(quantile(d, 1)).toBeCloseTo(0.13, 12);
    // mean (0.095 + 0.11 + 0.13) / 3; population variance Σ(x − m)² / 3
    const m = 0.335 / 3;
    expect(mean(d)).toBeCloseTo(m, 12);
    expect(variance(d)).toBeCloseTo(((0.095 - m) ** 2 + (0.11 - m) ** 2 + (0.13 - m) ** 2) / 3, 12);
  });

  it('{ median, p95 } is a lognormal that returns those quantiles', () => {
    const d = dist({ median: '100ms', p95: '300ms' });
    if (d.kind !== 'lognormal') throw new Error(`expected a lognormal, got ${d.kind}`);
    // mu = ln(median); sigma = ln(p95 / median) / 1.6449 = ln 3 / 1.6449 ≈ 0.667896
    expect(d.mu).toBeCloseTo(Math.log(0.1), 12);
    expect(d.sigma).toBeCloseTo(Math.log(3) / 1.6449, 12);
    expect(quantile(d, 0.5)).toBeCloseTo(0.1, 12);
    // exp(mu + sigma·z95) with z95 = 1.644854 (not the rounded 1.6449): 0.1·3^(1.644854/1.6449)
    // = 0.299991, so p95 comes back to within 1e-4 relative.
    expect(quantile(d, 0.95) / 0.3).toBeCloseTo(1, 4);
    // mean exp(mu + sigma²/2), variance (e^{sigma²} − 1)·e^{2mu + sigma²}
    expect(mean(d)).toBeCloseTo(Math.exp(Math.log(0.1) + d.sigma ** 2 / 2), 12);
    expect(variance(d)).toBeCloseTo((Math.exp(d.sigma ** 2) - 1) * Math.exp(2 * Math.log(0.1) + d.sigma ** 2), 12);
    expect(Z95).toBe(1.6449);
  });

  it('{ median, p95 } with p95 = median is fixed', () => {
    expect(dist({ median: '2s', p95: '2s' })).toEqual(fixed(2));
  });

  it('explicit fixed', () => {
    expect(dist({ dist: 'fixed', value: '2s' })).toEqual(fixed(2));
  });

  it('explicit uniform: mean (a+b)/2, variance (b−a)²/12, linear quantiles', () => {
    const d = dist({ dist: 'uniform', min: '1s', max: '3s' });
    expect(mean(d)).toBe(2);
    expect(variance(d)).toBeCloseTo(4 / 12, 12);
    expect(quantile(d, 0.25)).toBeCloseTo(1.5, 12);
    expect(quantile(d, 0.95)).toBeCloseTo(2.9, 12);
  });

  it('explicit exponential: variance m², quantile −m·ln(1 − p)', () => {
    const d = dist({ dist: 'exponential', mean: '2s' });
    expect(mean(d)).toBe(2);
    expect(variance(d)).toBe(4);
    expect(quantile(d, 0.5)).toBeCloseTo(2 * Math.LN2, 12); // 1.386294
    expect(quantile(d, 0.95)).toBeCloseTo(-2 * Math.log(0.05), 12); // 5.991465
  });

  it('explicit lognormal by median and sigma', () => {
    const d = dist({ dist: 'lognormal', median: '10s', sigma: 0.5 });
    expect(quantile(d, 0.5)).toBeCloseTo(10, 12);
    expect(mean(d)).toBeCloseTo(10 * Math.exp(0.125), 12); // 11.3315
    expect(quantile(d, 0.99)).toBeCloseTo(10 * Math.exp(0.5 * 2.3263478740408408), 6);
  });

  it('explicit lognormal by median and p95', () => {
    const d = dist({ dist: 'lognormal', median: '1s', p95: '4s' });
    expect(d.kind === 'lognormal' && d.sigma).toBeCloseTo(Math.log(4) / 1.6449, 12);
  });

  it('explicit empirical', () => {
    expect(dist({ dist: 'empirical', samples: ['3s', '1s', '2s'] })).toEqual(empirical([1, 2, 3]));
  });

  it('sampling follows the distribution (seeded, so repeatable)', () => {
    const rng = createRng(42);
    const d = dist({ dist: 'uniform', min: '1s', max: '3s' });
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const x = sample(d, rng);
      expect(x >= 1 && x < 3).toBe(true);
      sum += x;
    }
    // standard error of the mean: sqrt(1/3 / 20000) ≈ 0.004; allow 5 of them
    expect(sum / n).toBeGreaterThan(2 - 0.02);
    expect(sum / n).toBeLessThan(2 + 0.02);
  });

  it('the same seed draws the same numbers', () => {
    const d = dist({ median: '100ms', p95: '300ms' });
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const draws = (rng: ReturnType<typeof createRng>): number[] => Array.from({ length: 5 }, () => sample(d, rng));
    const first = draws(a);
    expect(draws(b)).toEqual(first);
    expect(draws(c)).not.toEqual(first);
  });

  it('sortedQuantile of nothing is NaN', () => {
    expect(sortedQuantile([], 0.5)).toBeNaN();
  });
});

describe('rejected duration values', () => {
  it('p95 below the median', () => {
    const r = failure({ median: '300ms', p95: '100ms' });
    expect(r.subpath).toBe('p95');
    expect(r.problem).toContain('below the median');
    expect(r.fix).toContain('p95 ≥ median');
  });

  it('an unknown distribution lists the known ones', () => {
    const r = failure({ dist: 'gamma', mean: '1s' });
    expect(r.subpath).toBe('dist');
    expect(r.problem).toContain('unknown distribution "gamma"');
    for (const k of ['fixed', 'uniform', 'exponential', 'lognormal', 'empirical']) expect(r.fix).toContain(k);
  });

  it('an unknown key in { median, p95 } suggests the near one', () => {
    const r = failure({ median: '100ms', p59: '300ms' });
    expect(r.subpath).toBe('p59');
    expect(r.problem).toContain('unknown key "p59"');
    expect(r.fix).toContain('did you mean "p95"');
  });

  it('an unknown key in an explicit distribution suggests the near one', () => {
    const r = failure({ dist: 'uniform', min: '1s', mx: '2s' });
    expect(r.subpath).toBe('mx');
    expect(r.fix).toContain('did you mean "max"');
  });

  it('a missing parameter is named', () => {
    expect(failure({ dist: 'exponential' }).problem).toContain('missing "mean"');
  });

  it('uniform with max below min', () => {
    expect(failure({ dist: 'uniform', min: '3s', max: '1s' }).subpath).toBe('max');
  });

  it('a negative sigma', () => {
    expect(failure({ dist: 'lognormal', median: '1s', sigma: -0.5 }).subpath).toBe('sigma');
  });

  it('a sample without a unit names its index', () => {
    const r = failure(['1s', 2, '3s']);
    expect(r.subpath).toBe('[1]');
    expect(r.problem).toContain('no unit');
  });

  it('an empty list of samples', () => {
    expect(failure([]).problem).toContain('non-empty');
  });

  it('a bare number shows the fix with units', () => {
    const r = failure(100);
    expect(r.fix).toContain('100ms');
  });
});

describe('transfer values', () => {
  it('latency + bandwidth', () => {
    const r = parseTransferValue({ latency: { median: '60ms', p95: '250ms' }, bandwidth: '80MB/s' });
    expect(r.ok && r.value.bandwidthBytesPerSecond).toBe(80e6);
    expect(r.ok && quantile(r.value.latency, 0.5)).toBeCloseTo(0.06, 12);
  });

  it('a plain duration has no size term', () => {
    const r = parseTransferValue('50ms');
    expect(r.ok && r.value).toEqual({ latency: fixed(0.05), bandwidthBytesPerSecond: null });
  });

  it('an error inside the latency carries its path', () => {
    const r = parseTransferValue({ latency: { median: '1s', p95: '0.5s' }, bandwidth: '80MB/s' });
    expect(!r.ok && r.subpath).toBe('latency.p95');
  });

  it('a bandwidth without "/s" is rejected', () => {
    const r = parseTransferValue({ latency: '10ms', bandwidth: '80MB' });
    expect(!r.ok && r.subpath).toBe('bandwidth');
  });
});
