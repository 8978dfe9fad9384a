// The distribution of a batch's slot time X = t + d_in + (r_1 + … + r_b) + u_out, and of X + d_out,
// computed numerically, for the tail-aware estimate (tailEstimate.ts). A three-cumulant fit of a
// sum of b heavy-tailed lognormal items has too heavy a right tail (7–8% high at sigma 1.5); the
// latest of many batch sums is set by that tail, so it is computed instead:
//
// - each part is put on one lattice of GRID_POINTS points by the mean-preserving linear split
//   (the weight of point k is the second difference of the stop-loss transform E[(X − x)⁺] there);
//   the other phases go in as their own three-cumulant fits (they are sums of a few terms);
// - the item is cut at U, the quantile with b·P(r > U) = CUT_TAIL; the b-th power of its Fourier
//   transform is the sum of b cut items (the same as log2 b doublings, in one step);
// - beyond U the sum's tail is the single big jump: one item above U and the others at their
//   mean, P(S > x, some r > U) ≈ b·P(r > max(U, x − c)) with c the mean of everything else.
import { type Cumulants, type ShiftedLognormal, shiftedLognormal, slnCdf, slnExcess } from './cumulants.js';
import { fft } from './fft.js';
import { normalCdf } from './normal.js';
import { normalQuantile } from './distribution.js';

/** A duration's distribution function and stop-loss transform E[(X − x)⁺]. */
export interface Law {
  cdf(x: number): number;
  excess(x: number): number;
  /** The density, where there is one (it makes the lattice cheap to build). */
  density?: (x: number) => number;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
function slnDensity(d: ShiftedLognormal, x: number): number {
  if (d.normal) {
    const z = (x - d.normal.mean) / d.normal.sd;
    return (INV_SQRT_2PI / d.normal.sd) * Math.exp(-z * z / 2);
  }
  const y = x - d.shift;
  if (!(y > 0)) return 0;
  const z = (Math.log(y) - d.mu) / d.sigma;
  return (INV_SQRT_2PI / (y * d.sigma)) * Math.exp(-z * z / 2);
}

/** Lattice size: 2^11 points give the same estimates as 2^12 to 0.1% on the test grid (docs/model.md). */
export const GRID_POINTS = 2048;
/**
 * Item spread (sigma) above which the estimate computes the lattice. Up to sigma 1 the
 * three-cumulant fit of the sum gives the expected latest of 100 sums within 1% (docs/model.md),
 * and the lattice's few milliseconds (more before the code is compiled) stay off `plan`'s start-up.
 */
export const LATTICE_ABOVE_SIGMA = 1;
/** Largest variance the lattice may add to an item, as a fraction of its variance (see below). */
export const MAX_INFLATION = 0.1;
/** Probability, over the whole batch, that an item is beyond the lattice's cut. */
export const CUT_TAIL = 1e-6;

/** The shifted lognormal with these cumulants, as a Law (a point mass when it has no spread). */
export function fittedLaw(c: Cumulants): Law {
  if (!(c.variance > 0)) return { cdf: (x) => (x >= c.mean ? 1 : 0), excess: (x) => Math.max(0, c.mean - x) };
  const d = shiftedLognormal(c);
  return { cdf: (x) => slnCdf(d, x), excess: (x) => slnExcess(d, x), density: (x) => slnDensity(d, x) };
}

/** Where a fitted part lives on the lattice: [lower, upper] holds all but about 1e-10 of it. */
function spanOf(c: Cumulants): { lower: number; upper: number } {
  if (!(c.variance > 0)) return { lower: c.mean, upper: c.mean };
  const d = shiftedLognormal(c);
  if (d.normal) return { lower: d.normal.mean - 8 * d.normal.sd, upper: d.normal.mean + 8 * d.normal.sd };
  return { lower: d.shift, upper: d.shift + Math.exp(d.mu + 6.4 * d.sigma) };
}

/** Linear-split weights of `law` on lower + k·step, k = 0..last; above the last point cut or lumped. */
function weights(law: Law, lower: number, step: number, last: number, cut: boolean): Float64Array {
  const w = new Float64Array(GRID_POINTS);
  const excess = (k: number): number => law.excess(lower + k * step);
  const density = law.density;
  w[0] = 1 - (excess(0) - excess(1)) / step;
  // Where the density is smooth over a point's two cells (its slope and its curvature there
  // within a few percent), Simpson's rule on the tent (h/3)·(f(x − h/2) + f(x) + f(x + h/2));
  // elsewhere (near the mode, or a body narrower than a cell) the exact second difference.
  let left = density ? density(lower + step / 2) : 0;
  for (let k = 1; k < last; k++) {
    const x = lower + k * step;
    const right = density ? density(x + step / 2) : 0;
    const mid = density ? density(x) : 0;
    const smooth = left > 0 && right > 0 && left < 1.1 * right && right < 1.1 * left && Math.abs(left + right - 2 * mid) < 0.01 * mid;
    w[k] = smooth ? (step / 3) * (left + mid + right) : (excess(k - 1) - 2 * excess(k) + excess(k + 1)) / step;
    left = right;
  }
  if (last > 0) w[last] = (excess(last - 1) - excess(last)) / step - (cut ? 1 - law.cdf(lower + last * step) : 0);
  // Simpson's rule is off by about 1e-5 of a point's weight where the density is steep; scaled
  // to the exact mass, so that the distribution function reaches 1 (the latest of n needs it).
  const target = cut ? law.cdf(lower + last * step) : 1;
  let total = 0;
  for (let k = 0; k <= last; k++) total += w[k] ?? 0;
  if (total > 0) for (let k = 0; k <= last; k++) w[k] = ((w[k] ?? 0) * target) / total;
  return w;
}

export interface SumLaws {
  /** The lattice's step, seconds. */
  step: number;
  /** Variance the lattice adds to one item, as a fraction of the item's variance. */
  inflation: number;
  /** X = the slot time. */
  slot: Law;
  /** X + d_out. */
  whole: Law;
}

/**
 * Laws of X = rest + (sum of `items` lognormal(mu, sigma) items) and of X + after, where `rest`
 * (t + d_in + u_out) and `after` (d_out) are given by their cumulants.
 */
export function lognormalSumLaws(mu: number, sigma: number, items: number, restParts: Cumulants, after: Cumulants): SumLaws | null {
  const item = { shift: 0, mu, sigma, normal: null };
  const itemLaw: Law = { cdf: (x) => slnCdf(item, x), excess: (x) => slnExcess(item, x), density: (x) => slnDensity(item, x) };
  const cut = Math.exp(mu + sigma * -normalQuantile(CUT_TAIL / items));
  // Moments of one item below x: E[r^k; r ≤ x] = e^(kμ + k²σ²/2)·Φ((ln x − μ − kσ²)/σ).
  const partial = (k: number, x: number): number => Math.exp(k * mu + (k * k * sigma * sigma) / 2) * normalCdf((Math.log(x) - mu - k * sigma * sigma) / sigma);
  const m1 = partial(1, cut);
  const sd = Math.sqrt(Math.max(0, partial(2, cut) - m1 * m1));
  const restSpan = spanOf(restParts);
  const afterSpan = spanOf(after);
  const sumUpper = cut + (items - 1) * m1 + 8 * Math.sqrt(items) * sd;
  const step = (sumUpper + restSpan.upper - restSpan.lower + afterSpan.upper - afterSpan.lower) / (GRID_POINTS - 1);
  const cutIndex = Math.min(GRID_POINTS - 1, Math.ceil(cut / step));
  const cutAt = cutIndex * step;
  const itemWeights = weights(itemLaw, 0, step, cutIndex, true);
  // The linear split adds up to step²/4 of variance to each item (step·E[r] when the step is
  // wider than the item's body): past MAX_INFLATION of the item's variance the lattice is too
  // coarse for the sum's body and the caller keeps the three-cumulant fit, which is good there.
  let second = 0;
  for (let k = 0; k <= cutIndex; k++) second += (itemWeights[k] ?? 0) * (k * step) ** 2;
  const inflation = (second - partial(2, cutAt)) / (Math.exp(2 * mu + sigma * sigma) * Math.expm1(sigma * sigma));
  if (!(inflation <= MAX_INFLATION)) return null;
  const im = new Float64Array(GRID_POINTS);
  fft(itemWeights, im);
  // The b-th power by repeated squaring (no phase unwrapping), then each fitted part's transform.
  const [sr, si] = power(itemWeights, im, items);
  const rest = fittedPart(restParts, restSpan, step);
  if (rest) multiply(sr, si, rest);
  const whole = fittedPart(after, afterSpan, step);
  const wr = whole ? Float64Array.from(sr) : sr;
  const wi = whole ? Float64Array.from(si) : si;
  if (whole) multiply(wr, wi, whole);
  fft(sr, si, true);
  if (whole) fft(wr, wi, true);
  const others = (items - 1) * Math.exp(mu + (sigma * sigma) / 2) + restParts.mean;
  return {
    step,
    inflation,
    slot: latticeLaw(restSpan.lower, step, sr, { items, cut: cutAt, others, item: itemLaw }),
    whole: latticeLaw(restSpan.lower + afterSpan.lower, step, wr, { items, cut: cutAt, others: others + after.mean, item: itemLaw }),
  };
}

interface BigJump {
  items: number;
  cut: number;
  /** Mean of everything but the big item. */
  others: number;
  item: Law;
}

/** The Law of point masses w_k at origin + k·step (each spread over its cell for the cdf) plus the big-jump tail. */
export function latticeLaw(origin: number, step: number, w: Float64Array, jump: BigJump): Law {
  const n = w.length;
  const cum = new Float64Array(n);
  const mass = new Float64Array(n + 1); // Σ_{j ≥ k} w_j
  const first = new Float64Array(n + 1); // Σ_{j ≥ k} w_j·x_j
  let c = 0;
  for (let k = 0; k < n; k++) {
    const wk = Math.max(0, w[k] ?? 0);
    w[k] = wk;
    c += wk;
    cum[k] = c;
  }
  for (let k = n - 1; k >= 0; k--) {
    const wk = w[k] ?? 0;
    mass[k] = (mass[k + 1] ?? 0) + wk;
    first[k] = (first[k + 1] ?? 0) + wk * (origin + k * step);
  }
  const { items, cut, others, item } = jump;
  const cutCdf = item.cdf(cut);
  // Lattice plus tail make 1 + O((b·P(r > U))²); the distribution function is scaled to end at 1.
  const total = c + items * (1 - cutCdf);
  return {
    cdf: (x) => {
      const t = (x - origin) / step + 0.5;
      const k = Math.floor(t);
      const grid = k < 0 ? 0 : k >= n ? c : (k > 0 ? (cum[k - 1] ?? 0) : 0) + (t - k) * (w[k] ?? 0);
      return Math.min(1, (grid + items * Math.max(0, item.cdf(x - others) - cutCdf)) / total);
    },
    excess: (x) => {
      const k = Math.max(0, Math.ceil((x - origin) / step));
      const grid = k >= n ? 0 : (first[k] ?? 0) - x * (mass[k] ?? 0);
      const m = Math.max(cut, x - others);
      return grid + items * (item.excess(m) + (m - (x - others)) * (1 - item.cdf(m)));
    },
  };
}

/** The transform of a fitted part on the lattice from its lower end; null for a point mass (transform 1). */
function fittedPart(c: Cumulants, span: { lower: number; upper: number }, step: number): [Float64Array, Float64Array] | null {
  if (!(c.variance > 0)) return null;
  const last = Math.min(GRID_POINTS - 1, Math.ceil((span.upper - span.lower) / step));
  const re = weights(fittedLaw(c), span.lower, step, last, false);
  const im = new Float64Array(GRID_POINTS);
  fft(re, im);
  return [re, im];
}

function multiply(re: Float64Array, im: Float64Array, [br, bi]: [Float64Array, Float64Array]): void {
  for (let k = 0; k < re.length; k++) {
    const a = re[k] ?? 0;
    const b = im[k] ?? 0;
    re[k] = a * (br[k] ?? 0) - b * (bi[k] ?? 0);
    im[k] = a * (bi[k] ?? 0) + b * (br[k] ?? 0);
  }
}

/** (re, im)^times pointwise, by repeated squaring. */
function power(re: Float64Array, im: Float64Array, times: number): [Float64Array, Float64Array] {
  const n = re.length;
  const pr = new Float64Array(n).fill(1);
  const pi = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let ar = re[k] ?? 0;
    let ai = im[k] ?? 0;
    let xr = 1;
    let xi = 0;
    for (let e = times; e > 0; e >>= 1) {
      if (e & 1) {
        const t = xr * ar - xi * ai;
        xi = xr * ai + xi * ar;
        xr = t;
      }
      const t = ar * ar - ai * ai;
      ai = 2 * ar * ai;
      ar = t;
    }
    pr[k] = xr;
    pi[k] = xi;
  }
  return [pr, pi];
}
