// Start-up cost of `flyscale plan` on the default example against `node -e 0`, measured
// and on a workflow file, in the same run, alternating, so machine noise hits both alike. Issue 10 asks: ratio <= 1.5.
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)); // the repository
const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function time(args) {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'ignore'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cases = {
  'node -e 0': ['-e', '0'],
  'flyscale plan': ['bin/flyscale.cjs', 'plan'],
  'flyscale plan --json': ['bin/flyscale.cjs', 'plan', '--json'],
  'flyscale plan workflow': ['bin/flyscale.cjs', 'plan', 'examples/workflows/nightly-embed.yaml'],
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) time(args); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));
const base = median(samples['node -e 0']);
console.log(`start-up, median of ${RUNS} runs each (alternating); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}:`);
for (const [name, xs] of Object.entries(samples)) {
  const target = name.startsWith('flyscale plan') ? '  target <= 1.5' : '';
  console.log(`  ${name.padEnd(22)} ${median(xs).toFixed(1).padStart(7)} ms   ratio ${(median(xs) / base).toFixed(2)}${target}`);
}
