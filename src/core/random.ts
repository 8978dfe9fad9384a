// A small, fast, seedable generator (sfc32) so that the same seed gives the same numbers
// on every platform. Math.random is never used in core. Normals come from the ziggurat
// (Marsaglia & Tsang 2000, in Doornik's 2005 form): an exact method that, 99% of the time, takes
// one uniform and a table look-up, where Box–Muller took a logarithm, a square root, a sine and a
// cosine for every two.
import { erfc } from './normal.js';

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /**
   * 0 … n − 1 (n ≤ 32768) shuffled by Fisher–Yates from the top, swapping place i with place
   * Math.floor(next() * (i + 1)): the same draws as that loop, in one call.
   */
  shuffledIndices(n: number): Uint16Array;
  /** Standard normal, by the ziggurat (see the file's head). */
  normal(): number;
  /** `out[from..to)` filled with standard normals, the same as calling normal() for each in turn. */
  fillNormal(out: Float64Array, from: number, to: number): void;
}

/**
 * The ziggurat's 256 layers of equal area V under f(x) = exp(−x²/2), x ≥ 0: layer 0 is the
 * base strip [0, R] × [0, f(R)] with the tail beyond R, layer i ≥ 1 the rectangle of width X[i]
 * between heights f(X[i]) and f(X[i+1]), X[256] = 0. R (Marsaglia & Tsang's value) makes the
 * top layer close on V to 5e-16, so every layer has the same area and the method is exact.
 */
const LAYERS = 256;
const R = 3.6541528853610088;
const f = (x: number): number => Math.exp(-0.5 * x * x);
/** R f(R) + ∫_R^∞ f(x) dx, the tail by √(π/2) erfc(R/√2). */
const V = R * f(R) + Math.sqrt(Math.PI / 2) * erfc(R / Math.SQRT2);
const X = new Float64Array(LAYERS + 1);
/** X[i+1] / X[i]: a uniform u in (−1, 1) with |u| below it lies inside layer i's core. */
const INSIDE = new Float64Array(LAYERS);
X[0] = V / f(R);
X[1] = R;
for (let i = 2; i < LAYERS; i++) {
  const x = X[i - 1] ?? 0;
  X[i] = Math.sqrt(-2 * Math.log(V / x + f(x)));
}
X[LAYERS] = 0;
for (let i = 0; i < LAYERS; i++) INSIDE[i] = (X[i + 1] ?? 0) / (X[i] ?? 1);

/** splitmix32: spreads a seed (and a stream index) into well-mixed 32-bit words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A derived seed for stream `index` of a base seed: replication r uses deriveSeed(seed, r). */
export function deriveSeed(seed: number, index: number): number {
  const mix = splitmix32((seed ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0);
  mix();
  return mix();
}

/**
 * sfc32 with its four words in an Int32Array: the state stays unboxed, so a draw allocates
 * nothing (closure variables holding 32-bit words outside the small-integer range would
 * allocate a heap number on every store). s[4] keeps the bytes of a word not yet used as
 * ziggurat layers, s[5] how many are left.
 */
class Sfc32 implements Rng {
  private readonly s = new Int32Array(6);
  /** Where `outside` leaves its normal (see normal()). */
  private readonly rare = new Float64Array(1);

  constructor(seed: number) {
    const mix = splitmix32(seed);
    const s = this.s;
    for (let i = 0; i < 4; i++) s[i] = mix();
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const s = this.s;
    const a = s[0] ?? 0;
    const b = s[1] ?? 0;
    const c = s[2] ?? 0;
    const d = s[3] ?? 0;
    const t = (((a + b) | 0) + d) | 0;
    s[3] = (d + 1) | 0;
    s[0] = b ^ (b >>> 9);
    s[1] = (c + (c << 3)) | 0;
    s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /**
   * next()'s step inlined, with the four words in locals, stored back at the end; the place is
   * worked out in small integers: with w = t >>> 0 split in halves h and l below 2^16,
   * floor(w·m / 2^32) = floor((h·m + floor(l·m / 2^16)) / 2^16), every term below 2^31, and
   * next() · m is exact for m ≤ 2^15 (w·m < 2^47), so the two agree. The overhead sample's
   * shuffles (core/overheadDesign.ts) run once, cold, where every look-up, call and double in
   * flight (a heap number each) is paid in V8's interpreter.
   */
  shuffledIndices(n: number): Uint16Array {
    const order = new Uint16Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    const s = this.s;
    let a = s[0] ?? 0;
    let b = s[1] ?? 0;
    let c = s[2] ?? 0;
    let d = s[3] ?? 0;
    for (let i = n - 1; i > 0; i--) {
      const t = (((a + b) | 0) + d) | 0;
      d = (d + 1) | 0;
      a = b ^ (b >>> 9);
      b = (c + (c << 3)) | 0;
      c = (((c << 21) | (c >>> 11)) + t) | 0;
      const size = i + 1;
      const j = ((t >>> 16) * size + (((t & 0xffff) * size) >>> 16)) >>> 16;
      const picked = order[j] ?? 0;
      order[j] = order[i] ?? 0;
      order[i] = picked;
    }
    s[0] = a;
    s[1] = b;
    s[2] = c;
    s[3] = d;
    return order;
  }

  /**
   * Kept small, so that it inlines where it is drawn; the rare cases are in `outside`, which
   * leaves its result in a typed array: had it returned the number, the two branches would
   * merge a boxed value, and the common one would allocate a heap number for every draw.
   */
  normal(): number {
    const u = 2 * this.next() - 1;
    const i = this.layer();
    if (Math.abs(u) < (INSIDE[i] ?? 0)) return u * (X[i] ?? 0);
    this.outside(u, i);
    return this.rare[0] ?? 0;
  }

  fillNormal(out: Float64Array, from: number, to: number): void {
    // In one loop here normal() is inlined, so no draw is returned boxed.
    for (let k = from; k < to; k++) out[k] = this.normal();
  }

  /** A layer, one byte of a word drawn for four of them. */
  private layer(): number {
    const s = this.s;
    let left = s[5] ?? 0;
    let bytes = s[4] ?? 0;
    if (left === 0) {
      bytes = this.word();
      left = 4;
    }
    s[4] = bytes >>> 8;
    s[5] = left - 1;
    return bytes & 255;
  }

  private word(): number {
    return Math.floor(this.next() * 4294967296);
  }

  /** u outside layer i's core: the tail beyond R (layer 0) or a wedge, else a new try; into rare[0]. */
  private outside(first: number, firstLayer: number): void {
    let u = first;
    let i = firstLayer;
    for (;;) {
      if (i === 0) {
        // Marsaglia's tail method: x = −ln(U1)/R until −2 ln(U2) ≥ x².
        let x = 0;
        let y = 0;
        do {
          x = Math.log(1 - this.next()) / R;
          y = Math.log(1 - this.next());
        } while (-2 * y < x * x);
        this.rare[0] = u < 0 ? x - R : R - x;
        return;
      }
      const x = u * (X[i] ?? 0);
      const xi = X[i] ?? 0;
      const xj = X[i + 1] ?? 0;
      // Under f within the layer: a height between f(X[i]) and f(X[i+1]), over f(x), below 1.
      const f0 = Math.exp(-0.5 * (xi * xi - x * x));
      const f1 = Math.exp(-0.5 * (xj * xj - x * x));
      if (f1 + this.next() * (f0 - f1) < 1) {
        this.rare[0] = x;
        return;
      }
      u = 2 * this.next() - 1;
      i = this.layer();
      if (Math.abs(u) < (INSIDE[i] ?? 0)) {
        this.rare[0] = u * (X[i] ?? 0);
        return;
      }
    }
  }
}

export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}
