// Fit one phase's measured rows: outliers, then a transfer line when bytes explain the
// time, then the form of the duration (or of the transfer's latency).
import { MIN_SAMPLES } from './adequacy.js';
import { chooseDuration, DEFAULT_CHOOSE_OPTIONS, type ChooseOptions, type DurationFit } from './choose.js';
import { sig } from './format.js';
import type { FitNote } from './notes.js';
import { countOutside, farOutFences, isOutside, type Fences } from './outliers.js';
import type { PhaseSamples } from './samples.js';
import { fitTransfer, type TransferFit, type TransferOutcome } from './transfer.js';
import { summarize, type Summary } from './summary.js';

export type { TransferFit } from './transfer.js';

export interface FitOptions extends ChooseOptions {
  /** Exclude far-out outliers before fitting (default false: report them only). */
  trim: boolean;
  /** The phase may take the form latency + bytes / bandwidth (upload and download kinds). */
  allowTransfer: boolean;
  /** Bytes must explain at least this share of the variance of seconds (default 0.5). */
  minRSquared: number;
}

export const DEFAULT_FIT_OPTIONS: FitOptions = { ...DEFAULT_CHOOSE_OPTIONS, trim: false, allowTransfer: false, minRSquared: 0.5 };

export interface PhaseFit {
  phase: string;
  /** Rows pushed. */
  rows: number;
  /** Rows fitted: rows less trimmed outliers. */
  n: number;
  /** The fitted seconds as measured (bytes term included). */
  summary: Summary;
  fences: Fences;
  outliers: number;
  trimmed: number;
  /** The least-squares line, when every fitted row had bytes that vary and transfers are allowed. */
  transfer: TransferFit | null;
  /** The duration; or, when the transfer is chosen, its latency (seconds − bytes / bandwidth). */
  latency: DurationFit;
  /** Bytes per second when the transfer form is chosen, else null. */
  bandwidthBytesPerSecond: number | null;
  reason: string;
  notes: FitNote[];
}

export function fitPhase(phase: string, samples: PhaseSamples, options: FitOptions = DEFAULT_FIT_OPTIONS): PhaseFit {
  const rows = samples.size;
  if (rows === 0) throw new RangeError(`fitPhase: phase ${phase} has no rows`);
  const notes: FitNote[] = [];
  const allSeconds = samples.seconds();
  const allBytes = samples.bytes();
  const sortedAll = Float64Array.from(allSeconds).sort();
  // Outliers are judged on what the model leaves unexplained: for a transfer whose bytes
  // explain the time, the latency (seconds − bytes × slope), so a large upload is not an outlier.
  const transferable = allBytes !== null && options.allowTransfer;
  const fitAll = transferable ? fitTransfer(allSeconds, allBytes, options.minRSquared) : null;
  const line = fitAll?.transfer ?? null;
  const slope = line?.chosen === true ? line.slopeSecondsPerByte : 0;
  const judged = slope > 0 && allBytes !== null ? allSeconds.map((x, i) => x - slope * (allBytes[i] ?? 0)) : allSeconds;
  const sortedJudged = slope > 0 ? Float64Array.from(judged).sort() : sortedAll;
  const fences = farOutFences(sortedJudged);
  const outliers = countOutside(sortedJudged, fences);
  let seconds = allSeconds;
  let bytes = allBytes;
  let sorted = sortedAll;
  if (options.trim && outliers > 0) {
    const keep = (_: number, i: number): boolean => !isOutside(judged[i] ?? 0, fences);
    seconds = allSeconds.filter(keep);
    bytes = allBytes === null ? null : allBytes.filter(keep);
    sorted = Float64Array.from(seconds).sort();
  }
  const n = seconds.length;
  if (outliers > 0) notes.push({ code: 'outliers', count: outliers, scale: fences.scale, trimmed: options.trim });
  if (n < MIN_SAMPLES) notes.push({ code: 'fewSamples', n, minimum: MIN_SAMPLES });

  let outcome: TransferOutcome | null = null;
  if (bytes !== null && !options.allowTransfer) notes.push({ code: 'bytesIgnored' });
  if (bytes !== null && options.allowTransfer) {
    // Untrimmed, the rows are the ones already fitted above: no second pass over them.
    outcome = seconds === allSeconds && fitAll !== null ? fitAll : fitTransfer(seconds, bytes, options.minRSquared);
    notes.push(...outcome.notes);
  }
  const transfer = outcome?.transfer ?? null;

  const latency = chooseDuration(outcome?.latenciesSorted ?? sorted, options);
  if (latency.samplesForP95 !== null && latency.samplesForP95 > n) {
    notes.push({ code: 'p95Imprecise', n, needed: latency.samplesForP95 });
  }
  const chosen = transfer?.chosen === true ? transfer : null;
  const bandwidthBytesPerSecond = chosen === null ? null : 1 / chosen.slopeSecondsPerByte;
  const reason =
    chosen === null
      ? `${latency.reason}${outcome?.why ?? ''}`
      : `transfer: seconds = latency + bytes / ${sig(1 / chosen.slopeSecondsPerByte / 1e6)} MB/s by least squares ` +
        `(R² ${sig(chosen.rSquared)} ≥ ${options.minRSquared}); latency ${latency.reason}`;
  return {
    phase,
    rows,
    n,
    summary: summarize(sorted),
    fences,
    outliers,
    trimmed: options.trim ? outliers : 0,
    transfer,
    latency,
    bandwidthBytesPerSecond,
    reason,
    notes,
  };
}
