// Start-up cost of `flyscale plan` against `node -e 0`: on the default example, on a workflow
// file, and on that workflow with a profile of one's own, in the same run, alternating, so
// machine noise hits all alike. Issues 10 and 12 ask: ratio <= 1.5.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url)); // the repository
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
// The same workflow on a profile of one's own (the default one with another enqueue time): the
// bundle carries the built-in profiles' overhead samples, and this one's is drawn at the start.
const own = mkdtempSync(join(tmpdir(), 'flyscale-bench-'));
process.on('exit', () => rmSync(own, { recursive: true, force: true }));
const profile = readFileSync(join(root, 'profiles/default.yaml'), 'utf8').replace('name: default', 'name: own').replace('enqueue: { median: 168ms, p95: 1.35s }', 'enqueue: { median: 150ms, p95: 1.2s }');
if (!profile.includes('name: own') || !profile.includes('median: 150ms')) throw new Error('profiles/default.yaml changed: update the own-profile case of bench/startup.mjs');
writeFileSync(join(own, 'own-profile.yaml'), profile);
writeFileSync(join(own, 'workflow.yaml'), readFileSync(join(root, 'examples/workflows/nightly-embed.yaml'), 'utf8').replace('profile: default', `profile: ${join(own, 'own-profile.yaml')}`));

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
  'workflow, own profile': ['bin/flyscale.cjs', 'plan', join(own, 'workflow.yaml')],
};
const samples = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (const args of Object.values(cases)) time(args); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(cases)) samples[name].push(time(args));
const base = median(samples['node -e 0']);
console.log(`start-up, median of ${RUNS} runs each (alternating); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}:`);
for (const [name, xs] of Object.entries(samples)) {
  const target = name === 'node -e 0' ? '' : '  target <= 1.5';
  console.log(`  ${name.padEnd(22)} ${median(xs).toFixed(1).padStart(7)} ms   ratio ${(median(xs) / base).toFixed(2)}${target}`);
}
