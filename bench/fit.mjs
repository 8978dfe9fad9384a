// One million measured rows of one phase, as CSV text lines in memory, through the line parser,
// the streaming accumulator and the fit. Target: under 3 s. Build first: npx tsc -p tsconfig.build.json
import { createLogParser, MEASURED_PHASES, PROFILE_PHASES, TRANSFER_PHASES } from '../dist/config/measurements.js';
import { fitSet } from '../dist/core/fit/fitSet.js';
import { MeasurementSet } from '../dist/core/fit/samples.js';
import { createRng } from '../dist/core/random.js';
import { renderProfileYaml } from '../dist/render/profileYaml.js';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const rng = createRng(7);
const lines = ['timestamp,phase,seconds,bytes'];
for (let i = 0; i < ROWS; i++) {
  // upload: latency lognormal(60 ms, 0.5) + bytes / 80 MB/s, bytes log-uniform 100 kB..200 MB
  const bytes = Math.round(Math.exp(Math.log(1e5) + rng.next() * Math.log(2000)));
  const seconds = 0.06 * Math.exp(0.5 * rng.normal()) + bytes / 80e6;
  lines.push(`2025-06-01T09:00:00Z,upload,${seconds.toFixed(6)},${bytes}`);
}


const start = performance.now();
const parser = createLogParser('bench.csv', 'csv', { phases: MEASURED_PHASES });
const set = new MeasurementSet();
for (let i = 0; i < lines.length; i++) {
  const outcome = parser.pushLine(lines[i], i + 1);
  if (outcome.kind === 'record') set.push(outcome.record.phase, outcome.record.seconds, outcome.record.bytes);
  else if (outcome.kind === 'error') throw new Error(`${outcome.error.line}: ${outcome.error.problem}`);
}
const parsed = performance.now();
const fits = fitSet(set, { transferPhases: TRANSFER_PHASES });
const yaml = renderProfileYaml(fits, { name: 'bench', sources: [{ file: 'bench.csv', sha256: '-', rows: ROWS, badRows: 0 }], date: '-', profilePhases: PROFILE_PHASES });
const end = performance.now();

const fit = fits[0];
// What the accumulator keeps: its typed arrays' capacity (no object per row).
const samples = set.get('upload');
const heldMB = (samples.seconds().buffer.byteLength + (samples.bytes()?.buffer.byteLength ?? 0)) / 1e6;
console.log(`rows ${ROWS}: parse+accumulate ${(parsed - start).toFixed(0)} ms, fit+render ${(end - parsed).toFixed(0)} ms, total ${((end - start) / 1000).toFixed(2)} s (target < 3 s)`);
console.log(`accumulator holds ${heldMB.toFixed(1)} MB (seconds and bytes as Float64Array)`);
console.log(`${fit.phase}: ${fit.reason}; YAML ${yaml.length} chars`);
