// Worker threads need compiled JavaScript, so this test compiles src/ (tsconfig.build.json)
// into a fresh temporary directory and imports simWorkers from there; nothing in dist/ is
// touched. Node (not vitest) then loads the worker entry next to it, as it will from dist/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Scenario } from '../../src/core/model.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import type { Replication } from '../../src/core/sim/types.js';
import { fixedPhase, fixedPool, scenario } from './builders.js';

type Run = (s: Scenario, b: number, o: { runs: number; seed: number; workers: number; onProgress?: (done: number) => void }) => Promise<Replication[]>;

const root = join(import.meta.dirname, '..', '..');
let out = '';
let runReplications: Run;
let splitRuns: (runs: number, workers: number) => Array<[number, number]>;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'flyscale-sim-'));
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { cwd: root });
  const mod: { runReplications: Run; splitRuns: typeof splitRuns } = await import(pathToFileURL(join(out, 'cli', 'simWorkers.js')).href);
  runReplications = mod.runReplications;
  splitRuns = mod.splitRuns;
});

afterAll(() => {
  if (out !== '') rmSync(out, { recursive: true, force: true });
});

// Every phase random, autoscaling, failures, cache hits: the results depend on every draw.
const busy = scenario({
  items: 400,
  itemRuntime: { kind: 'lognormal', mu: 0, sigma: 0.7 },
  cacheHitRatio: 0.2,
  failureRate: 0.1,
  retries: 2,
  retryBackoffSeconds: 3,
  inFlight: 50,
  enqueueRate: 40,
  perReplicaHour: 1,
  pool: fixedPool(1, 2, { maxReplicas: 6, scaledownTtlSeconds: 30, idleTtlSeconds: 30, replicaCpus: 1, actionCpu: 1 }),
  phases: { uploadInputs: fixedPhase(0.2), enqueue: { kind: 'exponential', mean: 0.3 }, create: { kind: 'uniform', min: 10, max: 30 } },
});

test('splitRuns cuts [0, runs) into contiguous ranges', () => {
  expect(splitRuns(10, 3)).toEqual([
    [0, 3],
    [3, 6],
    [6, 10],
  ]);
  expect(splitRuns(2, 8)).toEqual([
    [0, 1],
    [1, 2],
  ]);
});

test('one, two and three workers give the same replications as the single-threaded run', async () => {
  const options = { runs: 7, seed: 99 };
  const inline = await runReplications(busy, 2, { ...options, workers: 1 });
  const two = await runReplications(busy, 2, { ...options, workers: 2 });
  const three = await runReplications(busy, 2, { ...options, workers: 3 });
  expect(two).toEqual(inline);
  expect(three).toEqual(inline);
  expect(JSON.stringify(inline)).toBe(JSON.stringify(simulateMany(busy, 2, options)));
  expect(new Set(inline.map((r) => r.makespanSeconds)).size).toBeGreaterThan(1);
});

test('the worker pool reports progress that never falls and ends at the number of runs', async () => {
  // 9 runs over 2 and 3 workers: each worker reports after each replication, so the parent
  // sees exactly one report per replication, each a running total one above the last.
  for (const workers of [1, 2, 3]) {
    const seen: number[] = [];
    const reps = await runReplications(busy, 2, { runs: 9, seed: 5, workers, onProgress: (done: number) => seen.push(done) });
    expect(reps).toHaveLength(9);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }
});
