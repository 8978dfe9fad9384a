// M/M/c: Poisson arrivals at λ, exponential service at rate μ per slot, c slots, one FIFO queue
// (docs/model.md, streams of runs: the analytic cross-checks). With a = λ/μ (erlangs) and
// ρ = a/c, Erlang C is the probability that an arrival waits for a slot:
//   C(c, a) = (a^c/c!) / ((1 − ρ) Σ_{k<c} a^k/k! + a^c/c!).
// It is computed from Erlang B's recursion B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)) and
// C = B / (1 − ρ(1 − B)) (R. B. Cooper, "Introduction to Queueing Theory", 2nd ed.): every
// step stays in [0, 1], so c = 10,000 with ρ close to 1 neither overflows nor cancels.

export interface MMc {
  arrivalRatePerSecond: number;
  /** μ: 1 / mean slot seconds of one run. */
  serviceRatePerSecond: number;
  /** c: slots serving the one queue. */
  slots: number;
}

/** Erlang B: blocking probability of c slots offered a erlangs with no queue. */
export function erlangB(slots: number, offeredErlangs: number): number {
  if (!(Number.isInteger(slots) && slots >= 0)) throw new RangeError(`slots must be an integer >= 0, got ${slots}`);
  if (!(offeredErlangs >= 0)) throw new RangeError(`offered load must be >= 0, got ${offeredErlangs}`);
  let b = 1;
  for (let k = 1; k <= slots; k++) b = (offeredErlangs * b) / (k + offeredErlangs * b);
  return b;
}

/** Erlang C: P(an arrival waits). 1 when ρ ≥ 1 (the queue never empties for good). */
export function erlangC(slots: number, offeredErlangs: number): number {
  if (!(slots >= 1)) throw new RangeError(`Erlang C needs at least one slot, got ${slots}`);
  const rho = offeredErlangs / slots;
  if (rho >= 1) return 1;
  const b = erlangB(slots, offeredErlangs);
  return b / (1 - rho * (1 - b));
}

/** ρ = λ / (cμ). */
export const utilisation = (q: MMc): number => q.arrivalRatePerSecond / (q.slots * q.serviceRatePerSecond);

/** cμ − λ: the rate of the exponential tail of the wait; null when ρ ≥ 1. */
function drainRate(q: MMc): number | null {
  const r = q.slots * q.serviceRatePerSecond - q.arrivalRatePerSecond;
  return r > 0 ? r : null;
}

export const mmcWaitProbability = (q: MMc): number => erlangC(q.slots, q.arrivalRatePerSecond / q.serviceRatePerSecond);

/** E[W] = C(c, a) / (cμ − λ); null when ρ ≥ 1 (the wait grows without bound). */
export function mmcMeanWaitSeconds(q: MMc): number | null {
  const drain = drainRate(q);
  return drain === null ? null : mmcWaitProbability(q) / drain;
}

/** P(W > w) = C(c, a) · e^{−(cμ − λ) w}; null when ρ ≥ 1. */
export function mmcWaitExceeds(q: MMc, waitSeconds: number): number | null {
  const drain = drainRate(q);
  if (drain === null) return null;
  return waitSeconds < 0 ? 1 : mmcWaitProbability(q) * Math.exp(-drain * waitSeconds);
}

/**
 * The p-quantile of the wait: the w with P(W > w) = 1 − p, w = ln(C / (1 − p)) / (cμ − λ);
 * 0 when C ≤ 1 − p (at least a fraction p of runs start at once). null when ρ ≥ 1.
 */
export function mmcWaitQuantileSeconds(q: MMc, p: number): number | null {
  if (!(p >= 0 && p < 1)) throw new RangeError(`a wait quantile needs 0 <= p < 1, got ${p}`);
  const drain = drainRate(q);
  if (drain === null) return null;
  const c = mmcWaitProbability(q);
  return c <= 1 - p ? 0 : Math.log(c / (1 - p)) / drain;
}

/** M/M/1, the c = 1 case: C = ρ, E[W] = ρ / (μ − λ); null when ρ ≥ 1. */
export const mm1MeanWaitSeconds = (arrivalRatePerSecond: number, serviceRatePerSecond: number): number | null =>
  mmcMeanWaitSeconds({ arrivalRatePerSecond, serviceRatePerSecond, slots: 1 });
