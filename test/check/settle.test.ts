import { describe, expect, test } from 'vitest';
import type { Assertion } from '../../src/core/check/assertion.js';
import { observeSimulated } from '../../src/core/check/observe.js';
import { firstBatch, nextCheckRuns } from '../../src/core/check/settle.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import type { Replication } from '../../src/core/sim/types.js';
import { fixedPool, scenario } from '../helpers/scenario.js';

const under = (metric: string, value: number): Assertion => ({ metric, op: '<=', value, written: String(value) });

describe('a simulated assertion runs until its verdict is settled', () => {
  test('first batch: 10, or enough runs for a quantile interval', () => {
    expect(firstBatch('makespan.meanSeconds', 200)).toBe(10);
    expect(firstBatch('makespan.p95Seconds', 200)).toBe(100); // 5 / 0.05
    expect(firstBatch('makespan.p95Seconds', 40)).toBe(40); // never past the maximum
  });

  test('an interval clear of the budget settles it', () => {
    expect(nextCheckRuns(under('makespan.meanSeconds', 100), { value: 80, ci95: [78, 82], runs: 10 }, 10, 200)).toEqual({ done: true, reason: 'settled' });
  });

  test('a straddled budget asks for the runs that would settle it', () => {
    // half-width 4 at 20 runs, 2 from the budget: runs to settle = 20 × (4/2)² = 80; with 5% to
    // spare, 84, capped at 4× the runs so far: 80.
    expect(nextCheckRuns(under('makespan.meanSeconds', 100), { value: 98, ci95: [94, 102], runs: 20 }, 20, 200)).toEqual({ done: false, runs: 80 });
    // and never past the maximum
    expect(nextCheckRuns(under('makespan.meanSeconds', 100), { value: 98, ci95: [94, 102], runs: 20 }, 20, 50)).toEqual({ done: false, runs: 50 });
    expect(nextCheckRuns(under('makespan.meanSeconds', 100), { value: 98, ci95: [94, 102], runs: 50 }, 50, 50)).toEqual({ done: true, reason: 'maxRuns' });
  });

  test('on a simulation: a far budget settles at the first batch, a near one takes more runs', () => {
    const s = scenario({ workload: { items: 400, batchSize: 1, itemRuntime: { kind: 'lognormal', mu: 0, sigma: 0.8 } }, pool: fixedPool(10, 1) });
    const loop = (a: Assertion, maxRuns: number): { runs: number; reason: string } => {
      let reps: Replication[] = [];
      for (;;) {
        const next = nextCheckRuns(a, reps.length ? observeSimulated(a.metric, reps) : undefined, reps.length, maxRuns);
        if (next.done) return { runs: reps.length, reason: next.reason };
        reps = [...reps, ...simulateMany(s, 1, { runs: next.runs, seed: 3, from: reps.length, to: next.runs })];
      }
    };
    const all = simulateMany(s, 1, { runs: 400, seed: 3 }).map((r) => r.makespanSeconds);
    const mean = all.reduce((x, y) => x + y, 0) / all.length;
    expect(loop(under('makespan.meanSeconds', 2 * mean), 400)).toEqual({ runs: 10, reason: 'settled' });
    const near = loop(under('makespan.meanSeconds', 1.01 * mean), 400);
    expect(near.runs).toBeGreaterThan(10);
    expect(['settled', 'maxRuns']).toContain(near.reason);
  });
});
