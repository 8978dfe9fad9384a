// The shared-queue run engine against hand calculations (fixed times make it exact): steps on
// one environment share its FIFO queue, its slots, its replicas and its autoscaler.
import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../../src/core/random.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { simulateRun } from '../../src/core/sim/workflow/composeRun.js';
import { simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import { planWorkflow } from '../../src/core/workflow/planWorkflow.js';
import type { Workflow } from '../../src/core/workflow/types.js';
import { FIXED_PROFILE, workflow } from './helpers.js';

/** No overhead but a 10 s cold start: slot time is the runtime alone. */
const ZERO_PROFILE = ['profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 10s, dispatch: 0s }', 'driver: { start: 0s }'].join('\n');

const batchOne = () => ({ batch: 1, sharedSlots: null });
const run = (text: string, seed = 1) => simulateRun(workflow(text).workflow, batchOne, seed);
const stream = (w: Workflow, arrivals: number[], statsFromSeconds = 0, timelineIntervalSeconds: number | null = null) =>
  simulateStream(w, batchOne, { arrivalSeconds: Float64Array.from(arrivals), statsFromSeconds, timelineIntervalSeconds }, 1);

describe('steps sharing an environment', () => {
  it('two maps started together take as long as one map of their combined actions', () => {
    const pool = ['limits: { enqueueRate: 100000/s }', 'environments:', '  pool: { replicas: 5, concurrency: 2 }'];
    const two = [FIXED_PROFILE, ...pool, 'steps:', '  x: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }', '  y: { kind: map, environment: pool, items: 100, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    const one = [FIXED_PROFILE, ...pool, 'steps:', '  xy: { kind: map, environment: pool, items: 200, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    // 10 warm slots, each action holding one for d_in + 1 + u_out = 3 s. Every action reaches the
    // queue at u_in + e = 2, x's first (x submitted first): x's 100 in 10 waves end at 2 + 30 (+ d_out
    // = 33), y's in the next 10 at 62 (+ 1 = 63): 200 actions in 20 waves, as one map of 200.
    const r = run(two);
    expect(r.steps.x?.endSeconds).toBe(33);
    expect(r.steps.y?.endSeconds).toBe(63);
    expect(r.makespanSeconds).toBe(63);
    const combined = workflow(one).workflow.steps[0]?.scenario;
    if (!combined) throw new Error('no step');
    expect(simulateReplication(combined, 1, deriveSeed(1, 0), { fastPath: false }).makespanSeconds).toBe(63);
    expect(run(one).makespanSeconds).toBe(63);
  });

  it('an early-finishing step hands its slots on', () => {
    const text = [ZERO_PROFILE, 'environments:', '  pool: { replicas: 10 }', 'steps:', '  a: { kind: map, environment: pool, items: 5, itemRuntime: 1s, batchSize: 1 }', '  b: { kind: map, environment: pool, items: 95, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    // 100 slot-seconds on 10 slots: a's 5 and 5 of b's run in [0, 1], b's other 90 in 9 waves: 10 s.
    const r = run(text);
    expect(r.steps.a?.endSeconds).toBe(1);
    expect(r.steps.b?.endSeconds).toBe(10);
    // The closed form's fixed split by slot work (1 and 9 slots) would give b ceil(95 / 9) = 11 waves: 11 s.
    const plan = planWorkflow(workflow(text).workflow);
    expect(plan.steps.map((s) => s.sharedSlots)).toEqual([1, 9]);
  });

  it('carries warm replicas from one step to the next', () => {
    const text = [FIXED_PROFILE, 'driver: { start: 0s }', 'environments:', '  pool: { replicas: 2, startCold: true }', 'steps:', '  a: { kind: map, environment: pool, items: 2, itemRuntime: 1s, batchSize: 1 }', '  b: { kind: map, environment: pool, after: [a], items: 2, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    // a: both replicas start cold at 0, ready at t = 10; its actions queued at 2 run d_in + 1 + u_out
    // from 10 to 13, d_out: 14. b starts at 14 on the replicas a left warm (idle since 13, idleTtl
    // 30 s): u_in + e + d_in + 1 + u_out + d_out = 6 s, no t: 20.
    const r = run(text);
    expect(r.steps.a).toEqual({ startSeconds: 0, endSeconds: 14 });
    expect(r.steps.b).toEqual({ startSeconds: 14, endSeconds: 20 });
    expect(r.environments.pool?.coldStarts).toBe(2);
  });

  it('the autoscaler sees the queue of every step', () => {
    const text = (max: number) => [ZERO_PROFILE, 'environments:', `  pool: { replicas: [0, ${max}], concurrency: 2 }`, 'steps:', '  x: { kind: map, environment: pool, items: 3, itemRuntime: 1s, batchSize: 1 }', '  y: { kind: map, environment: pool, items: 3, itemRuntime: 1s, batchSize: 1 }'].join('\n');
    // 6 actions wait together: ceil(6 / 2) = 3 replicas (each step alone would start ceil(3 / 2) = 2,
    // 4 in all), ready at t = 10 with 6 slots: everything ends at 11.
    const wide = run(text(10));
    expect(wide.environments.pool?.coldStarts).toBe(3);
    expect(wide.makespanSeconds).toBe(11);
    // Capped by maxReplicas = 2: 4 slots at 10, the other 2 actions from 11 to 12.
    const narrow = run(text(2));
    expect(narrow.environments.pool?.coldStarts).toBe(2);
    expect(narrow.makespanSeconds).toBe(12);
  });

  it('P sub-parents, each with its own token bucket, submit at P × enqueueRate', () => {
    const text = (parents: number) => [ZERO_PROFILE, 'limits: { enqueueRate: 10/s }', 'environments:', '  pods: { podPerTask: true }', 'steps:', `  m: { kind: map, environment: pods, items: 1000, itemRuntime: 1s, batchSize: 1, parents: ${parents} }`].join('\n');
    // One parent: a burst of 10 tokens, then one every 0.1 s: the 1000th at 990 × 0.1 = 99 s; each
    // action then pays t = 10 and 1 s on its pod: 110.
    expect(run(text(1)).makespanSeconds).toBeCloseTo(110, 9);
    // 4 sub-parents start at t = 10 (u_in + e + d_in = 0), each with 250 actions and a bucket of its
    // own: its 250th token at 10 + 240 × 0.1 = 34, the action's pod ends at 45; u_out + d_out = 0.
    expect(run(text(4)).makespanSeconds).toBeCloseTo(45, 9);
  });

  it('starts replicas again, cold, after idleTtl removed the whole pool', () => {
    const w = workflow([ZERO_PROFILE, 'environments:', '  pool: { replicas: 1, idleTtl: 30s }', 'steps:', '  s: { kind: task, environment: pool, runtime: 1s }'].join('\n')).workflow;
    // Run 0 at 0 on the warm replica: 1 s; idle from 1, removed at 31. Run 1 at 100 starts a replica
    // cold (10 s): 11 s, so the stream's horizon is 111. A stream bills over its window, up to the
    // horizon: 0..31 and 100..111, 31 + 11 = 42 (the replica's idle 30 s after 111 are left out, or
    // a short stream's cost per hour would count them). One run alone bills until removal: 0..31.
    const r = stream(w, [0, 100]);
    expect(Array.from(r.latencySeconds)).toEqual([1, 11]);
    expect(r.horizonSeconds).toBe(111);
    expect(r.environments.pool?.coldStarts).toBe(1);
    expect(r.environments.pool?.billedReplicaSeconds).toBe(42);
    expect(simulateRun(w, () => ({ batch: 1, sharedSlots: null }), 1).environments.pool?.billedReplicaSeconds).toBe(31);
  });
});
