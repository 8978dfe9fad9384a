// One million CSV rows in a file through the real CLI path: `flyscale profile fit` streams it
// with readline, hashes it with SHA-256, fits and writes the YAML. Target: under 3 s.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../dist/core/random.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROWS = Number(process.argv[2] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'flyscale-bench-'));
const log = join(dir, 'timings.csv');
const rng = createRng(11);
const lines = ['phase,seconds,bytes'];
for (let i = 0; i < ROWS; i++) {
  // as bench/fit.mjs: upload latency lognormal(60 ms, 0.5) + bytes / 80 MB/s
  const bytes = Math.round(Math.exp(Math.log(1e5) + rng.next() * Math.log(2000)));
  lines.push(`upload,${(0.06 * Math.exp(0.5 * rng.normal()) + bytes / 80e6).toFixed(6)},${bytes}`);
}
writeFileSync(log, `${lines.join('\n')}\n`);
try {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, ['bin/flyscale.cjs', 'profile', 'fit', log, '--out', join(dir, 'p.yaml')], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`flyscale profile fit, ${ROWS} rows (${(statSync(log).size / 1e6).toFixed(1)} MB file): ${seconds.toFixed(2)} s end to end, process start included (target < 3 s)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
