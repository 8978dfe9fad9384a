// The semantics issue 3 asks the tests to pin, each on a scenario small enough to work out
// by hand; the working is in the comments. Phases are zero unless a test sets them.
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { fixedPhase, fixedPool, pods, scenario } from './builders.js';

const run = (s: ReturnType<typeof scenario>, batchSize = 1, seed = 1) => simulateReplication(s, batchSize, seed, { recordActions: true });

describe('parent in-flight limit', () => {
  // A permit is held from u_in to the end of d_out: u_in 1 + e 0.5 + runtime 2 + d_out 0.5 = 4 s.
  // Slots are unbounded, so 9 actions with 3 permits run in 3 waves of 4 s: 12 s; with 9 permits, 4 s.
  const parts = {
    items: 9,
    itemRuntime: fixed(2),
    pool: pods(null),
    phases: { uploadInputs: fixedPhase(1), enqueue: fixed(0.5), downloadOutputs: fixedPhase(0.5) },
  };
  test('three permits: three waves', () => {
    const r = run(scenario({ ...parts, inFlight: 3 }));
    expect(r.makespanSeconds).toBe(12);
    expect(r.actionLog?.endSeconds).toEqual([4, 4, 4, 8, 8, 8, 12, 12, 12]);
  });
  test('nine permits: one wave', () => {
    expect(run(scenario({ ...parts, inFlight: 9 })).makespanSeconds).toBe(4);
  });
});

describe('token bucket enqueue rate', () => {
  // Rate 2/s, capacity 2, full at 0: 10 actions take tokens at 0, 0, 0.5, 1.0, ..., 4.0
  // (the k-th beyond the burst at k / 2 s). Runtime 1 s on unbounded pods: ends at grant + 1.
  test('a burst of `rate` tokens, then one every 1/rate seconds, first come first served', () => {
    const r = run(scenario({ items: 10, itemRuntime: fixed(1), pool: pods(null), enqueueRate: 2 }));
    expect(r.actionLog?.endSeconds).toEqual([1, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5]);
    // MODEL §5: parentStart + u_in + max(A - burst, 0) / rate + e + S + d_out = 8 / 2 + 1 = 5.
    expect(r.makespanSeconds).toBe(5);
  });
  test('an idle bucket refills up to its capacity', () => {
    // Actions reach the bucket at 10 s (u_in = 10), by then it is full again: 2 at once, then 0.5 s apart.
    const r = run(scenario({ items: 4, itemRuntime: fixed(1), pool: pods(null), enqueueRate: 2, phases: { uploadInputs: fixedPhase(10) } }));
    expect(r.actionLog?.endSeconds).toEqual([11, 11, 11.5, 12]);
  });
});

describe('cache hits', () => {
  test('take no slot: u_in + e + d_out and nothing else', () => {
    // Every action hits: 1 + 2 + 3 = 6 s each; no pod is created, no attempt made, one slot is enough.
    const r = run(
      scenario({
        items: 5,
        cacheHitRatio: 1,
        pool: pods(1),
        phases: { uploadInputs: fixedPhase(1), enqueue: fixed(2), downloadOutputs: fixedPhase(3), create: fixed(100) },
      }),
    );
    expect(r.makespanSeconds).toBe(6);
    expect(r).toMatchObject({ cacheHits: 5, attempts: 0, coldStarts: 0, completedActions: 5 });
    expect(r.replicaSeconds.busy).toBe(0);
  });
  test('a partial ratio: hits plus slot users make up the actions', () => {
    const r = run(scenario({ items: 200, cacheHitRatio: 0.5, pool: pods(4) }), 1, 3);
    expect(r.cacheHits + r.attempts).toBe(200);
    expect(r.cacheHits).toBeGreaterThan(70);
    expect(r.cacheHits).toBeLessThan(130);
  });
});

describe('retries', () => {
  test('stay within one action: failures add attempts, never actions', () => {
    // Every attempt fails; 2 retries: 3 attempts per action, each action ends once, as failed.
    const r = run(scenario({ items: 7, failureRate: 1, retries: 2, retryBackoffSeconds: 5, pool: pods(2) }));
    expect(r).toMatchObject({ actions: 7, attempts: 21, failedActions: 7, completedActions: 0 });
    expect(r.actionLog?.attempts).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });
  test('hold the permit across the backoff', () => {
    // One permit: action 1 cannot start before action 0 has used its 2 attempts. Each failed
    // attempt runs a uniform part (< 10 s) of its runtime; the backoff is 100 s.
    const r = run(scenario({ items: 2, itemRuntime: fixed(10), failureRate: 1, retries: 1, retryBackoffSeconds: 100, pool: pods(null), inFlight: 1 }));
    const [end0 = 0, end1 = 0] = r.actionLog?.endSeconds ?? [];
    expect(end0).toBeGreaterThan(100);
    expect(end0).toBeLessThan(120);
    expect(end1 - end0).toBeGreaterThan(100);
    expect(end1 - end0).toBeLessThan(120);
  });
  test('some failures: every action still ends exactly once', () => {
    const r = run(scenario({ items: 300, failureRate: 0.3, retries: 3, pool: pods(5) }), 1, 9);
    const attempts = r.actionLog?.attempts ?? [];
    expect(r.completedActions + r.failedActions).toBe(300);
    expect(attempts.reduce((s, x) => s + x, 0)).toBe(r.attempts);
    expect(Math.max(...attempts)).toBeLessThanOrEqual(4);
    expect(r.attempts).toBeGreaterThan(300);
  });
});

describe('one FIFO queue and the least busy replica', () => {
  test('one slot serves the queue first in, first out', () => {
    // LIFO would end them 1, 4, 3, 2.
    expect(run(scenario({ items: 4, pool: pods(1) })).actionLog?.endSeconds).toEqual([1, 2, 3, 4]);
  });
  test('the least busy replica takes the next action, lowest id on ties', () => {
    // 2 replicas x 2 slots, 1 cpu each, 1 cpu per action, runtime 10 s. Least busy: a0 -> r0
    // (tie, lowest id), a1 -> r1 (0 busy beats 1), a2 -> r0 (tie). On r0 two actions share one
    // cpu at rate 1/2: a0 and a2 end at 20 s, a1 alone at 10 s. "Fill the first replica"
    // would give [20, 20, 10].
    const pool = fixedPool(2, 2, { replicaCpus: 1, actionCpu: 1 });
    expect(run(scenario({ items: 3, itemRuntime: fixed(10), pool })).actionLog?.endSeconds).toEqual([20, 10, 20]);
  });
});

describe('autoscaling', () => {
  test('scales up to the maximum, one cold start per new replica', () => {
    // min 0, max 3, create 30 s, 10 actions of 10 s at t=0. Each arrival starts
    // min(3 - ready - starting, ceil(waiting / 1) - starting) = 1 more until 3 are starting.
    // Ready at 30; waves at 30, 40, 50, 60 (a9 alone on r0): makespan 70.
    // r1, r2 idle from 60 -> removed at 90 (scaledownTtl 30, 3 and then 2 > min 0); r0 idle
    // from 70 -> removed at 100. Billed from each cold start: 100 + 90 + 90 = 280.
    // Utilisation: 100 busy slot-s over 3 replicas ready 30..70 = 120: 0.8333.
    const pool = fixedPool(0, 1, { minReplicas: 0, maxReplicas: 3, scaledownTtlSeconds: 30, idleTtlSeconds: 60 });
    const r = run(scenario({ items: 10, itemRuntime: fixed(10), pool, phases: { create: fixed(30) } }));
    expect(r).toMatchObject({ makespanSeconds: 70, coldStarts: 3, peakReplicas: 3 });
    expect(r.replicaSeconds.billed).toBe(280);
    expect(r.utilization).toBeCloseTo(100 / 120, 12);
    expect(r.cost).toBeNull();
  });
  test('scales down after scaledownTtl to the minimum; the rest goes after idleTtl', () => {
    // min 1 (warm at 0), max 3, create 10 s, 6 actions of 20 s. a0 runs on r0 at 0; a1 and a2
    // start r1 and r2 (ready at 10). Ends: a0 20 (a3 starts on r0), a1, a2 30 (a4, a5), a3 40,
    // a4 and a5 50 = makespan. r0 idle from 40 -> removed at 70 (3 > 1); r1 idle from 50 ->
    // removed at 80 (2 > 1); r2 at 80 finds 1 = min and stays until idleTtl: 50 + 1000.
    // Billed 70 + 80 + 1050 = 1200 replica-seconds; at $3.6/h: 1.2.
    const pool = fixedPool(1, 1, { minReplicas: 1, maxReplicas: 3, scaledownTtlSeconds: 30, idleTtlSeconds: 1000 });
    const r = run(scenario({ items: 6, itemRuntime: fixed(20), pool, phases: { create: fixed(10) }, perReplicaHour: 3.6 }));
    expect(r).toMatchObject({ makespanSeconds: 50, coldStarts: 2, peakReplicas: 3 });
    expect(r.replicaSeconds.billed).toBe(1200);
    expect(r.cost).toBeCloseTo(1.2, 12);
  });
  test('idleTtl removes the whole pool; new work then pays cold starts', () => {
    // 2 warm replicas, idleTtl 100, nothing arrives before parentStart 150: the pool goes at 100
    // (billed 2 x 100). At 150 two actions start 2 replicas (create 5), run 10 s: makespan 165.
    // Idle from 165, gone at 265: 2 x (265 - 150) = 230 more. Billed 430.
    const pool = fixedPool(2, 1, { idleTtlSeconds: 100 });
    const r = run(scenario({ items: 2, itemRuntime: fixed(10), pool, parentStartSeconds: 150, phases: { create: fixed(5) } }));
    expect(r).toMatchObject({ makespanSeconds: 165, coldStarts: 2 });
    expect(r.replicaSeconds.billed).toBe(430);
  });
  test('a fixed warm pool is billed until idleTtl after its last action', () => {
    // 2 replicas, 2 actions of 10 s: makespan 10, the pool goes at 10 + 100: 2 x 110.
    const r = run(scenario({ items: 2, itemRuntime: fixed(10), pool: fixedPool(2, 1, { idleTtlSeconds: 100 }) }));
    expect(r.replicaSeconds).toEqual({ busy: 20, billed: 220 });
  });
});

describe('processor sharing', () => {
  // One replica, 4 slots, 2 cpus, 1 cpu per action.
  const pool = fixedPool(1, 4, { replicaCpus: 2, actionCpu: 1 });
  test('four actions on two cpus run at half speed', () => {
    expect(run(scenario({ items: 4, itemRuntime: fixed(10), pool })).makespanSeconds).toBe(20);
  });
  test('three actions run at 2/3 speed', () => {
    expect(run(scenario({ items: 3, itemRuntime: fixed(10), pool })).makespanSeconds).toBeCloseTo(15, 12);
  });
  test('the rate rises when an action leaves', () => {
    // 1 cpu, 2 slots; a0 has 2 items (20 s of work), a1 one item (10 s). Both at rate 1/2:
    // a1 ends at 20; a0 has 10 s left, alone at rate 1: ends at 30.
    const one = fixedPool(1, 2, { replicaCpus: 1, actionCpu: 1 });
    expect(run(scenario({ items: 3, itemRuntime: fixed(10), pool: one }), 2).actionLog?.endSeconds).toEqual([30, 20]);
  });
  test('transfers take no cpu', () => {
    // d_in 5 s then runtime 10 s: two actions on 1 cpu overlap their runtimes fully (5..25 at
    // rate 1/2), so both end at 25, not 5 + 20 + 5.
    const one = fixedPool(1, 2, { replicaCpus: 1, actionCpu: 1 });
    const r = run(scenario({ items: 2, itemRuntime: fixed(10), pool: one, phases: { downloadInputs: fixedPhase(5) } }));
    expect(r.actionLog?.endSeconds).toEqual([25, 25]);
  });
});

describe('pod per task', () => {
  test('pays create inside the slot for every action', () => {
    // 1 slot, create 5 s + runtime 10 s per action: 3 x 15 = 45 s, 3 pods, each billed 15 s.
    const r = run(scenario({ items: 3, itemRuntime: fixed(10), pool: pods(1), phases: { create: fixed(5) } }));
    expect(r).toMatchObject({ makespanSeconds: 45, coldStarts: 3, peakReplicas: 1 });
    expect(r.replicaSeconds).toEqual({ busy: 45, billed: 45 });
  });
  test('a warm reusable slot pays dispatch instead', () => {
    const r = run(scenario({ items: 3, itemRuntime: fixed(10), pool: fixedPool(1), phases: { create: fixed(5), dispatch: fixed(0.5) } }));
    expect(r).toMatchObject({ makespanSeconds: 31.5, coldStarts: 0 });
  });
});

describe('transfers and traces', () => {
  test('a transfer takes latency + bytes / bandwidth for the batch', () => {
    // b = 4 items of 250 B = 1000 B at 500 B/s = 2 s, + 1 s latency: d_in 3 s; runtime 4 x 1 s.
    const phases = { downloadInputs: { latency: fixed(1), bandwidthBytesPerSecond: 500 } };
    const r = run(scenario({ items: 4, itemInputBytes: 250, pool: pods(null), phases }), 4);
    expect(r.makespanSeconds).toBe(7);
  });
  test('a trace runs in the parent: u_in + e + runtime + u_out, bounded by the map concurrency', () => {
    // No create, d_in or d_out. u_in 1 + e 0.5 happen before the queue, for all four at once;
    // the map's concurrency of 2 bounds the part on the "slot" (runtime 3 + u_out 1), as for
    // tasks: 1.5 + 2 waves x 4 s = 9.5 s.
    const phases = {
      uploadInputs: fixedPhase(1),
      enqueue: fixed(0.5),
      uploadOutputs: fixedPhase(1),
      create: fixed(100),
      downloadInputs: fixedPhase(100),
      downloadOutputs: fixedPhase(100),
    };
    const r = run(scenario({ items: 4, itemRuntime: fixed(3), pattern: 'trace', mapConcurrency: 2, phases }));
    expect(r.makespanSeconds).toBe(9.5);
    expect(r).toMatchObject({ coldStarts: 0, peakReplicas: 0, replicaSeconds: { busy: 0, billed: 0 } });
  });
  test('the run limits cap running slots below the pool capacity', () => {
    // 10 replicas but maxActionConcurrency 2: 4 actions of 1 s take 2 s.
    expect(run(scenario({ items: 4, pool: fixedPool(10), maxActionConcurrency: 2 })).makespanSeconds).toBe(2);
  });
});
