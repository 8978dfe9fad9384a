// The in-flight permit term is computed whatever limits the slots (issue 10): a permit is held
// through u_in, e, the slot's queue, the slot and d_out, and for the whole of a cache hit.
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { effectiveConcurrency } from '../../src/core/concurrency.js';
import { estimateMakespan } from '../../src/core/estimate.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { fixedPool, phase, scenario } from '../helpers/scenario.js';

const estimate = (s: ReturnType<typeof scenario>) => estimateMakespan(s, 1, effectiveConcurrency(s));

describe('in-flight permits bind on their own', () => {
  test('5,000 actions on 500 slots with a 20 s d_out', () => {
    const s = scenario({
      workload: { items: 5_000, batchSize: 1, itemRuntime: fixed(2) },
      pool: fixedPool(500, 1),
      phases: { downloadOutputs: phase(20) },
      limits: { enqueueRatePerSecond: Infinity },
    });
    const e = estimate(s);
    // Slots: 10 waves × 2 s + 20 s = 40 s. Permits: 1,000 held 2 s + 20 s each, 5 permit waves
    // of 5,000 / 1,000: 5 × 22 = 110 s. The permit term sets the makespan.
    expect(e.terms.slots).toBeCloseTo(40, 9);
    expect(e.terms.inFlight).toBeCloseTo(110, 9);
    expect(e.binding).toBe('inFlight');
    expect(e.makespanSeconds).toBeCloseTo(110, 9);
    // Half of the first 1,000 permit holders wait 2 s for a slot: the simulator says 112 s.
    // Both limits shape the run, so the estimate is not exact.
    expect(e.exact).toBe(false);
    expect(simulateReplication(s, 1, 1).makespanSeconds).toBeCloseTo(112, 6);
  });

  test('5,000 cache hits with 1,000 permits take 5 × (u_in + e + d_out)', () => {
    const s = scenario({
      workload: { items: 5_000, batchSize: 1, cacheHitRatio: 1 },
      phases: { uploadInputs: phase(0.1), downloadOutputs: phase(0.5) },
      limits: { enqueueRatePerSecond: Infinity },
    });
    const e = estimate(s);
    // No action takes a slot: slots 0.1 + 0.5 = 0.6 s; permits 5 waves × 0.6 s = 3 s.
    expect(e.terms.slots).toBeCloseTo(0.6, 9);
    expect(e.makespanSeconds).toBeCloseTo(3, 9);
    expect(e.binding).toBe('inFlight');
    expect(e.exact).toBe(true);
    expect(simulateReplication(s, 1, 1).makespanSeconds).toBeCloseTo(3, 9);
  });

  test('permits that never run out leave the slot term alone and exact', () => {
    const s = scenario({ workload: { items: 900, batchSize: 1, itemRuntime: fixed(2) }, pool: fixedPool(300, 1), limits: { enqueueRatePerSecond: Infinity } });
    const e = estimate(s);
    // 900 actions on 1,000 permits: one permit wave, held to the end (3 waves × 2 s = 6 s).
    expect(e.terms.inFlight).toBeCloseTo(2, 9);
    expect(e.makespanSeconds).toBeCloseTo(6, 9);
    expect(e.binding).toBe('slots');
    expect(e.exact).toBe(true);
  });
});
