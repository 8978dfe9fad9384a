// Tail-aware slot term of the closed form (docs/model.md, "Tail-aware estimate"). A run ends on
// the latest of many random slot times, which the mean slot time misses: at sigma 1.5 the plain
// closed form was half the simulated makespan. From the distribution of one action's slot time
// X (t + d_in + b·r + u_out) and of X + D (D its d_out): computed on a lattice for a batch of
// lognormal items (sumLaw.ts), otherwise the shifted lognormal with their three cumulants:
//
// - one wave (A ≤ c): the expected latest of A draws of X + D, E[max] = ∫ (1 − F(x)^A) dx;
// - several waves, slots out of step: every slot runs a renewal process of X until the last
//   action starts at T, with c·m(T) = A − c and m(t) ≈ t/μ + (CV² − 1)/2 (the renewal function's
//   asymptote); each slot then finishes its current action after a residual life R, whose
//   distribution follows from the renewal density (below). The run ends at
//   T + E[max over c slots of R] + E[D];
// - several waves, slots in step (little spread): wave by wave, (W − 1)·μ + E[max of n_last X + D].
// Slots fall out of step as the spread accumulates: after W waves a slot's clock has drifted by
// sqrt(W)·sd; the two forms are blended by how far that drift is from a slot time.
import { addCumulants, type Cumulants } from './cumulants.js';
import { fittedLaw, type SumLaws } from './sumLaw.js';

const TINY = 1e-10;
const PANELS = 160;

/** E[max of n iid draws] of a non-negative duration with distribution function `cdf`. */
export function expectedMaxOf(n: number, cdf: (x: number) => number): number {
  if (n <= 0) return 0;
  const maxCdf = (x: number): number => {
    const f = cdf(x);
    return f <= 0 ? 0 : Math.exp(n * Math.log(Math.min(1, f)));
  };
  let hi = 1;
  for (let i = 0; i < 200 && 1 - maxCdf(hi) > TINY; i++) hi *= 2;
  // The lowest point where the maximum has any mass: bisection on [0, hi]. lo only ever moves to
  // a point below TINY, so once F^n(0) is, every later lo is too: asked once, not each round.
  let lo = 0;
  let top = hi;
  if (maxCdf(lo) < TINY) {
    for (let i = 0; i < 40; i++) {
      const mid = (lo + top) / 2;
      if (maxCdf(mid) < TINY) lo = mid;
      else top = mid;
    }
  }
  // lo + ∫_lo^hi (1 − F(x)^n) dx, Simpson's rule in u with x = lo + (hi − lo)·u³ (fine near lo).
  const span = hi - lo;
  const h = 1 / PANELS;
  let sum = 0;
  for (let i = 0; i <= PANELS; i++) {
    const u = i * h;
    const weight = i === 0 || i === PANELS ? 1 : i % 2 === 1 ? 4 : 2;
    sum += weight * (1 - maxCdf(lo + span * u * u * u)) * 3 * span * u * u;
  }
  return lo + (sum * h) / 3;
}

/**
 * Expected time from the first action's arrival at the slot queue to the end of the last
 * d_out, for `actions` on `slots` slots, each action holding its slot for X and then D.
 */
export function tailAwareSlotSeconds(slot: Cumulants, after: Cumulants, actions: number, slots: number, laws?: SumLaws): number {
  if (actions <= 0) return after.mean;
  // The latest of one draw is that draw: its expectation is the mean, exactly, where the
  // integral below would approximate it (a workflow's task steps are single actions).
  if (actions === 1) return slot.mean + after.mean;
  const whole = laws?.whole ?? fittedLaw(addCumulants([slot, after]));
  const latest = (n: number): number => expectedMaxOf(n, whole.cdf);
  if (actions <= slots) return latest(actions);
  const mu = slot.mean;
  const waves = Math.ceil(actions / slots);
  const lastWave = actions - (waves - 1) * slots;
  const inStep = (): number => (waves - 1) * mu + latest(lastWave);
  const sd = Math.sqrt(slot.variance);
  if (!(mu > 0) || !(sd > 0)) return inStep();
  const x = laws?.slot ?? fittedLaw(slot);
  const cv2 = slot.variance / (mu * mu);
  const lastStart = Math.max(0, mu * ((actions - slots) / slots - (cv2 - 1) / 2));
  // The residual life at T of a renewal process started at 0: the first action still running
  // (S(T + r)), boosted by the early renewals of m's offset, or one started at s in (0, T]
  // with density 1/μ: P(R_T > r) = ((1 + CV²)/2)·S(T + r) + (E[(X − r)⁺] − E[(X − T − r)⁺]) / μ.
  const early = (1 + cv2) / 2;
  const beyond = (r: number): number =>
    Math.min(1, early * (1 - x.cdf(lastStart + r)) + Math.max(0, x.excess(r) - x.excess(lastStart + r)) / mu);
  const residual = expectedMaxOf(slots, (r) => (r <= 0 ? 0 : 1 - beyond(r)));
  const outOfStep = lastStart + residual + after.mean;
  // Drift of a slot's clock over the waves, in slot times: 0 in lockstep, ≥ 1 out of step
  // (where the blend is the out-of-step form alone, and the in-step one is not computed).
  const drift = Math.min(1, (Math.sqrt(waves - 1) * sd) / mu);
  return drift === 1 ? outOfStep : drift * outOfStep + (1 - drift) * inStep();
}
