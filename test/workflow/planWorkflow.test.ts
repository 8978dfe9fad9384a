// The closed form of a workflow against hand calculations (working in the comments). Profile:
// u = d = e = 1s, t = 10s, dispatch 0s, every value fixed.
import { describe, expect, it } from 'vitest';
import { planWorkflow } from '../../src/core/workflow/planWorkflow.js';
import { submitSeconds } from '../../src/core/workflow/stepPlan.js';
import { FIXED_PROFILE, workflow } from './helpers.js';

const plan = (text: string) => planWorkflow(workflow(text).workflow);
const step = (p: ReturnType<typeof plan>, name: string) => p.steps.find((s) => s.name === name) ?? expect.fail(`no step ${name}`);

describe('a chain of fixed-time steps', () => {
  // A task on pods: u_in + e + t + d_in + runtime + u_out + d_out = 1 + 1 + 10 + 1 + r + 1 + 1 = r + 15.
  const text = [FIXED_PROFILE, 'driver: { start: 7s }', 'environments:', '  pods: { podPerTask: true }', 'steps:', '  a: { kind: task, environment: pods, runtime: 5s }', '  b: { kind: task, environment: pods, after: [a], runtime: 10s }', '  c: { kind: task, environment: pods, after: [b], runtime: 20s }'].join('\n');
  it('ends at the driver start plus the sum of the steps with their overheads', () => {
    const p = plan(text);
    // 7 + (5 + 15) + (10 + 15) + (20 + 15) = 87
    expect(p.makespanSeconds).toBe(87);
    expect(step(p, 'a').startSeconds).toBe(7);
    expect(step(p, 'b').startSeconds).toBe(27);
    expect(step(p, 'c').endSeconds).toBe(87);
    expect(p.criticalPath).toEqual(['a', 'b', 'c']);
    expect(p.steps.map((s) => s.slackSeconds)).toEqual([0, 0, 0]);
  });
});

describe('a fork-join on separate environments', () => {
  // a: 5 + 15 = 20; b: 30 + 15 = 45 on env one; c: 10 + 15 = 25 on env two; d: 5 + 15 = 20.
  const text = [FIXED_PROFILE, 'environments:', '  one: { podPerTask: true }', '  two: { podPerTask: true }', 'steps:', '  a: { kind: task, environment: one, runtime: 5s }', '  b: { kind: task, environment: one, after: [a], runtime: 30s }', '  c: { kind: task, environment: two, after: [a], runtime: 10s }', '  d: { kind: task, environment: two, after: [b, c], runtime: 5s }'].join('\n');
  it('takes exactly the longest branch, and the short branch has the difference as slack', () => {
    const p = plan(text);
    expect(p.makespanSeconds).toBe(20 + 45 + 20);
    expect(p.criticalPath).toEqual(['a', 'b', 'd']);
    // c could end 45 − 25 = 20 s later without moving d.
    expect(step(p, 'c').slackSeconds).toBe(20);
    expect(step(p, 'd').startSeconds).toBe(65);
  });
});

describe('two maps on one shared pool at the same time', () => {
  // 5 replicas × concurrency 2 = 10 warm slots; a warm slot holds d_in + 1s + u_out = 3s.
  // One map of 200 actions: u_in + e + ceil(200 / 10) × 3 + d_out = 1 + 1 + 60 + 1 = 63.
  // Each map alone would take 1 + 1 + ceil(100 / 10) × 3 + 1 = 33: the longer of the two is not the answer.
  const pool = ['limits: { enqueueRate: 100000/s }', 'environments:', '  pool: { replicas: 5, concurrency: 2 }'];
  const two = [FIXED_PROFILE, ...pool, 'steps:', '  x: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }', '  y: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }'].join('\n');
  const one = [FIXED_PROFILE, ...pool, 'steps:', '  xy: { kind: map, environment: pool, items: 200, itemRuntime: 1s, batchSize: 1 }'].join('\n');
  it('take as long as one map of their combined actions', () => {
    const p = plan(two);
    expect(plan(one).makespanSeconds).toBe(63);
    expect(p.makespanSeconds).toBe(63);
    expect(step(p, 'x').binding).toBe('sharedEnvironment');
    expect(p.findings.map((f) => f.code)).toContain('environmentShared');
  });
});

describe('sub-parents', () => {
  // 20,000 actions (batch 1) on unbounded pods, the in-flight limit out of the way, 100/s per parent.
  const text = (parents: number) =>
    [FIXED_PROFILE, 'limits: { maxChildrenInFlight: 1000000 }', 'environments:', '  pods: { podPerTask: true }', 'steps:', `  score: { kind: map, environment: pods, items: 20000, itemRuntime: 1s, batchSize: 1${parents > 1 ? `, parents: ${parents}` : ''} }`, '  done: { kind: trace, after: [score], items: 3, runtime: 1s }'].join('\n');
  it('raise submission to P × enqueueRate, after each sub-parent has started', () => {
    // Token buckets: one parent passes 100 at once, then 100/s: (20,000 − 100) / 100 = 199 s.
    // Four, each full with 100 and refilled at 100/s: (20,000 − 4 × 100) / (4 × 100) = 49 s.
    expect(submitSeconds(20000, 1, 100)).toBe(199);
    expect(submitSeconds(20000, 4, 100)).toBe(49);
    // One parent: u_in + 199 + e + (t + d_in + 1s + u_out) + d_out = 1 + 199 + 1 + 13 + 1 = 215.
    expect(step(plan(text(1)), 'score').durationSeconds).toBe(215);
    // Four: a sub-parent starts after u_in + e + t + d_in = 13 (pods), then 1 + 49 + 1 + 13 + 1,
    // then it uploads its outputs and the driver downloads them: 2. 13 + 65 + 2 = 80.
    expect(step(plan(text(4)), 'score').durationSeconds).toBe(80);
  });
  it('are advised when one parent’s enqueue rate binds, with what they cost', () => {
    const advice = plan(text(1)).findings.find((f) => f.code === 'subParentsAdvised');
    expect(advice?.message).toMatch(/^score: the enqueue rate \(100\/s per parent\) binds; \d+ sub-parents would cut submission from 3m 19s to /);
  });
  it('count in the run-wide actions with the driver and the trace records', () => {
    const p = plan(text(4));
    // driver 1 + sub-parents 4 + 20,000 map actions + 3 trace records
    expect(p.actions).toEqual({ total: 20008, driver: 1, subParents: 4, steps: 20000, traceRecords: 3 });
    expect(p.fanout.band).toBe('aboveTarget');
  });
});

describe('trace and local steps', () => {
  // A trace call: u_in + e + runtime + u_out = 1 + 1 + 2 + 1 = 5 s; 6 calls, 2 at a time: 3 × 5 = 15.
  // local: runtime only, 4 items × 0.5 s = 2 s.
  const text = [FIXED_PROFILE, 'steps:', '  t: { kind: trace, items: 6, runtime: 2s, concurrency: 2 }', '  l: { kind: local, after: [t], items: 4, runtime: 500ms }'].join('\n');
  it('run in the parent, one after the other unless concurrent', () => {
    const p = plan(text);
    expect(step(p, 't').durationSeconds).toBe(15);
    expect(step(p, 'l').durationSeconds).toBe(2);
    expect(p.makespanSeconds).toBe(17);
    expect(p.actions.traceRecords).toBe(6);
    expect(p.actions.total).toBe(7);
  });
});
