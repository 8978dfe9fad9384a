// A radix-2 fast Fourier transform, in place, for the batch-sum distribution (sumLaw.ts): the
// distribution of a sum of b independent draws is the b-th power of one draw's transform. Small
// and dependency-free so that `plan` loads nothing more; sizes are powers of two.

/** Transform (re, im) in place; `inverse` applies the conjugate transform and divides by n. */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      const tr = re[i] ?? 0;
      re[i] = re[j] ?? 0;
      re[j] = tr;
      const ti = im[i] ?? 0;
      im[i] = im[j] ?? 0;
      im[j] = ti;
    }
  }
  // Twiddles from a table of cos and sin (not a running product, which drifts by n·ε).
  const { cos, sin } = twiddles(n);
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let start = 0; start < n; start += len) {
      for (let k = 0; k < half; k++) {
        const cr = cos[k * step] ?? 1;
        const ci = sign * (sin[k * step] ?? 0);
        const a = start + k;
        const b = a + half;
        const br = re[b] ?? 0;
        const bi = im[b] ?? 0;
        const xr = br * cr - bi * ci;
        const xi = br * ci + bi * cr;
        const ar = re[a] ?? 0;
        const ai = im[a] ?? 0;
        re[a] = ar + xr;
        im[a] = ai + xi;
        re[b] = ar - xr;
        im[b] = ai - xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] = (re[i] ?? 0) / n;
      im[i] = (im[i] ?? 0) / n;
    }
  }
}

let table = { n: 0, cos: new Float64Array(0), sin: new Float64Array(0) };
/** cos and sin of 2πk/n for k < n/2, kept for the last size asked (the lattice has one size). */
function twiddles(n: number): { cos: Float64Array; sin: Float64Array } {
  if (table.n !== n) {
    const cos = new Float64Array(n >> 1);
    const sin = new Float64Array(n >> 1);
    for (let k = 0; k < n >> 1; k++) {
      cos[k] = Math.cos((2 * Math.PI * k) / n);
      sin[k] = Math.sin((2 * Math.PI * k) / n);
    }
    table = { n, cos, sin };
  }
  return table;
}
