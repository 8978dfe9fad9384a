// An APPROXIMATION for G/G/c (and M/G/c, M/D/c): Allen & Cunneen's mean wait
//   E[W] ≈ C(c, a) / (cμ − λ) · (c_a² + c_s²) / 2
// (A. O. Allen, "Probability, Statistics, and Queueing Theory", 2nd ed., 1990): Erlang C's M/M/c
// wait scaled by the mean of the arrivals' and slot times' squared coefficients of variation.
// Exact when c_a = c_s = 1 (M/M/c) and for M/G/1 (it is then Pollaczek–Khinchine); otherwise a
// heuristic, best at moderate to heavy load, worse at light load and for very variable slot
// times. Always report it as approximate.
import { erlangC } from './erlangC.js';

export interface GGc {
  arrivalRatePerSecond: number;
  slotMeanSeconds: number;
  slots: number;
  /** c_a: standard deviation / mean of the gaps between runs (1 for Poisson, 0 for fixed gaps). */
  arrivalCv: number;
  /** c_s: standard deviation / mean of the slot time (1 exponential, 0 fixed). */
  slotCv: number;
}

/** Approximate E[W]; null when ρ ≥ 1. */
export function allenCunneenMeanWaitSeconds(q: GGc): number | null {
  const serviceRate = 1 / q.slotMeanSeconds;
  const drain = q.slots * serviceRate - q.arrivalRatePerSecond;
  if (!(drain > 0)) return null;
  const c = erlangC(q.slots, q.arrivalRatePerSecond * q.slotMeanSeconds);
  return (c / drain) * ((q.arrivalCv * q.arrivalCv + q.slotCv * q.slotCv) / 2);
}

/** Approximate P(wait): Allen–Cunneen keeps Erlang C's value. */
export const allenCunneenWaitProbability = (q: GGc): number => erlangC(q.slots, q.arrivalRatePerSecond * q.slotMeanSeconds);
