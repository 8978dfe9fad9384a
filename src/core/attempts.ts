// Failed attempts and retries in the closed form (MODEL §5), following the simulator's rules
// (docs/simulator.md, "Retries"): an attempt fails with probability p = failureRate at a
// uniform point of its runtime, without u_out; it frees its slot, waits the backoff, joins the
// back of the queue and pays t (create or dispatch) and d_in again. After R = retries retries
// the action ends as failed, at that moment, without d_out.
//
// Write B = t + d_in (paid by every attempt before its runtime), r = the runtime of one attempt,
// S = B + r + u_out (a successful attempt's slot time), b = the backoff.
//
// Expected slot-seconds per action. Attempt i (i = 0..R) happens iff the i attempts before it
// failed: P(attempt i) = p^i. So
//   E[attempts] = Σ_{i=0..R} p^i                     (= (1 − p^(R+1)) / (1 − p), or R + 1 at p = 1).
// An attempt that happens succeeds with probability 1 − p and then holds its slot for S; it
// fails with probability p and holds it for B + U·r, U ~ uniform(0, 1) independent of r, whose
// mean is B + r/2. By linearity (whether attempt i happens depends only on earlier attempts):
//   S̄ = E[slot-seconds] = E[attempts] × ((1 − p)·S + p·(B + r/2)).
// E[attempts]·(1 − p) = 1 − p^(R+1) is the probability that the action succeeds, and
// E[attempts]·p = Σ_{i=1..R+1} p^i the expected number of failed attempts.
//
// Latency of an action from its first slot to its end, when every retry finds a free slot at
// once (true once the queue has drained, which is when it matters: the last actions):
//   k failures then a success (k = 0..R, probability (1 − p)·p^k):
//     X = k·(B + b) + r·(U_1 + … + U_k) + S + d_out;
//   R + 1 failures (probability p^(R+1)): X = (R + 1)·B + R·b + r·(U_1 + … + U_{R+1}).
// Its mean is E[X] = S̄ + b·Σ_{i=1..R} p^i + (1 − p^(R+1))·d_out: backoffs add latency, not
// slot time. The sum of k uniforms has the Irwin–Hall distribution, so X is a finite mixture of
// shifted, scaled Irwin–Hall variables, and the expected latest of n independent actions is
//   E[max] = ∫_0^∞ (1 − F(x)^n) dx,
// computed exactly for point masses (r = 0 or p = 0) and by Simpson's rule otherwise.

import { normalCdf } from './normal.js';

export interface AttemptInputs {
  failureRate: number;
  retries: number;
  backoffSeconds: number;
  /** B = t + d_in: paid by every attempt before its runtime. */
  beforeSeconds: number;
  /** r: the runtime of one attempt. */
  runSeconds: number;
  /** u_out: paid by a successful attempt only. */
  afterSeconds: number;
  /** d_out: the parent's download after a success. */
  downloadSeconds: number;
}

export interface Attempts {
  /** Σ_{i=0..R} p^i. */
  expectedAttempts: number;
  /** 1 − p^(R+1). */
  successProbability: number;
  /** S̄: expected slot-seconds of one action over all its attempts. */
  slotSeconds: number;
  /** W̄: the part of S̄ spent in the runtime, E[attempts] × ((1 − p)·r + p·r/2). */
  runtimeSeconds: number;
  /** E[X]: expected time from the first slot to the end (backoffs and d_out included). */
  latencySeconds: number;
}

export function attempts(a: AttemptInputs): Attempts {
  const p = a.failureRate;
  // Σ_{i=0..R} p^i in closed form, so the cost does not grow with the number of retries.
  const expectedAttempts = p === 1 ? a.retries + 1 : (1 - p ** (a.retries + 1)) / (1 - p);
  const successProbability = 1 - p ** (a.retries + 1);
  const success = a.beforeSeconds + a.runSeconds + a.afterSeconds;
  // (1 − p)·S + p·(B + r/2), written so that p = 0 gives S exactly.
  const perAttempt = p === 0 ? success : (1 - p) * success + p * (a.beforeSeconds + a.runSeconds / 2);
  const slotSeconds = expectedAttempts * perAttempt;
  const backoffs = expectedAttempts - 1; // Σ_{i=1..R} p^i: attempts after the first follow a backoff
  const latencySeconds = slotSeconds + (backoffs > 0 ? backoffs * a.backoffSeconds : 0) + successProbability * a.downloadSeconds;
  const runtimeSeconds = expectedAttempts * (p === 0 ? a.runSeconds : (1 - p / 2) * a.runSeconds);
  return { expectedAttempts, successProbability, slotSeconds, runtimeSeconds, latencySeconds };
}

/** One branch of X: weight × (shift + r × (sum of `uniforms` uniforms)). */
interface Branch {
  weight: number;
  shift: number;
  uniforms: number;
}

/** Branches below this weight are left out: even 10^6 actions would meet one 10^-6 times. */
const NEGLIGIBLE = 1e-12;
/**
 * Above this many uniforms the Irwin–Hall sum (alternating, cancelling) is replaced by its
 * normal limit, already within 10^-3 at 12 (the classic sum-of-12 normal generator).
 */
const EXACT_IRWIN_HALL = 12;
/** Simpson panels per polynomial piece: 32, fewer (at least 4) when there are many pieces. */
const PANELS = 32;
const EVALUATIONS = 2048;

function branches(a: AttemptInputs): Branch[] {
  const p = a.failureRate;
  const B = a.beforeSeconds;
  const S = B + a.runSeconds + a.afterSeconds;
  const out: Branch[] = [];
  for (let k = 0; k <= a.retries; k++) {
    const weight = (1 - p) * p ** k;
    if (p ** k < NEGLIGIBLE) break; // later branches weigh less still
    if (weight >= NEGLIGIBLE) out.push({ weight, shift: k * (B + a.backoffSeconds) + S + a.downloadSeconds, uniforms: k });
  }
  const lost = p ** (a.retries + 1);
  if (lost >= NEGLIGIBLE) out.push({ weight: lost, shift: (a.retries + 1) * B + a.retries * a.backoffSeconds, uniforms: a.retries + 1 });
  return out;
}

/** Expected latest end, measured from the first slot, of n independent actions (n ≥ 1). */
export function expectedLatestOf(a: AttemptInputs, n: number): number {
  const parts = branches(a);
  const total = parts.reduce((s, b) => s + b.weight, 0);
  const r = a.runSeconds;
  if (n <= 0 || parts.length === 0) return 0;
  if (n === 1) return attempts(a).latencySeconds;
  if (r === 0 || parts.every((b) => b.uniforms === 0)) {
    // Point masses: E[max] = Σ v_j (F(v_j)^n − F(v_{j−1})^n) over the sorted values.
    const sorted = [...parts].sort((x, y) => x.shift - y.shift);
    let cdf = 0;
    let result = 0;
    for (const b of sorted) {
      const before = (cdf / total) ** n;
      cdf += b.weight;
      result += b.shift * ((cdf / total) ** n - before);
    }
    return result;
  }
  const cdf = (x: number): number => parts.reduce((s, b) => s + b.weight * irwinHallCdf((x - b.shift) / r, b.uniforms), 0) / total;
  // F is a polynomial between the knots shift + m·r (m = 0..uniforms): integrate piece by piece.
  const knots = new Set<number>([0]);
  for (const b of parts) {
    const step = b.uniforms <= EXACT_IRWIN_HALL ? 1 : b.uniforms;
    for (let m = 0; m <= b.uniforms; m += step) knots.add(b.shift + m * r);
    knots.add(b.shift + b.uniforms * r);
  }
  const xs = [...knots].sort((x, y) => x - y);
  const panels = Math.max(4, Math.min(PANELS, 2 * Math.floor(EVALUATIONS / (2 * xs.length))));
  let result = 0;
  for (let j = 1; j < xs.length; j++) {
    const lo = xs[j - 1] ?? 0;
    const hi = xs[j] ?? 0;
    const h = (hi - lo) / panels;
    if (!(h > 0)) continue;
    // Simpson's rule on 1 − F^n; at the right end of each piece take the left limit (a point
    // mass at a knot belongs to the next piece).
    const g = (x: number): number => 1 - cdf(x) ** n;
    let sum = g(lo + h * 1e-9) + g(hi - h * 1e-9);
    for (let i = 1; i < panels; i++) sum += (i % 2 === 1 ? 4 : 2) * g(lo + i * h);
    result += (sum * h) / 3;
  }
  return result;
}

/** P(U_1 + … + U_k ≤ y) for k uniforms on [0, 1]; k = 0 is a point mass at 0. */
export function irwinHallCdf(y: number, k: number): number {
  if (y < 0) return 0;
  if (y >= k) return 1;
  if (k > EXACT_IRWIN_HALL) return normalCdf((y - k / 2) / Math.sqrt(k / 12));
  let sum = 0;
  let binomial = 1; // C(k, j)
  let factorial = 1;
  for (let j = 2; j <= k; j++) factorial *= j;
  for (let j = 0; j <= Math.floor(y); j++) {
    sum += (j % 2 === 0 ? 1 : -1) * binomial * (y - j) ** k;
    binomial = (binomial * (k - j)) / (j + 1);
  }
  return Math.min(1, Math.max(0, sum / factorial));
}
