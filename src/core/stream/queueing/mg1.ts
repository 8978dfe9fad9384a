// One slot, Poisson arrivals, general slot times: the Pollaczek–Khinchine mean wait
//   E[W] = λ E[S²] / (2 (1 − ρ)),  ρ = λ E[S],  E[S²] = E[S]² (1 + c_s²)
// (L. Kleinrock, "Queueing Systems", vol. 1, ch. 5). Exact for M/G/1; M/D/1 is c_s = 0, M/M/1 is c_s = 1.

/** E[W] of M/G/1 from the slot time's mean and coefficient of variation; null when ρ ≥ 1. */
export function mg1MeanWaitSeconds(arrivalRatePerSecond: number, slotMeanSeconds: number, slotCv: number): number | null {
  const rho = arrivalRatePerSecond * slotMeanSeconds;
  if (!(rho < 1)) return null;
  const secondMomentSeconds2 = slotMeanSeconds * slotMeanSeconds * (1 + slotCv * slotCv);
  return (arrivalRatePerSecond * secondMomentSeconds2) / (2 * (1 - rho));
}

/** M/D/1: E[W] = ρ / (2μ(1 − ρ)) with μ = 1 / slotSeconds; null when ρ ≥ 1. */
export const md1MeanWaitSeconds = (arrivalRatePerSecond: number, slotSeconds: number): number | null =>
  mg1MeanWaitSeconds(arrivalRatePerSecond, slotSeconds, 0);
