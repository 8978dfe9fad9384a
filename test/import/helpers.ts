// Import the example runs the way the CLI does, without a process: read, check, map.
import { readFileSync } from 'node:fs';
import { mapRun, type RunMapping } from '../../src/core/import/mapping.js';
import { readRun, type ImportedRun } from '../../src/config/flyteRun/readRun.js';

export const EXAMPLE = (rel: string): string => new URL(`../../examples/flyte-runs/${rel}`, import.meta.url).pathname;

export function importTexts(texts: { file: string; text: string }[], skipBadRows = false): { run: ImportedRun; mapping: RunMapping } {
  const run = readRun(texts, { skipBadRows });
  return { run, mapping: mapRun(run.root, run.children, run.form) };
}

export const importFile = (rel: string): { run: ImportedRun; mapping: RunMapping } => importTexts([{ file: rel, text: readFileSync(EXAMPLE(rel), 'utf8') }]);

/** Lognormal quantile: median · exp(sigma · z_q). */
export const lognormalQuantile = (law: { median: number; sigma: number }, z: number): number => law.median * Math.exp(law.sigma * z);

/**
 * Distribution-free confidence interval of the q-quantile from n sorted samples: the number of
 * samples below the true quantile is Binomial(n, q), so with z = 3.29 (two-sided 99.9%) the true
 * quantile lies between the order statistics of ranks nq ∓ z·√(nq(1−q)) (normal approximation,
 * fine for nq(1−q) ≥ 10). `slack` widens it by ranks known to have moved (clamped values).
 */
export function quantileInterval(samples: readonly number[], q: number, slack = 0): [number, number] {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const half = 3.29 * Math.sqrt(n * q * (1 - q));
  const lo = Math.max(0, Math.floor(n * q - half) - 1 - slack);
  const hi = Math.min(n - 1, Math.ceil(n * q + half) - 1 + slack);
  return [sorted[lo] ?? Number.NaN, sorted[hi] ?? Number.NaN];
}
