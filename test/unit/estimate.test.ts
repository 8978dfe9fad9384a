// The closed-form makespan against hand sums, and the plan's findings from it (the closed form
// against the simulator is in estimateVsSimulator.test.ts).
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/core/model.js';
import { plan } from '../../src/core/plan.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import { fixedPool, phase } from '../helpers/scenario.js';
import { build, estimate } from '../helpers/estimateScenario.js';

describe('closed-form makespan (MODEL §5)', () => {
  it('slots bind', () => {
    // pool 5 × 2 = 10 slots → waves = ceil(100 / 10) = 10
    //   slots       = parentStart + u_in + e + waves·S + d_out = 0 + 1 + 2 + 10 × 17 + 5 = 178
    //   enqueueRate = u_in + max(100 − 100, 0) / 100 + e + S + d_out = 1 + 0 + 2 + 17 + 5 = 25
    //   inFlight = one permit wave (100 ≤ 1,000): u_in + e + S + d_out = 25
    const e = estimate(build({ pool: fixedPool(5, 2) }));
    expect(e.slotSeconds).toBe(17);
    expect(e.waves).toBe(10);
    expect(e.terms).toEqual({ slots: 178, inFlight: 25, enqueueRate: 25 });
    expect(e.binding).toBe('slots');
    expect(e.makespanSeconds).toBe(178);
    expect(e.throughputItemsPerSecond).toBeCloseTo(1000 / 178, 12);
    expect(e.coldStartSeconds).toBe(0);
    expect(e.exact).toBe(true);
  });

  it('the parent start adds to every term', () => {
    // 178 + 7
    expect(estimate(build({ pool: fixedPool(5, 2), run: { parentStartSeconds: 7 } })).makespanSeconds).toBe(185);
  });

  it('the in-flight limit binds: a permit is held for the whole action', () => {
    // 20,000 items → A = 2,000; pool 500 × 10 = 5,000 slots, so the 1,000 children in flight bind.
    // Enqueue rate raised out of the way (10^6/s: no action waits for a token).
    //   slots    = 1 + 2 + ceil(2000 / 1000) × 17 + 5 = 42
    //   inFlight = 0 + ceil(2000 / 1000) × (u_in + e + S + d_out) = 2 × (1 + 2 + 17 + 5) = 50
    //   enqueueRate = 1 + 0 + 2 + 17 + 5 = 25
    const e = estimate(build({ workload: { items: 20_000 }, pool: fixedPool(500, 10), limits: { enqueueRatePerSecond: 1e6 } }));
    expect(e.terms).toEqual({ slots: 42, inFlight: 50, enqueueRate: 25 });
    expect(e.binding).toBe('inFlight');
    expect(e.makespanSeconds).toBe(50);
    expect(e.exact).toBe(true);
  });

  it('the enqueue rate binds', () => {
    // A = 2,000; pool 5,000 slots and in-flight raised to 10^5, so one wave; default rate 100/s, burst 100.
    //   slots       = 1 + 2 + 1 × 17 + 5 = 25
    //   enqueueRate = u_in + (2000 − 100) / 100 + e + S + d_out = 1 + 19 + 2 + 17 + 5 = 44
    const e = estimate(build({ workload: { items: 20_000 }, pool: fixedPool(500, 10), limits: { maxChildrenInFlight: 100_000 } }));
    // inFlight = one permit wave of 2,000 ≤ 10^5: 1 + 2 + 17 + 5 = 25
    expect(e.terms).toEqual({ slots: 25, inFlight: 25, enqueueRate: 44 });
    expect(e.binding).toBe('enqueueRate');
    expect(e.makespanSeconds).toBe(44);
    expect(e.throughputItemsPerSecond).toBeCloseTo(20_000 / 44, 12);
  });

  it('pod per task: t is inside the slot time, no separate cold start', () => {
    // S = t + d_in + b·r + u_out = 30 + 3 + 10 + 4 = 47; 10 cluster slots → 10 waves
    //   slots = 1 + 2 + 10 × 47 + 5 = 478
    const e = estimate(build({ pool: { mode: 'pod', clusterSlots: 10 } }));
    expect(e.slotSeconds).toBe(47);
    expect(e.makespanSeconds).toBe(478);
    expect(e.coldStartSeconds).toBe(0);
  });

  it('a cold start is added when the pool must grow', () => {
    // replicas (1, 10) × 1: 100 actions need more than the 1 warm slot → + t = 30
    //   slots = 1 + 2 + ceil(100 / 10) × 17 + 5 = 178, makespan 178 + 30 = 208
    const e = estimate(build({ pool: { minReplicas: 1, maxReplicas: 10, concurrency: 1 } }));
    expect(e.terms.slots).toBe(178);
    expect(e.coldStartSeconds).toBe(30);
    expect(e.makespanSeconds).toBe(208);
    expect(e.exact).toBe(false);
  });

  it('a cold start is added when the pool starts cold, or from zero replicas', () => {
    expect(estimate(build({ pool: { ...fixedPool(10, 1), startCold: true } })).makespanSeconds).toBe(208);
    expect(estimate(build({ pool: { minReplicas: 0, maxReplicas: 10, concurrency: 1 } })).makespanSeconds).toBe(208);
  });

  it('no cold start when the warm minimum holds every action', () => {
    // replicas (5, 10) × 2: 10 warm slots ≥ 10 actions (100 items in batches of 10)
    const e = estimate(build({ workload: { items: 100 }, pool: { minReplicas: 5, maxReplicas: 10, concurrency: 2 } }));
    expect(e.coldStartSeconds).toBe(0);
  });

  it('cache hits take no slot', () => {
    // half of the 100 actions hit the cache: 50 take a slot → waves = ceil(50 / 10) = 5
    //   slots = 1 + 2 + 5 × 17 + 5 = 93
    const e = estimate(build({ workload: { cacheHitRatio: 0.5 }, pool: fixedPool(5, 2) }));
    expect(e.waves).toBe(5);
    expect(e.terms.slots).toBe(93);
    expect(e.makespanSeconds).toBe(93);
  });

  it('a random input makes the estimate inexact and tail-aware', () => {
    // exponential item runtime of mean 1 s: the means give the slots case's 178 s, but the run
    // ends on the latest of the last wave's draws, so the tail-aware estimate is later.
    const s = build({ workload: { itemRuntime: { kind: 'exponential', mean: 1 } }, pool: fixedPool(5, 2) });
    const e = estimate(s);
    expect(e.method).toBe('tailAware');
    expect(e.makespanSeconds).toBeGreaterThan(178);
    expect(e.exact).toBe(false);
    // Against 400 simulated replications (standard error well under 1%): within 5%.
    const runs = 400;
    let sum = 0;
    for (const rep of simulateMany(s, 10, { runs, seed: 3 })) sum += rep.makespanSeconds;
    expect(Math.abs(e.makespanSeconds / (sum / runs) - 1)).toBeLessThan(0.05);
  });

  it('one wave in one burst: the slot and enqueue terms are the same sum, and exact', () => {
    // one wave (A = 10 ≤ 10 slots) and A ≤ burst (100): every action is uploaded, passes the
    // full bucket and enqueues at once, then runs: slots = enqueueRate = 1 + 2 + 17 + 5 = 25,
    // which is exactly when the last d_out ends.
    const e = estimate(build({ workload: { items: 100 }, pool: fixedPool(5, 2) }));
    expect(e.terms).toEqual({ slots: 25, inFlight: 25, enqueueRate: 25 });
    expect(e.exact).toBe(true);
  });

  it('many waves bound by the slots are exact when every input is fixed', () => {
    // 200 actions on 10 slots: 20 waves of S = 17: slots = 1 + 2 + 20 × 17 + 5 = 348;
    // enqueue: 1 + (200 − 100)/100 + 2 + 17 + 5 = 26; no tie, slots bind and all is fixed: exact.
    const e = estimate(build({ workload: { items: 2000 }, pool: fixedPool(5, 2) }));
    expect(e.terms.slots).toBe(348);
    expect(e.exact).toBe(true);
  });

  it('transfer sizes scale with the batch', () => {
    // 1 KB per item in and out over 1 MB/s on d_in and u_out: + 10 KB / 1 MB/s = 0.01 s each
    // S = 3.01 + 10 + 4.01 = 17.02; slots = 1 + 2 + 10 × 17.02 + 5 = 178.2
    const e = estimate(
      build({
        phases: { downloadInputs: phase(3, 1e6), uploadOutputs: phase(4, 1e6) },
        workload: { itemInputBytes: 1000, itemOutputBytes: 1000 },
        pool: fixedPool(5, 2),
      }),
    );
    expect(e.slotSeconds).toBeCloseTo(17.02, 12);
    expect(e.makespanSeconds).toBeCloseTo(178.2, 9);
  });
});

describe('plan findings from the estimate', () => {
  const codes = (s: Scenario) => plan(s).findings.filter((f) => f.code === 'actionsLost' || f.code === 'actionsAtRisk');

  it('actionsLost (error) when at least one action is expected to fail every attempt', () => {
    // 100 actions, p = 0.2, R = 1: 100 × 0.04 = 4 expected lost
    const f = codes(build({ workload: { batchSize: 10 }, pool: fixedPool(5, 2), failures: { failureRate: 0.2, retries: 1 } }));
    expect(f.map((x) => [x.code, x.severity])).toEqual([['actionsLost', 'error']]);
    expect(f[0]?.message).toContain('4.0 of 100 actions');
  });

  it('actionsAtRisk (warn) below one expected loss but from a 1% chance of one', () => {
    // p = 0.02, R = 1: each action is lost with 4 × 10^-4, 0.04 expected; 1 − (1 − 4 × 10^-4)^100 ≈ 3.9% → warn
    const at = codes(build({ workload: { batchSize: 10 }, pool: fixedPool(5, 2), failures: { failureRate: 0.02, retries: 1 } }));
    expect(at.map((x) => [x.code, x.severity])).toEqual([['actionsAtRisk', 'warn']]);
    expect(at[0]?.message).toContain('a 4% chance');
    // R = 2: 10^-6 per action, 0.01% for the run: nothing to say
    expect(codes(build({ workload: { batchSize: 10 }, pool: fixedPool(5, 2), failures: { failureRate: 0.01, retries: 2 } }))).toEqual([]);
  });
});
