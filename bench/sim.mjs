#!/usr/bin/env node
// Simulator speed (issues 3 and 10). Run after a build (`npm run bench` builds first). Every
// figure that has a target is printed with it, and every ratio is against a baseline measured
// in this run, alternating, medians: the machine may be shared and loaded (the load is shown).
//   1. the yardstick against ../shared/bench/limit_pool.mjs, whole process included;
//   2. the full scenario (every phase, autoscaling, retries, cache, CPU sharing) at 1M actions;
//   then the scaling, 1,000 × 50k on two workers, and memory across replications.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateReplication } from '../dist/core/sim/replication.js';
import { runReplications } from '../dist/cli/simWorkers.js';
import { deriveSeed } from '../dist/core/random.js';
import { fixed, lognormalFromMedianP95 } from '../dist/core/distribution.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const zero = { latency: fixed(0), bandwidthBytesPerSecond: null };
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => `load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`;

/** The yardstick: `actions` ready at once on `slots` warm slots, lognormal(median 10 s, sigma 0.5) runtimes, no other phases. */
function yardstick(actions, slots = 200) {
  return {
    phases: { uploadInputs: zero, downloadInputs: zero, uploadOutputs: zero, downloadOutputs: zero, enqueue: fixed(0), create: fixed(0), dispatch: fixed(0) },
    limits: { maxActionsPerRun: 50_000, recommendedActionsPerRun: 40_000, targetActionsMin: 10_000, targetActionsMax: 20_000, maxInlineIoBytes: 10_485_760, maxChildrenInFlight: actions, enqueueRatePerSecond: Infinity, runtimeFloorSeconds: 1, overheadRatio: 10 },
    workload: { items: actions, itemRuntime: { kind: 'lognormal', mu: Math.log(10), sigma: 0.5 }, itemInputBytes: 0, itemOutputBytes: 0, itemMemoryBytes: null, taskMemoryBytes: null, data: 'reference', pattern: 'task', cacheHitRatio: 0, batchSize: 1 },
    pool: { mode: 'reusable', minReplicas: slots, maxReplicas: slots, concurrency: 1, scaledownTtlSeconds: 30, idleTtlSeconds: 30, startCold: false, replicaCpus: null, actionCpu: null },
    run: { mapConcurrency: 0, maxActionConcurrency: null, queueConcurrency: null, parentStartSeconds: 0 },
    failures: { failureRate: 0, retries: 0, retryBackoffSeconds: 0 },
    pricing: { perReplicaHour: null },
  };
}

/** Every phase, an autoscaling pool with processor sharing, cache hits and retries; one item per action. */
function full(actions) {
  const transfer = (median, p95, bw) => ({ latency: lognormalFromMedianP95(median, p95), bandwidthBytesPerSecond: bw });
  return {
    phases: {
      uploadInputs: transfer(0.12, 0.4, 80e6),
      downloadInputs: transfer(0.1, 0.3, 80e6),
      uploadOutputs: transfer(0.12, 0.4, 80e6),
      downloadOutputs: transfer(0.1, 0.3, 80e6),
      enqueue: lognormalFromMedianP95(0.3, 1.35),
      create: lognormalFromMedianP95(30, 60),
      dispatch: lognormalFromMedianP95(0.05, 0.2),
    },
    limits: { maxActionsPerRun: 50_000, recommendedActionsPerRun: 40_000, targetActionsMin: 10_000, targetActionsMax: 20_000, maxInlineIoBytes: 10_485_760, maxChildrenInFlight: 1000, enqueueRatePerSecond: 100, runtimeFloorSeconds: 1, overheadRatio: 10 },
    workload: { items: actions, itemRuntime: lognormalFromMedianP95(2, 6), itemInputBytes: 200_000, itemOutputBytes: 50_000, itemMemoryBytes: null, taskMemoryBytes: null, data: 'reference', pattern: 'task', cacheHitRatio: 0.1, batchSize: 1 },
    pool: { mode: 'reusable', minReplicas: 5, maxReplicas: 100, concurrency: 4, scaledownTtlSeconds: 30, idleTtlSeconds: 60, startCold: true, replicaCpus: 2, actionCpu: 1 },
    run: { mapConcurrency: 0, maxActionConcurrency: null, queueConcurrency: null, parentStartSeconds: 5 },
    failures: { failureRate: 0.05, retries: 2, retryBackoffSeconds: 10 },
    pricing: { perReplicaHour: 0.5 },
  };
}

function time(fn) {
  const t0 = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

// A child mode: one replication of the full scenario per call, in a process of its own, as
// `flyscale simulate` runs one scenario per process (no other scenario's code paths mixed in).
if (process.argv[2] === '--full-child') {
  const n = Number(process.argv[3]);
  const out = [];
  for (let i = 0; i < Number(process.argv[4]); i++) {
    const t = time(() => simulateReplication(full(n), 1, 7));
    out.push({ seconds: t.seconds, events: t.value.eventsProcessed });
  }
  console.log(JSON.stringify(out));
  process.exit(0);
}

/** Wall milliseconds of one process, start to end. */
function wallMs(args) {
  const t0 = process.hrtime.bigint();
  execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

// 1. The yardstick against the tightest loop we know, whole process included.
const limitPool = join(root, '..', 'shared', 'bench', 'limit_pool.mjs');
let limitNsPerAction = null;
if (!existsSync(limitPool)) {
  console.log(`yardstick  skipped: ${limitPool} not found (it sits in shared/bench/ beside the repository)`);
} else {
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
  console.log(`yardstick  50000 actions on 200 warm slots, lognormal(10 s, 0.5); median of ${ROUNDS} alternating rounds; ${load()}`);
  for (const runs of [5, 50]) {
    const limitArgs = [limitPool, '50000', '200', String(runs), '10', '0.5'];
    const flyArgs = ['bin/flyscale.cjs', 'simulate', 'bench/yardstick.yaml', '--runs', String(runs), '--workers', '1', '--json'];
    const limit = [];
    const fly = [];
    wallMs(limitArgs);
    wallMs(flyArgs); // the file cache and the code cache warm
    for (let i = 0; i < ROUNDS; i++) {
      limit.push(wallMs(limitArgs));
      fly.push(wallMs(flyArgs));
    }
    const l = median(limit);
    const f = median(fly);
    console.log(
      `  ${String(runs).padStart(2)} replications, whole process: limit_pool ${l.toFixed(0)} ms (${(l / runs).toFixed(1)} ms per replication), ` +
        `flyscale simulate --workers 1 ${f.toFixed(0)} ms (${(f / runs).toFixed(1)} ms per replication)  ratio ${(f / l).toFixed(2)}x  target <= 2x`,
    );
  }
  // Per replication inside the process: limit_pool's own timer against the library's, warm.
  const inner = [];
  for (let i = 0; i < ROUNDS; i++) {
    const out = spawnSync(process.execPath, [limitPool, '50000', '200', '20', '10', '0.5'], { encoding: 'utf8' });
    const match = /per_run=([\d.]+)ms/.exec(out.stdout);
    if (match) inner.push(Number(match[1]));
  }
  const scenario = yardstick(50_000);
  for (let r = 0; r < 5; r++) simulateReplication(scenario, 1, deriveSeed(42, r)); // warm
  const warm = [];
  for (let i = 0; i < ROUNDS; i++) warm.push(time(() => { for (let r = 0; r < 20; r++) simulateReplication(scenario, 1, deriveSeed(42, r)); }).seconds * 50);
  const li = median(inner);
  const wi = median(warm);
  limitNsPerAction = (li / 50_000) * 1e6;
  console.log(`  per replication in the process (warm, 20 each): limit_pool ${li.toFixed(2)} ms, flyscale ${wi.toFixed(2)} ms  ratio ${(wi / li).toFixed(2)}x`);
  const loop = time(() => { for (let r = 0; r < 5; r++) simulateReplication(scenario, 1, deriveSeed(42, r), { fastPath: false }); });
  console.log(`  the same scenario through the event loop (fast path off): ${((loop.seconds / 5) * 1000).toFixed(2)} ms per replication (${((loop.seconds / 5) * 1000 / li).toFixed(2)}x limit_pool)`);
}

// 2. The full scenario at 1M actions, in a process of its own: the first replication (cold: the
// code is compiled and the arrays' pages touched for the first time) and the median of the next
// five (warm, as every replication after the first of `simulate --runs N`), both against the target.
{
  const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--full-child', '1000000', '6'], { encoding: 'utf8' });
  const runs = JSON.parse(out.stdout);
  const cold = runs[0].seconds;
  const s = median(runs.slice(1).map((r) => r.seconds));
  const events = runs[0].events;
  const ns = (s / 1e6) * 1e9;
  console.log(
    `full       1000000 actions: ${ns.toFixed(0)} ns per action warm (median of 5 replications after the first), ${((cold / 1e6) * 1e9).toFixed(0)} ns the first (cold)  target <= 1000 ns; ` +
      `${events} events (${(events / 1e6).toFixed(2)} per action), ${(events / s / 1e6).toFixed(2)}M events/s warm; ${load()}` +
      (limitNsPerAction !== null ? `; limit_pool's loop here: ${limitNsPerAction.toFixed(0)} ns per action (${(ns / limitNsPerAction).toFixed(1)}x)` : ''),
  );
}

// 3. Scaling with the action count.
const scale = (label, make, options) => {
  for (const n of [10_000, 100_000, 1_000_000]) {
    const t = time(() => simulateReplication(make(n), 1, 7, options));
    console.log(`${label} ${String(n).padStart(9)} actions: ${t.seconds.toFixed(3)}s  (${((t.seconds / n) * 1e9).toFixed(0)} ns/action, ${t.value.eventsProcessed} events)`);
  }
};
scale('yardstick, fast path   ', yardstick, {});
scale('yardstick, event loop  ', yardstick, { fastPath: false });

// 4. 1,000 replications of 50k actions on two workers.
{
  const t0 = performance.now();
  const reps = await runReplications(yardstick(50_000), 1, { runs: 1000, seed: 42, workers: 2 });
  const seconds = (performance.now() - t0) / 1000;
  const mean = reps.reduce((s, r) => s + r.makespanSeconds, 0) / reps.length;
  console.log(`workers    1000 x 50000 actions on 2 workers: ${seconds.toFixed(2)}s (mean makespan ${mean.toFixed(3)}s)  target < 30 s`);
}

// 5. Memory across replications: a replication's working set is freed when it ends; what
//    stays is one small summary per replication, so the heap does not grow with their number.
if (typeof globalThis.gc === 'function') {
  const scenario = yardstick(50_000);
  const heapAfter = (runs) => {
    const kept = [];
    for (let r = 0; r < runs; r++) kept.push(simulateReplication(scenario, 1, deriveSeed(7, r)));
    globalThis.gc();
    return { mb: process.memoryUsage().heapUsed / 1e6, kept: kept.length };
  };
  const few = heapAfter(10);
  const many = heapAfter(200);
  console.log(`memory     heap after 10 replications of 50000 actions: ${few.mb.toFixed(1)} MB; after 200: ${many.mb.toFixed(1)} MB (results kept)`);
} else {
  console.log('memory     skipped: run with node --expose-gc');
}
