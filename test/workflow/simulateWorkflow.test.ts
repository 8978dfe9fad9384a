// The simulated run against the same hand calculations as the closed form (fixed times make
// the simulation exact), and the simulator's properties per step.
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../src/core/random.js';
import { simulateRun } from '../../src/core/sim/workflow/composeRun.js';
import { summarizeRuns } from '../../src/core/sim/workflow/summarizeRuns.js';
import { planWorkflow } from '../../src/core/workflow/planWorkflow.js';
import { stepSizing } from '../../src/core/workflow/stepSizing.js';
import { FIXED_PROFILE, workflow } from './helpers.js';

function simulate(text: string, seed = 1, runs = 1) {
  const w = workflow(text).workflow;
  const p = planWorkflow(w);
  return Array.from({ length: runs }, (_, r) => simulateRun(w, stepSizing(p), deriveSeed(seed, r)));
}

const chain = [FIXED_PROFILE, 'driver: { start: 7s }', 'environments:', '  pods: { podPerTask: true }', 'steps:', '  a: { kind: task, environment: pods, runtime: 5s }', '  b: { kind: task, environment: pods, after: [a], runtime: 10s }', '  c: { kind: task, environment: pods, after: [b], runtime: 20s }'].join('\n');

describe('the simulated run with fixed times', () => {
  it('a chain ends at the driver start plus the sum of the steps with their overheads', () => {
    // 7 + (5 + 15) + (10 + 15) + (20 + 15) = 87, as in the closed form.
    const [r] = simulate(chain);
    expect(r?.makespanSeconds).toBe(87);
    expect(r?.steps.b).toEqual({ startSeconds: 27, endSeconds: 52 });
  });
  it('a fork-join on separate environments takes the longest branch', () => {
    const text = [FIXED_PROFILE, 'environments:', '  one: { podPerTask: true }', '  two: { podPerTask: true }', 'steps:', '  a: { kind: task, environment: one, runtime: 5s }', '  b: { kind: task, environment: one, after: [a], runtime: 30s }', '  c: { kind: task, environment: two, after: [a], runtime: 10s }', '  d: { kind: task, environment: two, after: [b, c], runtime: 5s }'].join('\n');
    // a 20, then b 45 (c 25 ends first), then d 20: 85.
    expect(simulate(text)[0]?.makespanSeconds).toBe(85);
  });
  it('two maps on one shared pool take as long as one map of their combined actions', () => {
    // 10 warm slots of 3 s: 1 + 1 + 20 waves × 3 + 1 = 63 for 200 actions, whether one map or two.
    const pool = ['limits: { enqueueRate: 100000/s }', 'environments:', '  pool: { replicas: 5, concurrency: 2 }'];
    const two = [FIXED_PROFILE, ...pool, 'steps:', '  x: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }', '  y: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    const one = [FIXED_PROFILE, ...pool, 'steps:', '  xy: { kind: map, environment: pool, items: 200, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    expect(simulate(one)[0]?.makespanSeconds).toBe(63);
    expect(simulate(two)[0]?.makespanSeconds).toBe(63);
  });
  it('P sub-parents submit at P × enqueueRate, after their own start', () => {
    // As in the closed form: 13 (a sub-parent's start on pods) + 1 + 49 + 1 + 13 + 1 + 2 = 80 with 4,
    // against 1 + 199 + 1 + 13 + 1 = 215 with one parent.
    const text = (parents: number) => [FIXED_PROFILE, 'limits: { maxChildrenInFlight: 1000000 }', 'environments:', '  pods: { podPerTask: true }', 'steps:', `  score: { kind: map, environment: pods, items: 20000, itemRuntime: 1s, batchSize: 1, parents: ${parents} }`].join('\n');
    // The bucket adds 19,900 intervals of 1/100 s: equal to the arithmetic up to rounding.
    expect(simulate(text(1))[0]?.makespanSeconds).toBeCloseTo(215, 6);
    expect(simulate(text(4))[0]?.makespanSeconds).toBeCloseTo(80, 6);
  });
  it('trace and local steps: 3 waves of two 5 s calls, then 2 s of local work', () => {
    const text = [FIXED_PROFILE, 'steps:', '  t: { kind: trace, items: 6, runtime: 2s, concurrency: 2 }', '  l: { kind: local, after: [t], items: 4, runtime: 500ms }'].join('\n');
    expect(simulate(text)[0]?.makespanSeconds).toBe(17);
  });
});

describe('properties per step', () => {
  const random = ['environments:', '  gpu: { replicas: [1, 6], concurrency: 2 }', '  cpu: { podPerTask: true, clusterSlots: 20 }', 'steps:', '  prep: { kind: task, environment: cpu, runtime: { median: 2s, p95: 6s } }', '  embed: { kind: map, environment: gpu, after: [prep], items: 400, itemRuntime: { median: 50ms, p95: 300ms }, batchSize: 20 }', '  side: { kind: map, environment: cpu, after: [prep], items: 300, itemRuntime: [100ms, 200ms, 900ms], batchSize: 10 }', '  report: { kind: trace, after: [embed, side], runtime: 300ms }'].join('\n');
  it('same seed, same bytes', () => {
    expect(JSON.stringify(simulate(random, 5, 4))).toBe(JSON.stringify(simulate(random, 5, 4)));
    expect(JSON.stringify(simulate(random, 6, 4))).not.toBe(JSON.stringify(simulate(random, 5, 4)));
  });
  it('every step starts after the steps it waits for', () => {
    for (const r of simulate(random, 3, 10)) {
      expect(r.steps.embed?.startSeconds).toBe(r.steps.prep?.endSeconds);
      expect(r.steps.report?.startSeconds).toBe(Math.max(r.steps.embed?.endSeconds ?? 0, r.steps.side?.endSeconds ?? 0));
      expect(r.makespanSeconds).toBe(r.steps.report?.endSeconds);
    }
  });
  it('more capacity is never slower with fixed times', () => {
    const text = (replicas: number) => [FIXED_PROFILE, 'environments:', `  pool: { replicas: ${replicas}, concurrency: 2 }`, 'steps:', '  a: { kind: map, environment: pool, items: 500, itemRuntime: 200ms, batchSize: 5 }', '  b: { kind: map, environment: pool, after: [a], items: 300, itemRuntime: 1s, batchSize: 3 }'].join('\n');
    let previous = Infinity;
    for (const replicas of [1, 2, 3, 5, 8, 13, 40]) {
      const t = simulate(text(replicas))[0]?.makespanSeconds ?? Infinity;
      expect(t).toBeLessThanOrEqual(previous);
      previous = t;
    }
  });
  it('summarises latency with p99 and each step with its interval', () => {
    const s = summarizeRuns(simulate(random, 2, 30));
    expect(s.latency.p50).toBeLessThanOrEqual(s.latency.p95);
    expect(s.latency.p95).toBeLessThanOrEqual(s.latency.p99);
    expect(s.steps.embed?.end.ci95[0]).toBeLessThanOrEqual(s.steps.embed?.end.mean ?? 0);
    expect(Object.keys(s.environments)).toEqual(['gpu', 'cpu']);
  });
});
