// A transfer's time as latency + bytes / bandwidth: the least-squares line, whether to use it,
// and the latencies it leaves (each row's seconds less its bytes term).
import { sig } from './format.js';
import { leastSquares, type LineFit } from './leastSquares.js';
import type { FitNote } from './notes.js';

export interface TransferFit extends LineFit {
  /** The line was chosen: slope > 0 and R² ≥ minRSquared. */
  chosen: boolean;
}

export interface TransferOutcome {
  /** The line, when every row has bytes and the bytes vary; else null. */
  transfer: TransferFit | null;
  /** Ascending latencies when the line is chosen, else null (the seconds stand as they are). */
  latenciesSorted: Float64Array | null;
  /** Why no bandwidth, as a clause to append to the reason; empty when chosen or not tried. */
  why: string;
  notes: FitNote[];
}

/**
 * Chosen when time grows with bytes (slope > 0: a negative slope has no bandwidth) and bytes
 * explain at least `minRSquared` of the variance of the time. The latency distribution is then
 * the intercept plus each row's residual, i.e. seconds − slope·bytes; values below 0 (noise on
 * the smallest transfers) are set to 0 and counted.
 */
export function fitTransfer(seconds: Float64Array, bytes: Float64Array, minRSquared: number): TransferOutcome {
  const n = seconds.length;
  let withBytes = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(bytes[i] ?? Number.NaN)) withBytes++;
  if (withBytes < n) return { transfer: null, latenciesSorted: null, why: '', notes: [{ code: 'bytesPartial', withBytes, rows: n }] };
  const line = leastSquares(bytes, seconds);
  if (line === null) return { transfer: null, latenciesSorted: null, why: '; bytes do not vary, so no bandwidth can be measured', notes: [] };
  const slope = line.slopeSecondsPerByte;
  const chosen = slope > 0 && line.rSquared >= minRSquared;
  const transfer = { ...line, chosen };
  if (!(slope > 0)) return { transfer, latenciesSorted: null, why: '; time does not grow with bytes (slope ≤ 0), so no bandwidth', notes: [] };
  if (!chosen) {
    const why = `; bytes explain too little of the time (R² ${sig(line.rSquared)} < ${minRSquared}), so no bandwidth`;
    return { transfer, latenciesSorted: null, why, notes: [] };
  }
  const latencies = new Float64Array(n);
  let clamped = 0;
  for (let i = 0; i < n; i++) {
    const value = (seconds[i] ?? 0) - slope * (bytes[i] ?? 0);
    if (value < 0) clamped++;
    latencies[i] = Math.max(0, value);
  }
  const notes: FitNote[] = clamped > 0 ? [{ code: 'latencyClamped', count: clamped }] : [];
  return { transfer, latenciesSorted: latencies.sort(), why: '', notes };
}
