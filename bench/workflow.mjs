#!/usr/bin/env node
// Workflow simulation speed (issue 12): a workflow of 4 steps with 100,000 actions in all
// against a single fan-out of 100,000 actions on the same pool, in the same run, alternating,
// medians. Target: ratio <= 1.5.
import { loadavg } from 'node:os';
import { parseSource } from '../dist/config/document.js';
import { loadScenario } from '../dist/config/load.js';
import { loadWorkflowDoc } from '../dist/config/workflow.js';
import { deriveSeed } from '../dist/core/random.js';
import { simulateReplication } from '../dist/core/sim/replication.js';
import { simulateRun } from '../dist/core/sim/workflow/composeRun.js';
import { planWorkflow } from '../dist/core/workflow/planWorkflow.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pool = '{ replicas: [10, 100], concurrency: 4 }';
const workflowText = [
  'limits: { maxActionsPerRun: 200000, recommendedActionsPerRun: 200000, targetActionsMax: 200000 }',
  'environments:',
  `  gpu: ${pool}`,
  '  cpu: { podPerTask: true, clusterSlots: 500 }',
  'steps:',
  '  prep: { kind: task, environment: cpu, runtime: 30s }',
  "  embed: { kind: map, environment: gpu, after: [prep], items: 59998, itemRuntime: { median: 2s, p95: 6s }, batchSize: 1, parents: 4 }",
  "  score: { kind: map, environment: cpu, after: [prep], items: 40000, itemRuntime: { median: 1s, p95: 3s }, batchSize: 1, parents: 4 }",
  '  report: { kind: task, environment: cpu, after: [embed, score], runtime: 10s }',
].join('\n');
const loaded = loadWorkflowDoc(parseSource('bench.yaml', workflowText), '/tmp/bench.yaml', undefined, {}, process.cwd());
const planned = planWorkflow(loaded.workflow);
const actions = planned.actions.steps;
const sizing = (name) => {
  const s = planned.steps.find((x) => x.name === name);
  return { batch: s.batch, sharedSlots: s.sharedSlots };
};
const single = loadScenario({ scenarioData: { limits: { maxActionsPerRun: 200000, recommendedActionsPerRun: 200000, targetActionsMax: 200000 }, workload: { items: 100000, itemRuntime: { median: '2s', p95: '6s' }, batchSize: 1 }, environment: { replicas: [10, 100], concurrency: 4 } } }).scenario;

const time = (f) => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};
const w = [];
const s = [];
for (let i = 0; i < RUNS; i++) {
  const seed = deriveSeed(1, i);
  s.push(time(() => simulateReplication(single, 1, seed)));
  w.push(time(() => simulateRun(loaded.workflow, sizing, seed)));
}
console.log(`workflow simulation, median of ${RUNS} replications each (alternating); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}:`);
console.log(`  single fan-out, 100,000 actions        ${median(s).toFixed(0).padStart(6)} ms`);
console.log(`  4-step workflow, ${actions.toLocaleString('en')} actions  ${median(w).toFixed(0).padStart(6)} ms   ratio ${(median(w) / median(s)).toFixed(2)}  target <= 1.5`);
