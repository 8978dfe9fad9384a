#!/usr/bin/env node
// Stream simulation speed (issue 13): 1,000,000 runs of one 1 s action each, Poisson arrivals
// at rho = 0.8 on a fixed warm pool of 16 slots (12.8 runs/s), through the shared-queue run
// engine; timed per replication, with events per second beside a single fan-out's (100,000
// actions, as in workflow.mjs) in the same process. Target: < 2 s per replication.
import { loadavg } from 'node:os';
import { parseSource } from '../dist/config/document.js';
import { loadScenario } from '../dist/config/load.js';
import { loadWorkflowDoc } from '../dist/config/workflow.js';
import { createRng, deriveSeed } from '../dist/core/random.js';
import { simulateReplication } from '../dist/core/sim/replication.js';
import { simulateStream } from '../dist/core/sim/workflow/runEngine.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const N = 1_000_000;
const SLOTS = 16;
const RHO = 0.8;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const text = [
  'profile:',
  '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 10s, dispatch: 0s }',
  'driver: { start: 0s }',
  'environments:',
  `  pool: { replicas: ${SLOTS}, idleTtl: 1h, scaledownTtl: 1h }`,
  'steps:',
  '  serve: { kind: task, environment: pool, runtime: 1s }',
].join('\n');
const w = loadWorkflowDoc(parseSource('stream.yaml', text), '/tmp/stream.yaml', undefined, {}, process.cwd()).workflow;
const sizing = () => ({ batch: 1, sharedSlots: null });

/** Poisson arrivals: exponential gaps of mean 1 / rate, drawn from the seeded generator. */
function arrivals(seed) {
  const rng = createRng(seed);
  const rate = (RHO * SLOTS) / 1;
  const out = new Float64Array(N);
  let t = 0;
  for (let i = 0; i < N; i++) {
    t += -Math.log(1 - rng.next()) / rate;
    out[i] = t;
  }
  return out;
}

const single = loadScenario({ scenarioData: { limits: { maxActionsPerRun: 200000, recommendedActionsPerRun: 200000, targetActionsMax: 200000 }, workload: { items: 100000, itemRuntime: { median: '2s', p95: '6s' }, batchSize: 1 }, environment: { replicas: [10, 100], concurrency: 4 } } }).scenario;
const s = [];
const sEvents = [];
const m = [];
const mEvents = [];
let meanWait = 0;
for (let i = 0; i < RUNS; i++) {
  const seed = deriveSeed(1, i);
  let t0 = performance.now();
  const one = simulateReplication(single, 1, seed);
  s.push(performance.now() - t0);
  sEvents.push(one.eventsProcessed);
  const times = arrivals(seed);
  t0 = performance.now();
  const r = simulateStream(w, sizing, { arrivalSeconds: times, statsFromSeconds: 0, timelineIntervalSeconds: null }, seed);
  m.push(performance.now() - t0);
  mEvents.push(r.eventsProcessed);
  meanWait = r.actionWaitSeconds.reduce((a, b) => a + b, 0) / N;
}
const rate = (events, ms) => ((median(events) / median(ms)) * 1000) / 1e6;
console.log(`stream simulation, median of ${RUNS} replications each (alternating); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}:`);
console.log(`  single fan-out, 100,000 actions             ${median(s).toFixed(0).padStart(6)} ms   ${rate(sEvents, s).toFixed(2)} M events/s`);
// A run's arrival counts as an event, though it is merged from the sorted arrivals, not queued.
console.log(`  stream, 1,000,000 runs (M/D/16, rho 0.8)    ${median(m).toFixed(0).padStart(6)} ms   ${rate(mEvents, m).toFixed(2)} M events/s (${(rate(mEvents, m) / rate(sEvents, s)).toFixed(2)}x the single fan-out's)   target < 2000 ms   (mean wait ${meanWait.toFixed(3)} s)`);
