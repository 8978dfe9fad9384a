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

export function createRng(seed: number): Rng {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const value = spare;
      spare = Number.NaN;
      return value;
    }
    let u = next();
    while (u === 0) u = next();
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * next();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
  return { next, normal };
}
