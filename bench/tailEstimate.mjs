#!/usr/bin/env node
// Cost of the closed-form estimate with the tail-aware slot term (docs/model.md, "Tail-aware
// slot term"): lognormal items of sigma 1.5 on 20 × 8 slots, by batch size. Batches of 2 to
// about 1,000 items compute the batch sum on a 2,048-point lattice (src/core/sumLaw.ts); one
// item and fixed items are the baselines, measured in the same run. The first call in this
// process is what `plan` pays at start-up (it runs the estimate a handful of times).
import { effectiveConcurrency } from '../dist/core/concurrency.js';
import { estimateMakespan } from '../dist/core/estimate.js';
import { fixed, lognormalFromMedianP95 } from '../dist/core/distribution.js';

/** 30,000 items on 20 replicas × 8 slots, lognormal transfers and pod start (so every phase is on the lattice). */
function defaultScenario(itemRuntime, batchSize) {
  const transfer = (median, p95) => ({ latency: lognormalFromMedianP95(median, p95), bandwidthBytesPerSecond: null });
  return {
    phases: { uploadInputs: transfer(0.12, 0.4), downloadInputs: transfer(0.1, 0.3), uploadOutputs: transfer(0.12, 0.4), downloadOutputs: transfer(0.1, 0.3), enqueue: fixed(0), create: lognormalFromMedianP95(30, 60), dispatch: fixed(0) },
    limits: { maxActionsPerRun: 50_000, recommendedActionsPerRun: 40_000, targetActionsMin: 10_000, targetActionsMax: 20_000, maxInlineIoBytes: 10_485_760, maxChildrenInFlight: 1e9, enqueueRatePerSecond: Infinity, runtimeFloorSeconds: 1, overheadRatio: 10 },
    workload: { items: 30_000, itemRuntime, itemInputBytes: 0, itemOutputBytes: 0, itemMemoryBytes: null, taskMemoryBytes: null, data: 'reference', pattern: 'task', cacheHitRatio: 0, batchSize },
    pool: { mode: 'reusable', minReplicas: 20, maxReplicas: 20, concurrency: 8, scaledownTtlSeconds: 30, idleTtlSeconds: 1e9, startCold: false, replicaCpus: null, actionCpu: null },
    run: { mapConcurrency: 0, maxActionConcurrency: null, queueConcurrency: null, parentStartSeconds: 0 },
    failures: { failureRate: 0, retries: 0, retryBackoffSeconds: 0 },
    pricing: { perReplicaHour: null },
  };
}

const at = (batchSize, itemRuntime) => {
  const s = defaultScenario(itemRuntime, batchSize);
  return () => estimateMakespan(s, batchSize, effectiveConcurrency(s));
};
const lognormal = { kind: 'lognormal', mu: 0, sigma: 1.5 };
const cases = [
  ['fixed items, batch 10 (fitted)', at(10, { kind: 'fixed', value: 1 })],
  ['lognormal, batch 1 (fitted)', at(1, lognormal)],
  ['lognormal, batch 10 (lattice)', at(10, lognormal)],
  ['lognormal, batch 100 (lattice)', at(100, lognormal)],
  ['lognormal, batch 10,000 (fitted)', at(10_000, lognormal)],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('closed-form estimate, sigma 1.5 on 20 × 8 slots (first call, then median of 50):');
for (const [name, run] of cases) {
  let t0 = performance.now();
  const { method } = run();
  const first = performance.now() - t0;
  const xs = [];
  for (let i = 0; i < 50; i++) {
    t0 = performance.now();
    run();
    xs.push(performance.now() - t0);
  }
  console.log(`  ${name.padEnd(34)} ${method.padEnd(9)} first ${first.toFixed(2).padStart(6)} ms   then ${median(xs).toFixed(3).padStart(7)} ms`);
}
