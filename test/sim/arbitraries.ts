// Generated scenarios for the property tests (fast-check): the single fan-out's
// (test/sim/properties.test.ts) and the run engine's (test/workflow/runEngine.properties.test.ts).
import fc from 'fast-check';
import { type Dist, fixed } from '../../src/core/distribution.js';
import type { Scenario } from '../../src/core/model.js';
import { fixedPool, pods, scenario } from './builders.js';

/** Quarter seconds keep sums of fixed values exact in binary floating point. */
export const quarter = (max: number) => fc.integer({ min: 0, max: max * 4 }).map((q) => q / 4);

export const dist: fc.Arbitrary<Dist> = fc.oneof(
  quarter(3).map(fixed),
  fc.record({ kind: fc.constant('uniform' as const), min: quarter(1), max: quarter(2).map((x) => x + 1) }),
  fc.record({ kind: fc.constant('exponential' as const), mean: quarter(2).map((x) => x + 0.25) }),
  fc.record({ kind: fc.constant('lognormal' as const), mu: fc.double({ min: -1, max: 1, noNaN: true }), sigma: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

/**
 * Any scenario the simulator accepts, small enough to run in a millisecond or two: batches up to
 * `maxBatch`, trace steps only when `traces` (a workflow's trace steps are not single fan-outs).
 */
export const anyScenario = (maxBatch: number, traces: boolean): fc.Arbitrary<{ s: Scenario; b: number }> =>
  fc
    .record({
      items: fc.integer({ min: 1, max: 60 }),
      b: fc.integer({ min: 1, max: maxBatch }),
      runtime: dist,
      phase: dist,
      create: dist,
      inFlight: fc.integer({ min: 1, max: 30 }),
      enqueueRate: fc.oneof(fc.constant(Infinity), fc.integer({ min: 1, max: 20 })),
      cacheHitRatio: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      failureRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true })),
      retries: fc.integer({ min: 0, max: 3 }),
      pod: fc.boolean(),
      min: fc.integer({ min: 0, max: 3 }),
      extra: fc.integer({ min: 0, max: 3 }),
      concurrency: fc.integer({ min: 1, max: 3 }),
      ttl: fc.integer({ min: 0, max: 60 }),
      cold: fc.boolean(),
      cpus: fc.option(fc.integer({ min: 1, max: 3 })),
      trace: traces ? fc.boolean() : fc.constant(false),
      mapConcurrency: fc.integer({ min: 0, max: 4 }),
    })
    .map((g) => ({
      b: g.b,
      s: scenario({
        items: g.items,
        itemRuntime: g.runtime,
        inFlight: g.inFlight,
        enqueueRate: g.enqueueRate,
        cacheHitRatio: g.cacheHitRatio,
        failureRate: g.failureRate,
        retries: g.retries,
        retryBackoffSeconds: 2,
        pattern: g.trace ? 'trace' : 'task',
        mapConcurrency: g.mapConcurrency,
        perReplicaHour: 1,
        phases: {
          uploadInputs: { latency: g.phase, bandwidthBytesPerSecond: 1000 },
          downloadInputs: { latency: g.phase, bandwidthBytesPerSecond: null },
          uploadOutputs: { latency: g.phase, bandwidthBytesPerSecond: null },
          downloadOutputs: { latency: g.phase, bandwidthBytesPerSecond: 500 },
          enqueue: g.phase,
          create: g.create,
          dispatch: g.phase,
        },
        itemInputBytes: 100,
        itemOutputBytes: 50,
        pool: g.pod
          ? pods(g.min === 0 ? null : g.min)
          : fixedPool(g.min, g.concurrency, {
              maxReplicas: Math.max(1, g.min + g.extra),
              scaledownTtlSeconds: g.ttl,
              idleTtlSeconds: g.ttl,
              startCold: g.cold,
              replicaCpus: g.cpus,
              actionCpu: g.cpus === null ? null : 1,
            }),
      }),
    }));
