// The generator's normals against the standard normal CDF (core/normal.ts, an independent
// series and continued fraction): the ziggurat's core, wedges and tail must add up to it.
import { describe, expect, test } from 'vitest';
import { normalCdf } from '../../src/core/normal.js';
import { createRng, deriveSeed } from '../../src/core/random.js';

const N = 400_000;

function draws(seed: number): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = rng.normal();
  return out;
}

describe('Rng.normal', () => {
  test('Kolmogorov–Smirnov distance to Φ below its 99.9% critical value, 1.95/√n', () => {
    const xs = draws(11).sort();
    let d = 0;
    for (let i = 0; i < N; i++) {
      const f = normalCdf(xs[i] ?? 0);
      d = Math.max(d, Math.abs(f - i / N), Math.abs(f - (i + 1) / N));
    }
    expect(d).toBeLessThan(1.95 / Math.sqrt(N));
  });

  test('mean 0 and variance 1 within 4 standard errors (1/√n and √(2/n))', () => {
    const xs = draws(12);
    let s = 0;
    let s2 = 0;
    for (const x of xs) {
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / N)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(s2 / N - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  test.each([
    [0.5, 'the core'],
    [2.5, 'the wedges'],
    [3.6541528853610088, 'the tail beyond the base strip'],
    [4.2, 'the far tail'],
  ])('P(|Z| > %f), %s, within 4 binomial standard errors of 2(1 − Φ)', (z) => {
    // 10 streams of n draws for the far tail's few hundred expected counts.
    const p = 2 * normalCdf(-z);
    const streams = z > 3 ? 10 : 1;
    let beyond = 0;
    for (let s = 0; s < streams; s++) for (const x of draws(deriveSeed(13, s))) if (Math.abs(x) > z) beyond++;
    const n = N * streams;
    expect(Math.abs(beyond - n * p)).toBeLessThan(4 * Math.sqrt(n * p * (1 - p)));
  });

  test('the same seed gives the same normals', () => {
    expect(Array.from(draws(5).subarray(0, 50))).toEqual(Array.from(draws(5).subarray(0, 50)));
  });
});

describe('Rng.shuffledIndices', () => {
  test('is Fisher–Yates from the top with floor(next() · (i + 1)), and leaves the generator where that loop does', () => {
    // The places are worked out in integers there, here in doubles: every size up to 2^15 agrees.
    for (const n of [1, 2, 3, 7, 1000, 2047, 2048, 2049, 32767, 32768]) {
      const a = createRng(deriveSeed(9, n));
      const b = createRng(deriveSeed(9, n));
      const want = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(b.next() * (i + 1));
        [want[i], want[j]] = [want[j] ?? 0, want[i] ?? 0];
      }
      expect(Array.from(a.shuffledIndices(n))).toEqual(want);
      // The next draws agree: the state was stored back.
      expect([a.next(), a.next(), a.normal()]).toEqual([b.next(), b.next(), b.normal()]);
    }
  });
});
