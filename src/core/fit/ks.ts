// Kolmogorov–Smirnov distance between a sample and a continuous CDF.

/**
 * D = max over i of max(i/n − F(x₍ᵢ₎), F(x₍ᵢ₎) − (i−1)/n), i = 1..n: the largest gap
 * between the empirical step function and F, checked on both sides of every step.
 * `sorted` must be ascending.
 */
export function ksDistance(sorted: ArrayLike<number>, cdf: (x: number) => number): number {
  const n = sorted.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i] ?? 0);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * The 5% critical value c/√n with c = 1.36 (the asymptotic Kolmogorov value for a fully
 * specified F; it is close for n ≥ 35 and a little generous below). When F's parameters are
 * estimated from the same sample, as here, the test at 1.36/√n is conservative: a true
 * lognormal is rejected far less than 5% of the time (Lilliefors' exact 5% value for an
 * estimated normal is about 0.886/√n). We accept that on purpose: the parametric form is
 * preferred unless the data clearly disagree with it.
 */
export const KS_COEFFICIENT_5PCT = 1.36;

export function ksCritical(n: number, coefficient: number = KS_COEFFICIENT_5PCT): number {
  return coefficient / Math.sqrt(n);
}
