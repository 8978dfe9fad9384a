// --p99: the fewest replicas whose simulated p99 meets the target, found by doubling from the
// fewest stable replicas and halving the gap; a target below the runs' own work is unreachable.
import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import type { ArrivalsSpec } from '../../src/core/stream/arrivalsSpec.js';
import { recommendPool, withReplicas } from '../../src/core/stream/recommendPool.js';
import { scenarioWorkflow } from '../../src/core/workflow/scenarioWorkflow.js';
import { scenario, zeroPhases } from '../helpers/scenario.js';

const arrivals: ArrivalsSpec = { process: { kind: 'poisson', ratePerSecond: 6 }, runs: 4_000, durationSeconds: null, warmupSeconds: 60, shape: null, periodSeconds: 86_400 };
const w = scenarioWorkflow('svc', scenario({ phases: zeroPhases(), workload: { items: 1, itemRuntime: { kind: 'exponential', mean: 1 } }, pool: { minReplicas: 2, maxReplicas: 2, concurrency: 2 } }));
const input = { workflow: w, sizing: () => ({ batch: 1, sharedSlots: null }), arrivals, replications: 3, seed: 3, timelineIntervalSeconds: null };

describe('recommending a pool for a p99 target', () => {
  it('finds the fewest replicas that meet it, and shows that one fewer does not', () => {
    // 6 runs/s × 1 s = 6 erlangs on replicas of 2 slots: 4 replicas (8 slots) are the fewest stable.
    // The p99 of Exp(1) alone is ln 100 ≈ 4.6 s; 5.5 s leaves the queue less than a second of it.
    const rec = recommendPool(input, simulateStream, 5.5);
    expect(rec).toMatchObject({ environment: 'pool', concurrency: 2, reason: null });
    expect(rec.tries[0]?.replicas).toBe(4);
    const n = rec.replicas ?? 0;
    const at = rec.tries.find((t) => t.replicas === n);
    expect(at?.meets).toBe(true);
    expect(at?.p99Seconds ?? Infinity).toBeLessThanOrEqual(5.5);
    // Either n is the fewest stable count, or n − 1 was simulated and missed.
    if (n > 4) expect(rec.tries.find((t) => t.replicas === n - 1)?.meets).toBe(false);
    // Every size tried at or above n met the target, every one below missed: the search's order holds.
    for (const t of rec.tries) expect(t.meets).toBe(t.replicas >= n);
    // Below 4 replicas the load is at least the slots: the search never spends a step on them.
    expect(rec.tries.every((t) => t.replicas >= 4 && t.p99Seconds !== null)).toBe(true);
  });
  it('does not try a size below the fewest stable when that one already meets the target', () => {
    // 4 replicas are the fewest stable (above); a loose 60 s target is met there at once.
    const rec = recommendPool(input, simulateStream, 60);
    expect(rec.replicas).toBe(4);
    expect(rec.tries.map((t) => t.replicas)).toEqual([4]);
  });
  it('says a target under the runs own work cannot be met by more replicas', () => {
    // Every run is at least its own exponential runtime: p99 of Exp(1) alone is ln 100 ≈ 4.6 s.
    const rec = recommendPool(input, simulateStream, 2);
    expect(rec.replicas).toBeNull();
    expect(rec.reason).toMatch(/most of it the runs' own steps and overheads/);
    // It stopped doubling once twice the replicas no longer moved the p99.
    expect(rec.tries.length).toBeLessThanOrEqual(7);
  });
  it('resizes a fixed pool as fixed and an autoscaling one by its maximum', () => {
    expect(withReplicas(w, 'pool', 7).environments[0]?.pool).toMatchObject({ minReplicas: 7, maxReplicas: 7 });
    const auto = scenarioWorkflow('a', scenario({ workload: { items: 1, itemRuntime: fixed(1) }, pool: { minReplicas: 1, maxReplicas: 3, concurrency: 1 } }));
    expect(withReplicas(auto, 'pool', 9).environments[0]?.pool).toMatchObject({ minReplicas: 1, maxReplicas: 9 });
    expect(withReplicas(auto, 'pool', 9).steps[0]?.scenario.pool).toMatchObject({ minReplicas: 1, maxReplicas: 9 });
  });
});
