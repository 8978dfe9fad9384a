import { describe, expect, it } from 'vitest';
import { effectiveConcurrency } from '../../src/core/concurrency.js';
import { fixedPool, scenario, type ScenarioOverrides } from '../helpers/scenario.js';

const c = (o: ScenarioOverrides) => effectiveConcurrency(scenario(o));
// A pool of 500 × 10 = 5,000 slots: larger than every software limit below.
const big = fixedPool(500, 10);

describe('effective concurrency: the smallest limit, and which one (MODEL §3)', () => {
  it('reusable capacity = max replicas × concurrency', () => {
    // replicas (5, 20) × 10 = 200 < 1,000 in flight
    expect(c({ pool: { minReplicas: 5, maxReplicas: 20, concurrency: 10 } })).toEqual({
      effective: 200,
      binding: 'reusableCapacity',
      limits: { reusableCapacity: 200, childrenInFlight: 1000 },
    });
  });

  it('cluster slots (pod per task)', () => {
    expect(c({ pool: { mode: 'pod', clusterSlots: 300 } })).toMatchObject({ effective: 300, binding: 'clusterSlots' });
  });

  it('an unbounded cluster leaves the in-flight limit', () => {
    const r = c({ pool: { mode: 'pod', clusterSlots: null } });
    expect(r).toMatchObject({ effective: 1000, binding: 'childrenInFlight' });
    expect(r.limits).toEqual({ childrenInFlight: 1000 });
  });

  it('map concurrency; 0 means unbounded', () => {
    expect(c({ pool: big, run: { mapConcurrency: 50 } })).toMatchObject({ effective: 50, binding: 'mapConcurrency' });
    expect(c({ pool: big, run: { mapConcurrency: 0 } }).limits).not.toHaveProperty('mapConcurrency');
  });

  it("the run's max action concurrency", () => {
    expect(c({ pool: big, run: { mapConcurrency: 100, maxActionConcurrency: 30 } })).toMatchObject({ effective: 30, binding: 'maxActionConcurrency' });
  });

  it("the queue's action concurrency", () => {
    expect(c({ pool: big, run: { maxActionConcurrency: 60, queueConcurrency: 40 } })).toMatchObject({ effective: 40, binding: 'queueConcurrency' });
  });

  it('children in flight per parent', () => {
    expect(c({ pool: big })).toMatchObject({ effective: 1000, binding: 'childrenInFlight' });
    expect(c({ pool: big, limits: { maxChildrenInFlight: 250 } })).toMatchObject({ effective: 250, binding: 'childrenInFlight' });
  });

  it('ties go to the pool', () => {
    // 10 × 10 = 100 = map concurrency = max action concurrency
    expect(c({ pool: fixedPool(10, 10), run: { mapConcurrency: 100, maxActionConcurrency: 100 } }).binding).toBe('reusableCapacity');
    expect(c({ pool: { mode: 'pod', clusterSlots: 1000 } }).binding).toBe('clusterSlots');
  });

  it('traces ignore the pool: they run in the parent', () => {
    const r = c({ workload: { pattern: 'trace' }, pool: fixedPool(1, 1) });
    expect(r).toMatchObject({ effective: 1000, binding: 'childrenInFlight' });
    expect(r.limits).not.toHaveProperty('reusableCapacity');
    expect(c({ workload: { pattern: 'trace' }, pool: { mode: 'pod', clusterSlots: 5 } }).limits).not.toHaveProperty('clusterSlots');
    // software limits still apply to traces
    expect(c({ workload: { pattern: 'trace' }, run: { mapConcurrency: 8 } })).toMatchObject({ effective: 8, binding: 'mapConcurrency' });
  });
});
