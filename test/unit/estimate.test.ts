import { describe, expect, it } from 'vitest';
import { effectiveConcurrency } from '../../src/core/concurrency.js';
import { fixed } from '../../src/core/distribution.js';
import { estimateMakespan } from '../../src/core/estimate.js';
import type { Scenario } from '../../src/core/model.js';
import { fixedPool, phase, scenario, type ScenarioOverrides } from '../helpers/scenario.js';

// Every example below uses these fixed phases (seconds) and 1,000 items of 1 s in batches of 10:
//   u_in = 1, e = 2, d_in = 3, u_out = 4, d_out = 5, t (create) = 30, warm dispatch = 0
//   A = ceil(1000 / 10) = 100 actions, batch runtime b·r = 10 s
//   warm slot time S = dispatch + d_in + b·r + u_out = 0 + 3 + 10 + 4 = 17 s
const PHASES: ScenarioOverrides['phases'] = {
  uploadInputs: phase(1),
  enqueue: fixed(2),
  downloadInputs: phase(3),
  uploadOutputs: phase(4),
  downloadOutputs: phase(5),
  create: fixed(30),
  dispatch: fixed(0),
};
const build = (o: ScenarioOverrides): Scenario =>
  scenario({ ...o, phases: { ...PHASES, ...o.phases }, workload: { items: 1000, itemRuntime: fixed(1), ...o.workload } });
const estimate = (s: Scenario, batch = 10) => estimateMakespan(s, batch, effectiveConcurrency(s));

describe('closed-form makespan (MODEL §5)', () => {
  it('slots bind', () => {
    // pool 5 × 2 = 10 slots → waves = ceil(100 / 10) = 10
    //   slots       = parentStart + u_in + e + waves·S + d_out = 0 + 1 + 2 + 10 × 17 + 5 = 178
    //   enqueueRate = u_in + max(100 − 100, 0) / 100 + e + S + d_out = 1 + 0 + 2 + 17 + 5 = 25
    const e = estimate(build({ pool: fixedPool(5, 2) }));
    expect(e.slotSeconds).toBe(17);
    expect(e.waves).toBe(10);
    expect(e.terms).toEqual({ slots: 178, enqueueRate: 25 });
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
    expect(e.terms).toEqual({ slots: 25, enqueueRate: 44 });
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

  it('a random input makes the estimate inexact (means are used)', () => {
    // exponential item runtime of mean 1 s: same numbers as the slots case, but not exact
    const e = estimate(build({ workload: { itemRuntime: { kind: 'exponential', mean: 1 } }, pool: fixedPool(5, 2) }));
    expect(e.makespanSeconds).toBeCloseTo(178, 9);
    expect(e.exact).toBe(false);
  });

  it('one wave in one burst: the slot and enqueue terms are the same sum, and exact', () => {
    // one wave (A = 10 ≤ 10 slots) and A ≤ burst (100): every action is uploaded, passes the
    // full bucket and enqueues at once, then runs: slots = enqueueRate = 1 + 2 + 17 + 5 = 25,
    // which is exactly when the last d_out ends.
    const e = estimate(build({ workload: { items: 100 }, pool: fixedPool(5, 2) }));
    expect(e.terms).toEqual({ slots: 25, enqueueRate: 25 });
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
