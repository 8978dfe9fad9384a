// The in-flight permit term is computed whatever limits the slots (issue 10): a permit is held
// through u_in, e, the slot's queue, the slot and d_out, and for the whole of a cache hit.
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { effectiveConcurrency } from '../../src/core/concurrency.js';
import { estimateMakespan } from '../../src/core/estimate.js';
import { plan } from '../../src/core/plan.js';
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

describe('the binding limit is the term that sets the makespan', () => {
  test('the plan names the permits when their term sets the makespan, though the slots are fewer', () => {
    const s = scenario({
      workload: { items: 5_000, batchSize: 1, itemRuntime: fixed(2) },
      pool: fixedPool(500, 1),
      phases: { downloadOutputs: phase(20) },
      limits: { enqueueRatePerSecond: Infinity },
    });
    const p = plan(s);
    expect(p.estimate.binding).toBe('inFlight');
    expect(p.concurrency.binding).toBe('childrenInFlight');
    expect(p.concurrency.effective).toBe(500); // the slots still cap what runs at once
  });

  test('261 actions submitted in 1.6 s do not make the enqueue rate bind a 400 s run', () => {
    // One wave of 261 on 300 slots, 400 s each: slots 400 s; enqueue (261 − 100) / 100 = 1.61 s
    // more: 401.61 s, 0.4% above: under the 1% margin, so the slots bind; the makespan is still
    // the largest term.
    const s = scenario({ workload: { items: 261, batchSize: 1, itemRuntime: fixed(400) }, pool: fixedPool(300, 1) });
    const e = estimate(s);
    expect(e.terms.slots).toBeCloseTo(400, 9);
    expect(e.terms.enqueueRate).toBeCloseTo(401.61, 9);
    expect(e.binding).toBe('slots');
    expect(e.makespanSeconds).toBeCloseTo(401.61, 9);
    // 2,000 actions take 19 s to submit: 419 s, 4.75% above the slots' 400 s: the rate binds.
    const many = scenario({ workload: { items: 2_000, batchSize: 1, itemRuntime: fixed(400) }, pool: fixedPool(3_000, 1), limits: { maxChildrenInFlight: 10_000 } });
    expect(estimate(many).binding).toBe('enqueueRate');
  });
});
