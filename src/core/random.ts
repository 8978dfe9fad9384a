// A small, fast, seedable generator (sfc32) so that the same seed gives the same numbers
// on every platform. Math.random is never used in core.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal, by Box–Muller (one value per call; the pair's twin is kept). */
  normal(): number;
}

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
 * sfc32 with its four words in an Int32Array and the Box–Muller twin in a field: the state
 * stays unboxed, so a draw allocates nothing (closure variables holding 32-bit words outside
 * the small-integer range would allocate a heap number on every store).
 */
class Sfc32 implements Rng {
  private readonly s = new Int32Array(4);
  private spare = Number.NaN;

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

  normal(): number {
    const spare = this.spare;
    if (spare === spare) {
      this.spare = Number.NaN;
      return spare;
    }
    let u = this.next();
    while (u === 0) u = this.next();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * this.next();
    this.spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }
}

export function createRng(seed: number): Rng {
  return new Sfc32(seed);
}
