// Profile values in the file syntax of profiles/*.yaml: durations and bandwidths with units,
// distributions as `{ dist: ..., ... }`. Four significant figures: finer than any measurement.
import type { Dist } from '../core/distribution.js';

const num = (x: number): string => String(Number(x.toPrecision(4)));

/** 0.0602 → 60.2ms, 25.13 → 25.13s, 0 → 0s. */
export function durationText(seconds: number): string {
  if (seconds === 0) return '0s';
  return seconds < 1 ? `${num(seconds * 1000)}ms` : `${num(seconds)}s`;
}

/** 79870000 → 79.87MB/s (decimal units, as the default profile writes them). */
export function bandwidthText(bytesPerSecond: number): string {
  const steps = [
    ['GB', 1e9],
    ['MB', 1e6],
    ['KB', 1e3],
  ] as const;
  for (const [unit, size] of steps) if (bytesPerSecond >= size) return `${num(bytesPerSecond / size)}${unit}/s`;
  return `${num(bytesPerSecond)}B/s`;
}

/** The one-line form of a distribution, or null for empirical samples (see sampleLines). */
export function inlineDist(d: Dist): string | null {
  switch (d.kind) {
    case 'fixed':
      return durationText(d.value);
    case 'lognormal':
      return `{ dist: lognormal, median: ${durationText(Math.exp(d.mu))}, sigma: ${num(d.sigma)} }`;
    case 'uniform':
      return `{ dist: uniform, min: ${durationText(d.min)}, max: ${durationText(d.max)} }`;
    case 'exponential':
      return `{ dist: exponential, mean: ${durationText(d.mean)} }`;
    case 'empirical':
      return null;
  }
}

const WRAP = 96;

/**
 * `dist: empirical` and its samples as block lines at `indent` spaces, the flow list wrapped
 * with continuation lines indented under its key. One unit for the whole list: ms when every
 * sample is under a second.
 */
export function empiricalLines(samples: readonly number[], indent: number): string[] {
  const pad = ' '.repeat(indent);
  const inMs = samples.every((s) => s < 1);
  const items = samples.map((s) => (s === 0 ? '0s' : inMs ? `${num(s * 1000)}ms` : `${num(s)}s`));
  const lines = [`${pad}dist: empirical`];
  let current = `${pad}samples: [`;
  items.forEach((item, i) => {
    const piece = `${item}${i === items.length - 1 ? ']' : ','}`;
    if (current.length + piece.length + 1 > WRAP && !current.endsWith('[')) {
      lines.push(current);
      current = `${pad}  ${piece}`;
    } else {
      current += current.endsWith('[') ? piece : ` ${piece}`;
    }
  });
  if (items.length === 0) current += ']';
  lines.push(current);
  return lines;
}
