// A one-line histogram of a distribution in Unicode blocks, for terminals and Markdown.
import { quantile, type Dist } from '../core/distribution.js';
import { formatSeconds } from '../core/units.js';

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
/** Quantile points per histogram: each carries the same probability, so a bin's count is its mass. */
const POINTS = 960;
/** The histogram spans p1 to p99, so a long tail does not squash the body into one bar. */
const LOW_P = 0.01;
const HIGH_P = 0.99;
/** Spans wider than this ratio are drawn on a log axis (durations are right-skewed). */
const LOG_AXIS_RATIO = 10;

export interface Histogram {
  bars: string;
  lowSeconds: number;
  highSeconds: number;
  scale: 'log' | 'linear' | 'point';
}

export function histogram(d: Dist, bins = 24): Histogram {
  const lo = quantile(d, LOW_P);
  const hi = quantile(d, HIGH_P);
  if (!(hi > lo)) return { bars: '█', lowSeconds: lo, highSeconds: hi, scale: 'point' };
  const scale = lo > 0 && hi / lo > LOG_AXIS_RATIO ? 'log' : 'linear';
  const axis = (x: number): number => (scale === 'log' ? Math.log(x) : x);
  const a = axis(lo);
  const width = axis(hi) - a;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < POINTS; i++) {
    const x = quantile(d, LOW_P + ((i + 0.5) / POINTS) * (HIGH_P - LOW_P));
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(((axis(x) - a) / width) * bins)));
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  const top = Math.max(...counts);
  const bars = counts.map((c) => (c === 0 ? ' ' : BARS[Math.min(BARS.length - 1, Math.floor((c / top) * (BARS.length - 1e-9)))])).join('');
  return { bars, lowSeconds: lo, highSeconds: hi, scale };
}

/** `▁▃█▅▂  8.8ms … 3.21s (p1–p99, log axis)`. */
export function histogramLine(d: Dist, bins = 24): string {
  const h = histogram(d, bins);
  if (h.scale === 'point') return `${h.bars}  ${formatSeconds(h.lowSeconds)} (one value)`;
  return `${h.bars}  ${formatSeconds(h.lowSeconds)} … ${formatSeconds(h.highSeconds)} (p1–p99, ${h.scale} axis)`;
}
