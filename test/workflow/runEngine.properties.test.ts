// Invariants of the shared-queue run engine over generated scenarios (fast-check): a one-step
// run is exactly the single fan-out event loop (an independent implementation of MODEL §6);
// every action of a many-step stream ends once; same seed, same bytes.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { simulateRun } from '../../src/core/sim/workflow/composeRun.js';
import { runEngine, simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import { anyScenario as anyScenarioOf, quarter } from '../sim/arbitraries.js';
import { fixedPool, scenario } from '../sim/builders.js';
import { workflowOf } from './engineBuilders.js';

const anyScenario = anyScenarioOf(10, false);

const one = (stream = Float64Array.of(0)) => ({ arrivalSeconds: stream, statsFromSeconds: 0, timelineIntervalSeconds: null });

describe('the run engine', () => {
  test('one step is the single fan-out event loop, draw for draw', () => {
    fc.assert(
      fc.property(anyScenario, fc.nat(), ({ s, b }, seed) => {
        // A source whose actions all fit in its bucket's burst (at most ceil(rate) - 1) skips the
        // bucket event, so its enqueue draws come in another order: see the next property.
        fc.pre(!Number.isFinite(s.limits.enqueueRatePerSecond) || Math.ceil(s.workload.items / b) > Math.max(1, Math.ceil(s.limits.enqueueRatePerSecond) - 1));
        const w = workflowOf([{ name: 'm', scenario: s }]);
        const run = simulateRun(w, () => ({ batch: b, sharedSlots: null }), seed);
        const single = simulateReplication(s, b, seed, { fastPath: false });
        expect(run.makespanSeconds).toBe(single.makespanSeconds);
        const e = run.environments.e;
        expect(e?.coldStarts).toBe(single.coldStarts);
        expect(e?.billedReplicaSeconds).toBeCloseTo(single.replicaSeconds.billed, 6);
        expect(e?.busyReplicaSeconds).toBeCloseTo(single.replicaSeconds.busy, 6);
        // Pods: the environment counts its clusterSlots (or the most pods at once) as its slots, where
        // the single fan-out counts the step's own concurrency limit when it is lower.
        const unboundedPods = s.pool.mode === 'pod' && s.run.mapConcurrency > 0;
        if (!unboundedPods) expect((e?.weightedUtilization ?? 0) / Math.max(1e-300, e?.seconds ?? 0)).toBeCloseTo(single.makespanSeconds > 0 ? single.utilization : 0, 6);
      }),
      { numRuns: 150 },
    );
  });

  test('with fixed times, one step ends with the single fan-out whatever the order of the draws', () => {
    const fixedTimes = anyScenario.map(({ s, b }) => {
      const f = fixed(0.5);
      const phase = { latency: f, bandwidthBytesPerSecond: null };
      const phases = { uploadInputs: phase, downloadInputs: phase, uploadOutputs: phase, downloadOutputs: phase, enqueue: fixed(0.25), create: fixed(2), dispatch: fixed(0.25) };
      return { b, s: { ...s, phases, workload: { ...s.workload, itemRuntime: fixed(1), cacheHitRatio: 0 }, failures: { ...s.failures, failureRate: 0 } } };
    });
    fc.assert(
      fc.property(fixedTimes, ({ s, b }) => {
        const run = simulateRun(workflowOf([{ name: 'm', scenario: s }]), () => ({ batch: b, sharedSlots: null }), 1);
        expect(run.makespanSeconds).toBe(simulateReplication(s, b, 1, { fastPath: false }).makespanSeconds);
      }),
      { numRuns: 100 },
    );
  });

  // Per step, as for one fan-out: y runs after x, so each step has the pool to itself. Two steps
  // overlapping on one FIFO queue are not monotone (Graham's list-scheduling anomaly): fast-check
  // found x = 56 one-item actions of 0.75 s with 14 permits beside y = 5 actions of 0 s with one
  // permit, where a 7th replica of concurrency 1 takes the run from 9.5 s to 10 s: x's permits
  // come round faster and put more of x in the queue ahead of each of y's one-at-a-time actions.
  // docs/simulator.md ("Workflows") says so.
  test('more warm replicas never make a chain of steps on one pool slower, with fixed times', () => {
    const part = fc.record({ items: fc.integer({ min: 1, max: 80 }), b: fc.integer({ min: 1, max: 5 }), runtime: quarter(3), after: fc.constant(true), inFlight: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(part, part, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 3 }), (x, y, replicas, concurrency) => {
        const phases = { uploadInputs: { latency: fixed(0.5), bandwidthBytesPerSecond: null }, enqueue: fixed(0.25), downloadOutputs: { latency: fixed(0.5), bandwidthBytesPerSecond: null } };
        const makespan = (n: number) => {
          const pool = fixedPool(n, concurrency);
          const sx = scenario({ items: x.items, itemRuntime: fixed(x.runtime), inFlight: x.inFlight, phases, pool });
          const sy = scenario({ items: y.items, itemRuntime: fixed(y.runtime), inFlight: y.inFlight, phases, pool });
          const w = workflowOf([{ name: 'x', scenario: sx }, { name: 'y', scenario: sy, after: y.after ? ['x'] : [] }]);
          return simulateRun(w, (name) => ({ batch: name === 'x' ? x.b : y.b, sharedSlots: null }), 1).makespanSeconds;
        };
        expect(makespan(replicas + 1)).toBeLessThanOrEqual(makespan(replicas));
      }),
      { numRuns: 150 },
    );
  });

  test('a stream of two steps on one environment: every action ends once, and the same seed gives the same bytes', () => {
    fc.assert(
      fc.property(anyScenario, anyScenario, fc.array(quarter(20), { minLength: 1, maxLength: 6 }), fc.nat(), (x, y, gaps, seed) => {
        const w = workflowOf([{ name: 'x', scenario: x.s }, { name: 'y', scenario: { ...y.s, pool: x.s.pool }, after: gaps.length % 2 === 0 ? ['x'] : [] }]);
        const sizing = (name: string) => ({ batch: name === 'x' ? x.b : y.b, sharedSlots: null });
        let t = 0;
        const arrivals = Float64Array.from(gaps, (g) => (t += g));
        const loop = runEngine(w, sizing, one(arrivals), seed);
        const perRun = Math.ceil(x.s.workload.items / x.b) + Math.ceil(y.s.workload.items / y.b);
        expect(loop.actions.attempts).toHaveLength(perRun * arrivals.length);
        for (const n of loop.actions.attempts) expect(n).toBeLessThanOrEqual(Math.max(x.s.failures.retries, y.s.failures.retries) + 1);
        for (let r = 0; r < arrivals.length; r++) {
          expect(loop.runEnd[r]).toBeGreaterThanOrEqual(arrivals[r] ?? 0);
          // y after x when it waits for it; each step within its run.
          if (w.steps[1]?.after.length === 1) expect(loop.stepStart[2 * r + 1]).toBe(loop.stepEnd[2 * r]);
          expect(loop.stepEnd[2 * r + 1]).toBeLessThanOrEqual(loop.runEnd[r] ?? 0);
        }
        const a = simulateStream(w, sizing, { ...one(arrivals), timelineIntervalSeconds: 0.5 }, seed);
        const b = simulateStream(w, sizing, { ...one(arrivals), timelineIntervalSeconds: 0.5 }, seed);
        const bytes = (r: typeof a) => JSON.stringify({ ...r, latencySeconds: Array.from(r.latencySeconds), actionWaitSeconds: Array.from(r.actionWaitSeconds) });
        expect(bytes(b)).toBe(bytes(a));
        expect(a.latencySeconds).toHaveLength(arrivals.length);
        for (const e of Object.values(a.environments)) expect(e.busySlotSeconds).toBeLessThanOrEqual(e.readySlotSeconds + 1e-6);
      }),
      { numRuns: 80 },
    );
  });
});
