// Invariants of the simulator over generated scenarios (fast-check, modest run counts).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import type { Scenario } from '../../src/core/model.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import { fastPathApplies } from '../../src/core/sim/fastPath.js';
import { planOf } from '../../src/core/sim/simPlan.js';
import { anyScenario as anyScenarioOf, dist, quarter } from './arbitraries.js';
import { fixedPhase, fixedPool, pods, scenario } from './builders.js';

const anyScenario = anyScenarioOf(40, true);

describe('every scenario', () => {
  test('every action ends exactly once; attempts add up', () => {
    fc.assert(
      fc.property(anyScenario, fc.nat(), ({ s, b }, seed) => {
        const r = simulateReplication(s, b, seed, { recordActions: true });
        const actions = Math.ceil(s.workload.items / b);
        expect(r.actions).toBe(actions);
        expect(r.completedActions + r.failedActions).toBe(actions);
        const log = r.actionLog ?? { endSeconds: [], attempts: [] };
        expect(log.endSeconds).toHaveLength(actions);
        for (const end of log.endSeconds) {
          expect(end).toBeGreaterThanOrEqual(0);
          expect(end).toBeLessThanOrEqual(r.makespanSeconds);
        }
        expect(Math.max(...log.endSeconds)).toBe(r.makespanSeconds);
        // An action that was not a cache hit made 1..retries+1 attempts; a cache hit none.
        expect(log.attempts.filter((x) => x === 0)).toHaveLength(r.cacheHits);
        for (const n of log.attempts) expect(n).toBeLessThanOrEqual(s.failures.retries + 1);
        expect(log.attempts.reduce((x, y) => x + y, 0)).toBe(r.attempts);
        expect(r.utilization).toBeGreaterThanOrEqual(0);
        expect(r.utilization).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 150 },
    );
  });

  test('the same seed gives byte-identical results; a timeline changes nothing else', () => {
    fc.assert(
      fc.property(anyScenario, fc.nat(), ({ s, b }, seed) => {
        const once = simulateReplication(s, b, seed, { timeline: { intervalSeconds: 0.5 } });
        const again = simulateReplication(s, b, seed, { timeline: { intervalSeconds: 0.5 } });
        expect(JSON.stringify(again)).toBe(JSON.stringify(once));
        const { timeline, ...rest } = once;
        expect(timeline?.points.length ?? 0).toBeLessThanOrEqual(500);
        expect(JSON.stringify(simulateReplication(s, b, seed))).toBe(JSON.stringify(rest));
      }),
      { numRuns: 60 },
    );
  });

  test('any split of the replications gives the same replications', () => {
    fc.assert(
      fc.property(anyScenario, fc.integer(), fc.integer({ min: 1, max: 6 }), fc.nat(6), ({ s, b }, seed, runs, cut) => {
        const at = Math.min(cut, runs);
        const whole = simulateMany(s, b, { runs, seed });
        const parts = [...simulateMany(s, b, { runs, seed, from: 0, to: at }), ...simulateMany(s, b, { runs, seed, from: at, to: runs })];
        expect(JSON.stringify(parts)).toBe(JSON.stringify(whole));
      }),
      { numRuns: 30 },
    );
  });
});

describe('the fast path', () => {
  // Only the runtime and the slots vary: the shortcut must equal the event loop to the bit.
  const eligible = fc.record({
    items: fc.integer({ min: 1, max: 300 }),
    b: fc.integer({ min: 1, max: 40 }),
    runtime: dist,
    slots: fc.integer({ min: 1, max: 12 }),
    concurrency: fc.integer({ min: 1, max: 3 }),
    pod: fc.boolean(),
    unbounded: fc.boolean(),
    parentStart: quarter(10),
    mapConcurrency: fc.integer({ min: 0, max: 5 }),
    // Up to 300 actions: a rate (and so a burst) from 1 to 600 tokens delays some runs and not others.
    enqueueRate: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 600 })),
  });
  test('equals the event loop wherever it applies', () => {
    fc.assert(
      fc.property(eligible, fc.nat(), (g, seed) => {
        const s = scenario({
          items: g.items,
          itemRuntime: g.runtime,
          parentStartSeconds: g.parentStart,
          mapConcurrency: g.mapConcurrency,
          enqueueRate: g.enqueueRate,
          perReplicaHour: 2,
          pool: g.pod ? pods(g.unbounded ? null : g.slots) : fixedPool(g.slots, g.concurrency, { idleTtlSeconds: 30, scaledownTtlSeconds: 30 }),
        });
        const fast = simulateReplication(s, g.b, seed);
        const general = simulateReplication(s, g.b, seed, { fastPath: false });
        expect(JSON.stringify(fast)).toBe(JSON.stringify(general));
      }),
      { numRuns: 150 },
    );
  });
  test('applies under a rate limit exactly when the burst covers every action', () => {
    // 50 actions arrive together at 3 s; the bucket holds `rate` tokens. At 100 all 50 go through
    // at once; at 49 the 50th waits 1/49 s. (At exactly 50 the last grant can come a rounding
    // error late, in the event loop as in the check, which then declines.)
    const s = (rate: number): Scenario => scenario({ items: 50, itemRuntime: fixed(1), parentStartSeconds: 3, enqueueRate: rate, pool: fixedPool(4, 1, { idleTtlSeconds: 30 }) });
    expect(fastPathApplies(s(100), planOf(s(100), 1))).toBe(true);
    expect(fastPathApplies(s(49), planOf(s(49), 1))).toBe(false);
    // Events: a bucket grant, enqueue, attempt end and d_out per action, and the pool's idle timer.
    expect(simulateReplication(s(100), 1, 1).eventsProcessed).toBe(4 * 50 + 1);
    expect(JSON.stringify(simulateReplication(s(100), 1, 1))).toBe(JSON.stringify(simulateReplication(s(100), 1, 1, { fastPath: false })));
  });
});

describe('fixed values', () => {
  interface FixedParts {
    perAction: number;
    b: number;
    runtime: number;
    uIn: number;
    e: number;
    dIn: number;
    uOut: number;
    dOut: number;
    create: number;
    parentStart: number;
  }
  const fixedParts: fc.Arbitrary<FixedParts> = fc.record({
    perAction: fc.integer({ min: 1, max: 12 }),
    b: fc.integer({ min: 1, max: 5 }),
    runtime: quarter(3),
    uIn: quarter(2),
    e: quarter(2),
    dIn: quarter(2),
    uOut: quarter(2),
    dOut: quarter(2),
    create: quarter(4),
    parentStart: quarter(5),
  });
  const build = (g: FixedParts, extra: Parameters<typeof scenario>[0]): Scenario =>
    scenario({
      items: g.perAction * g.b,
      itemRuntime: fixed(g.runtime),
      parentStartSeconds: g.parentStart,
      phases: {
        uploadInputs: fixedPhase(g.uIn),
        enqueue: fixed(g.e),
        downloadInputs: fixedPhase(g.dIn),
        uploadOutputs: fixedPhase(g.uOut),
        downloadOutputs: fixedPhase(g.dOut),
        create: fixed(g.create),
      },
      ...extra,
    });
  /** MODEL §5's slot time for pods: t + d_in + b·r + u_out. */
  const slotTime = (g: FixedParts) => g.create + g.dIn + g.b * g.runtime + g.uOut;

  test('equal the closed form of MODEL §5 when slots bind', () => {
    fc.assert(
      fc.property(fixedParts, fc.integer({ min: 1, max: 8 }), (g, slots) => {
        // parentStart + u_in + e + ceil(A / C) × S + d_out
        const expected = g.parentStart + g.uIn + g.e + Math.ceil(g.perAction / slots) * slotTime(g) + g.dOut;
        expect(simulateReplication(build(g, { pool: pods(slots) }), g.b, 1).makespanSeconds).toBeCloseTo(expected, 9);
      }),
      { numRuns: 100 },
    );
  });
  test('equal the closed form when the in-flight limit binds', () => {
    fc.assert(
      fc.property(fixedParts, fc.integer({ min: 1, max: 8 }), (g, permits) => {
        // parentStart + ceil(A / P) × (u_in + e + S + d_out): a permit is held for all of it.
        const expected = g.parentStart + Math.ceil(g.perAction / permits) * (g.uIn + g.e + slotTime(g) + g.dOut);
        expect(simulateReplication(build(g, { pool: pods(null), inFlight: permits }), g.b, 1).makespanSeconds).toBeCloseTo(expected, 9);
      }),
      { numRuns: 100 },
    );
  });
  test('equal the closed form when the enqueue rate binds', () => {
    fc.assert(
      fc.property(fixedParts, fc.integer({ min: 1, max: 8 }), (g, rate) => {
        // parentStart + u_in + max(A - burst, 0) / rate + e + S + d_out, burst = rate tokens.
        const expected = g.parentStart + g.uIn + Math.max(g.perAction - rate, 0) / rate + g.e + slotTime(g) + g.dOut;
        expect(simulateReplication(build(g, { pool: pods(null), enqueueRate: rate }), g.b, 1).makespanSeconds).toBeCloseTo(expected, 9);
      }),
      { numRuns: 100 },
    );
  });
  test('more replicas never lengthen the makespan', () => {
    fc.assert(
      fc.property(
        fixedParts,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 12 }),
        fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 6 })),
        (g, replicas, more, concurrency, permits, rate) => {
          const at = (n: number) =>
            simulateReplication(build(g, { pool: fixedPool(n, concurrency), inFlight: permits, enqueueRate: rate }), g.b, 1).makespanSeconds;
          expect(at(replicas + more)).toBeLessThanOrEqual(at(replicas) + 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });
});
