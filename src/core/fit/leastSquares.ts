// Ordinary least squares of seconds on bytes, for transfers: seconds = latency + bytes / bandwidth.

export interface LineFit {
  interceptSeconds: number;
  slopeSecondsPerByte: number;
  /** 1 − SS_res / SS_tot; 0 when the seconds do not vary at all. */
  rSquared: number;
}

/**
 * Two-pass (centred) sums, so a million rows of large byte counts lose no precision.
 * Hand-written: simple-statistics' linearRegression is as precise (the statistics test
 * compares them) but takes an array of [x, y] pairs, a million small arrays for a million
 * rows, where this reads the two columns in place.
 * Returns null when x has no spread: a slope cannot be estimated.
 */
export function leastSquares(x: ArrayLike<number>, y: ArrayLike<number>): LineFit | null {
  const n = Math.min(x.length, y.length);
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i++) {
    sx += x[i] ?? 0;
    sy += y[i] ?? 0;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] ?? 0) - mx;
    const dy = (y[i] ?? 0) - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (!(sxx > 0)) return null;
  const slope = sxy / sxx;
  // SS_res = S_yy − S_xy² / S_xx for the least-squares line; clamp rounding below 0.
  const ssRes = Math.max(0, syy - (sxy * sxy) / sxx);
  return {
    interceptSeconds: my - slope * mx,
    slopeSecondsPerByte: slope,
    rSquared: syy > 0 ? 1 - ssRes / syy : 0,
  };
}
