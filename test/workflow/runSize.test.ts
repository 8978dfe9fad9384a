// The size limits of docs/simulator.md for a workflow run and a stream of runs: refused before
// anything is simulated, with the batch size or the length that fits (hand-counted below).
import { describe, expect, it } from 'vitest';
import { budgetSizeSettings, commandSizeSettings, STEP_BATCH } from '../../src/cli/runSizeCheck.js';
import { planWorkflow } from '../../src/core/workflow/planWorkflow.js';
import { stepActions, streamTooLarge, workflowTooLarge } from '../../src/core/workflow/runSize.js';
import { stepSizing } from '../../src/core/workflow/stepSizing.js';
import type { ArrivalsSpec } from '../../src/core/stream/arrivalsSpec.js';
import { workflow } from './helpers.js';

const settings = commandSizeSettings();
const big = (items: number, batch: number) =>
  workflow(['environments:', '  gpu: { replicas: 4, concurrency: 2 }', 'steps:', `  prep: { kind: task, environment: gpu, runtime: 1s }`, `  embed: { kind: map, environment: gpu, after: [prep], items: ${items}, itemRuntime: 1ms, batchSize: ${batch} }`, '  note: { kind: trace, after: [embed], runtime: 1ms }', ''].join('\n')).workflow;
const batches = (w: ReturnType<typeof big>) => (step: string) => stepSizing(planWorkflow(w))(step).batch;
const poisson = (ratePerSecond: number, length: { runs?: number; durationSeconds?: number }): ArrivalsSpec => ({ process: { kind: 'poisson', ratePerSecond }, runs: length.runs ?? null, durationSeconds: length.durationSeconds ?? null, warmupSeconds: 0, shape: null, periodSeconds: 86_400 });

describe('the size of a simulated workflow run', () => {
  it('counts the actions of map and task steps as the engine lays them out', () => {
    // prep: 1 action; embed: ceil(1001 / 10) = 101; the trace step runs in the parent: none.
    const w = big(1001, 10);
    expect(stepActions(w, batches(w))).toEqual([
      { step: 'prep', items: 1, actions: 1 },
      { step: 'embed', items: 1001, actions: 101 },
    ]);
  });
  it('refuses a run over 10,000,000 actions with the batch size that fits', () => {
    // 150,000,000 + 1 actions; the largest step must fit in 10,000,000 − 1 (prep's) actions:
    // batch ≥ ceil(150,000,000 / 9,999,999) = 16 (15 would give 10,000,000 + 1).
    const w = big(150_000_000, 1);
    const found = workflowTooLarge(w, batches(w), 1, settings);
    expect(found?.problem).toBe('150,000,001 actions in one simulated run is more than flyscale simulates (at most 10,000,000, about 0.2 GB of memory)');
    expect(found?.fix).toContain('give step embed (150,000,000 actions) a batch size of at least 16 (steps.embed.batchSize: 16)');
    expect(workflowTooLarge(w, () => 16, 1, settings)).toBeNull();
  });
  it('writes the fix into the setting as given, whatever letters the step and scenario names hold', () => {
    // A step named NER in scenario Nightly: only the number goes in, the names stay as written.
    const w = workflow(['environments:', '  gpu: { replicas: 4 }', 'steps:', '  NER: { kind: map, environment: gpu, items: 150000000, itemRuntime: 1ms, batchSize: 1 }', ''].join('\n')).workflow;
    const found = workflowTooLarge(w, () => 1, 1, budgetSizeSettings('Nightly', STEP_BATCH));
    // The one step must fit in 10,000,000 actions: batch ≥ 150,000,000 / 10,000,000 = 15.
    expect(found?.fix).toContain('(steps.NER.batchSize: 15 in scenario Nightly)');
  });
  it('refuses runs × actions over 1,000,000,000 with the runs that fit', () => {
    // 1 + 1,000,000 actions a run: 1,000 runs is 1,000,001,000; at most floor(1e9 / 1,000,001) = 999.
    const w = big(1_000_000, 1);
    expect(workflowTooLarge(w, batches(w), 999, settings)).toBeNull();
    expect(workflowTooLarge(w, batches(w), 1000, settings)?.fix).toBe('use at most 999 runs (--runs 999)');
  });
});

describe('the size of a simulated stream of runs', () => {
  const w = big(13, 1); // 1 + 13 = 14 actions a run
  it('refuses a stream of runs whose replication is over 10,000,000 actions, with the runs that fit', () => {
    // 10,000,000 runs × 14 = 140,000,000; at most floor(10,000,000 / 14) = 714,285 runs.
    const found = streamTooLarge(w, batches(w), poisson(1, { runs: 10_000_000 }), 1, settings);
    expect(found?.problem).toBe('a stream of 10,000,000 runs of 14 actions is 140,000,000 actions in one replication, more than flyscale simulates (at most 10,000,000, about 0.2 GB of memory)');
    expect(found?.fix).toContain('at most 714,285 runs (arrivals.runs: 714285, or --stream-runs 714285)');
    expect(streamTooLarge(w, batches(w), poisson(1, { runs: 714_285 }), 1, settings)).toBeNull();
  });
  it('counts a stream bounded by time at its rate, and says the duration that fits', () => {
    // 100/s for 2h = 720,000 runs × 14 = 10,080,000 actions; 714,285 runs at 100/s take 7,142.85 s: 1h (whole hours).
    const found = streamTooLarge(w, batches(w), poisson(100, { durationSeconds: 7200 }), 1, settings);
    expect(found?.problem).toContain('a stream of about 720,000 runs of 14 actions is about 10,080,000 actions');
    expect(found?.fix).toContain('(arrivals.duration: 1h, or --stream-duration 1h)');
  });
  it('refuses replications × actions over 1,000,000,000 with the replications that fit', () => {
    // 700,000 × 14 = 9,800,000 actions a replication; floor(1e9 / 9.8e6) = 102 replications.
    expect(streamTooLarge(w, batches(w), poisson(1, { runs: 700_000 }), 102, settings)).toBeNull();
    expect(streamTooLarge(w, batches(w), poisson(1, { runs: 700_000 }), 103, settings)?.fix).toBe('use at most 102 replications (--runs 102), or a shorter stream');
  });
});
