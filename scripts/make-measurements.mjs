#!/usr/bin/env node
// Writes examples/measurements/timings.csv: a realistic measurement log drawn from the stated
// parameters below with a fixed seed, so the file is the same on every machine and the fit test
// can check that `flyscale profile fit` recovers these numbers. Run: node scripts/make-measurements.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from './seededRng.mjs';

export const SEED = 20250601;
/** Actions in the simulated run; each writes some of the rows below. */
export const ACTIONS = 2000;
/** Per phase, in the order an action goes through them: which actions write a row, and the
 * law of its seconds (medians in seconds). */
export const PARAMETERS = {
  // Parent uploads inputs: latency lognormal(median 60 ms, sigma 0.5) + bytes / 80 MB/s.
  upload: { every: (i) => i < 1500, latency: { median: 0.06, sigma: 0.5 }, bandwidthBytesPerSecond: 80e6 },
  // Enqueue RPC: lognormal(median 170 ms, sigma 0.8), except three stalled calls (STALLS).
  enqueue: { every: () => true, latency: { median: 0.17, sigma: 0.8 } },
  // Cold starts, one action in five: lognormal(median 25 s, sigma 0.4).
  create: { every: (i) => i % 5 === 0, latency: { median: 25, sigma: 0.4 } },
  // One item's runtime, one action in four: lognormal(median 2 s, sigma 0.3).
  runtime: { every: (i) => i % 4 === 0, latency: { median: 2, sigma: 0.3 } },
  // Parent downloads outputs: latency lognormal(median 30 ms, sigma 0.6) + bytes / 100 MB/s.
  download: { every: (i) => i < 1500, latency: { median: 0.03, sigma: 0.6 }, bandwidthBytesPerSecond: 100e6 },
};
/** Transfer sizes: log-uniform between 100 kB and 200 MB. */
export const BYTES = { min: 1e5, max: 2e8 };
/** Enqueue calls that stalled (action index → seconds): far outliers a fit should report. */
export const STALLS = new Map([
  [700, 20],
  [1300, 30],
  [1900, 40],
]);


export function makeRows(seed = SEED) {
  const rng = createRng(seed);
  const lognormal = ({ median, sigma }) => median * Math.exp(sigma * rng.normal());
  const bytes = () => Math.round(Math.exp(Math.log(BYTES.min) + rng.next() * Math.log(BYTES.max / BYTES.min)));
  const start = Date.parse('2025-06-01T09:00:00Z');
  const rows = ['timestamp,phase,seconds,bytes'];
  for (let i = 0; i < ACTIONS; i++) {
    let clock = start + i * 500;
    for (const [phase, p] of Object.entries(PARAMETERS)) {
      if (!p.every(i)) continue;
      let seconds = lognormal(p.latency);
      let size = '';
      if (p.bandwidthBytesPerSecond !== undefined) {
        const b = bytes();
        seconds += b / p.bandwidthBytesPerSecond;
        size = String(b);
      }
      if (phase === 'enqueue' && STALLS.has(i)) seconds = STALLS.get(i);
      rows.push(`${new Date(clock).toISOString()},${phase},${seconds.toFixed(6)},${size}`);
      clock += Math.round(seconds * 1000);
    }
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'measurements', 'timings.csv');
  mkdirSync(dirname(out), { recursive: true });
  const rows = makeRows();
  writeFileSync(out, `${rows.join('\n')}\n`);
  process.stdout.write(`wrote ${rows.length - 1} rows to ${out}\n`);
}
