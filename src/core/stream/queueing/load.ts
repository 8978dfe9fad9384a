// Offered load and the capacity a stream of runs needs (docs/model.md, streams of runs):
// ρ = λ · E[slot seconds per run] / slots. With ρ ≥ 1 the queue grows without bound.

export interface StreamLoad {
  arrivalRatePerSecond: number;
  /** Slot seconds one run occupies, summed over its actions in this pool. */
  slotSecondsPerRun: number;
}

/** ρ of a pool of `slots` slots. */
export const offeredLoad = (load: StreamLoad, slots: number): number => (load.arrivalRatePerSecond * load.slotSecondsPerRun) / slots;

/** a = λ · E[slot seconds]: the busy slots the stream needs on average (erlangs). */
export const offeredErlangs = (load: StreamLoad): number => load.arrivalRatePerSecond * load.slotSecondsPerRun;

/** The smallest replicas of `concurrency` slots each with ρ < 1 (strictly: ρ = 1 is unstable). */
export function replicasNeeded(load: StreamLoad, concurrency: number): number {
  const x = offeredErlangs(load) / concurrency;
  return Math.max(1, Math.floor(x) + 1);
}

/** The smallest replicas of `concurrency` slots each with ρ ≤ targetLoad (0 < targetLoad < 1, e.g. 0.8). */
export function replicasForLoad(load: StreamLoad, concurrency: number, targetLoad: number): number {
  if (!(targetLoad > 0 && targetLoad <= 1)) throw new RangeError(`target load must be in (0, 1], got ${targetLoad}`);
  const x = offeredErlangs(load) / (concurrency * targetLoad);
  // ceil, but a product that lands a hair above a whole number (3.0000000000000004) is that number.
  const r = Math.ceil(x - 1e-9 * Math.max(1, x));
  const replicas = Math.max(1, r);
  return targetLoad === 1 ? Math.max(replicas, replicasNeeded(load, concurrency)) : replicas;
}

/**
 * Runs to measure so that the 95% CI half-width of the mean wait is within `relativeHalfWidth`
 * (default 5%) of the mean, at utilisation ρ. From the M/M/1 queue, whose waits W_n have
 *   E[W] = ρ / (μ(1 − ρ))  and  lim n·Var(mean of n waits) = ρ(2 + 5ρ − 4ρ² + ρ³) / (μ²(1 − ρ)⁴)
 * (the asymptotic variance of Blomqvist 1967, "The covariance function of the M/G/1 queuing
 * system", Skand. Aktuarietidskr. 50, quoted by Whitt 1989, "Planning queueing simulations",
 * Management Science 35(11)); n = (z σ / (h E[W]))² = (z/h)² (2 + 5ρ − 4ρ² + ρ³) / (ρ(1 − ρ)²).
 * μ cancels, so the count needs only ρ. For c slots it is a guide, not a bound: near ρ → 1 an
 * M/M/c queue behaves like one fast slot, and the (1 − ρ)^−2 growth is what matters. null when
 * ρ ≥ 1 or ρ ≤ 0 (no wait to measure).
 */
export function runsToSettleMeanWait(rho: number, relativeHalfWidth = 0.05, z = 1.959963984540054): number | null {
  if (!(rho > 0 && rho < 1)) return null;
  const k = z / relativeHalfWidth;
  return Math.ceil((k * k * (2 + 5 * rho - 4 * rho * rho + rho ** 3)) / (rho * (1 - rho) ** 2));
}

/** Whitt's relaxation time of M/M/1, 1 / (μ (1 − √ρ)²) seconds: how long the queue takes to forget its start. */
export function relaxationSeconds(rho: number, serviceRatePerSecond: number): number | null {
  if (!(rho >= 0 && rho < 1)) return null;
  return 1 / (serviceRatePerSecond * (1 - Math.sqrt(rho)) ** 2);
}
