// One item runtime X = Q(U), U uniform on [0, 1), split at the quantile level c = 1 − p into a
// body (U ≤ c) and a tail (U > c). The body's partial moments are exact for every kind of
// distribution; the tail is drawn exactly through the quantile function. batchRuntime.ts sums
// a batch as a body approximated as a whole plus its tail items drawn one by one.
import { type Dist, normalQuantile } from '../distribution.js';
import { normalCdf } from '../normal.js';

/** E[X; U ≤ c] and E[X²; U ≤ c]: the body's partial first and second moments. */
export function bodyMoments(d: Dist, c: number): { first: number; second: number } {
  switch (d.kind) {
    case 'fixed':
      return { first: c * d.value, second: c * d.value * d.value };
    case 'uniform': {
      const a = d.min;
      const w = d.max - d.min;
      return { first: a * c + (w * c * c) / 2, second: a * a * c + a * w * c * c + (w * w * c * c * c) / 3 };
    }
    case 'exponential': {
      // X = −m·ln(1 − U); with r = 1 − c: ∫_r^1 −ln w dw = c + r·ln r and ∫_r^1 ln²w dw = 2 − r·ln²r + 2r·ln r − 2r.
      const m = d.mean;
      const r = 1 - c;
      const lr = r > 0 ? Math.log(r) : 0;
      return { first: m * (c + r * lr), second: m * m * (2 - r * lr * lr + 2 * r * lr - 2 * r) };
    }
    case 'lognormal': {
      // E[X^k; X ≤ Q(c)] = exp(kμ + k²σ²/2)·Φ(z_c − kσ).
      const z = normalQuantile(c);
      const { mu, sigma } = d;
      return {
        first: Math.exp(mu + (sigma * sigma) / 2) * normalCdf(z - sigma),
        second: Math.exp(2 * mu + 2 * sigma * sigma) * normalCdf(z - 2 * sigma),
      };
    }
    case 'empirical': {
      // Draws resample: X = x_floor(U·L), a step function of U.
      const xs = d.samples;
      const L = xs.length;
      const whole = Math.min(L, Math.floor(c * L));
      let first = 0;
      let second = 0;
      for (let i = 0; i < whole; i++) {
        const x = xs[i] ?? 0;
        first += x;
        second += x * x;
      }
      const part = c * L - whole;
      const edge = xs[Math.min(whole, L - 1)] ?? 0;
      return { first: (first + part * edge) / L, second: (second + part * edge * edge) / L };
    }
  }
}

/** Q(1 − q) for 0 < q ≤ p: a draw from the tail when q is uniform on (0, p]. */
export function upperQuantile(d: Dist, q: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return d.max - q * (d.max - d.min);
    case 'exponential':
      return -d.mean * Math.log(q);
    case 'lognormal':
      return Math.exp(d.mu - d.sigma * normalQuantile(q));
    case 'empirical': {
      const L = d.samples.length;
      return d.samples[Math.min(L - 1, Math.floor((1 - q) * L))] ?? 0;
    }
  }
}
