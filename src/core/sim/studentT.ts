// The 0.975 quantile of Student's t, for 95% confidence intervals of a mean over R
// replications (R - 1 degrees of freedom). Exact table values (3 decimals) up to 30 degrees
// of freedom; beyond, the Cornish–Fisher expansion of Abramowitz & Stegun 26.7.5 around the
// normal quantile, accurate to better than 1e-4 there. Hand-written: simple-statistics has a
// t statistic and a t test but no quantile of the t distribution.

const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08,
  2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** z of the standard normal at 0.975. */
const Z975 = 1.959963984540054;

export function tQuantile975(degreesOfFreedom: number): number {
  if (!(degreesOfFreedom >= 1)) return Number.NaN;
  const tabled = T975[Math.floor(degreesOfFreedom) - 1];
  if (tabled !== undefined) return tabled;
  const z = Z975;
  const n = degreesOfFreedom;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  const z9 = z ** 9;
  const g1 = (z3 + z) / 4;
  const g2 = (5 * z5 + 16 * z3 + 3 * z) / 96;
  const g3 = (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / 384;
  const g4 = (79 * z9 + 776 * z7 + 1482 * z5 - 1920 * z3 - 945 * z) / 92160;
  return z + g1 / n + g2 / n ** 2 + g3 / n ** 3 + g4 / n ** 4;
}
