#!/usr/bin/env node
// Simulator speed figures for issue 3. Run after a build: `npx tsc -p tsconfig.build.json &&
// node bench/sim.mjs`. Prints the yardstick comparison, the 1M-action replication, 1,000 × 50k
// on two workers, events per second on a full scenario and the 10k/100k/1M scaling.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulateReplication } from '../dist/core/sim/replication.js';
import { runReplications } from '../dist/cli/simWorkers.js';
import { deriveSeed } from '../dist/core/random.js';
import { fixed, lognormalFromMedianP95 } from '../dist/core/distribution.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const zero = { latency: fixed(0), bandwidthBytesPerSecond: null };

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

/** Every phase, an autoscaling pool with processor sharing, cache hits and retries. */
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
    workload: { items: actions * 4, itemRuntime: lognormalFromMedianP95(2, 6), itemInputBytes: 200_000, itemOutputBytes: 50_000, itemMemoryBytes: null, taskMemoryBytes: null, data: 'reference', pattern: 'task', cacheHitRatio: 0.1, batchSize: 4 },
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

function runMany(scenario, runs, options = {}) {
  let sum = 0;
  for (let r = 0; r < runs; r++) sum += simulateReplication(scenario, 1, deriveSeed(42, r), options).makespanSeconds;
  return sum / runs;
}

// 1. The yardstick, both measured in this run, 5 replications each including warm-up.
const limitPool = join(root, '..', 'shared', 'bench', 'limit_pool.mjs');
let yardstickMs = null;
if (existsSync(limitPool)) {
  const out = spawnSync(process.execPath, [limitPool, '50000', '200', '5', '10', '0.5'], { encoding: 'utf8' });
  const match = /per_run=([\d.]+)ms/.exec(out.stdout);
  console.log(`yardstick  ${out.stdout.trim()}`);
  if (match) yardstickMs = Number(match[1]);
} else {
  console.log(`yardstick  skipped: ${limitPool} not found`);
}
const y = time(() => runMany(yardstick(50_000), 5));
const flyMs = (y.seconds / 5) * 1000;
console.log(`flyscale   actions=50000 slots=200 runs=5 mean_makespan=${y.value.toFixed(3)} wall=${y.seconds.toFixed(3)}s per_run=${flyMs.toFixed(2)}ms`);
if (yardstickMs !== null) console.log(`ratio      flyscale / yardstick = ${(flyMs / yardstickMs).toFixed(2)}x (target <= 3x)`);
const warm = time(() => runMany(yardstick(50_000), 20));
console.log(`flyscale   warm: ${((warm.seconds / 20) * 1000).toFixed(2)}ms per replication over 20 more`);
const loop = time(() => runMany(yardstick(50_000), 5, { fastPath: false }));
const loopMs = (loop.seconds / 5) * 1000;
console.log(
  `event loop same scenario with the fast path off: per_run=${loopMs.toFixed(2)}ms` + (yardstickMs !== null ? ` (${(loopMs / yardstickMs).toFixed(2)}x the yardstick)` : ''),
);

// 2. Scaling with the action count, and one replication of 1M actions.
const scale = (label, make, options) => {
  for (const n of [10_000, 100_000, 1_000_000]) {
    const t = time(() => simulateReplication(make(n), 1, 7, options));
    console.log(
      `${label} ${String(n).padStart(9)} actions: ${t.seconds.toFixed(3)}s  (${((t.seconds / n) * 1e9).toFixed(0)} ns/action, ${t.value.eventsProcessed} events)` +
        (n === 1_000_000 ? '  target < 2 s' : ''),
    );
  }
};
scale('yardstick, fast path   ', yardstick, {});
scale('yardstick, event loop  ', yardstick, { fastPath: false });
scale('full scenario          ', (n) => ({ ...full(n), workload: { ...full(n).workload, items: n } }), {});

// 3. Events per second on a full scenario.
{
  const scenario = full(50_000);
  const t = time(() => simulateReplication(scenario, 4, 11));
  const r = t.value;
  console.log(
    `full       50000 actions: ${t.seconds.toFixed(3)}s, ${r.eventsProcessed} events, ${(r.eventsProcessed / t.seconds / 1e6).toFixed(2)}M events/s ` +
      `(makespan ${r.makespanSeconds.toFixed(0)}s, cold starts ${r.coldStarts}, peak replicas ${r.peakReplicas}, attempts ${r.attempts}, cache hits ${r.cacheHits})`,
  );
}

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
