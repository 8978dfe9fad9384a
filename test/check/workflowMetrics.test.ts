// A workflow's simulated metrics read off hand-made replications of the run, so each expected
// number is worked on paper.
import { describe, expect, test } from 'vitest';
import { observeMetric } from '../../src/core/check/observe.js';
import { firstBatch } from '../../src/core/check/settle.js';
import { isWorkflowSimulateMetric, workflowMetric } from '../../src/core/check/workflowMetrics.js';
import type { RunReplication } from '../../src/core/sim/workflow/composeRun.js';

const env = (cost: number | null, billed = 0) => ({ busyReplicaSeconds: billed / 2, billedReplicaSeconds: billed, coldStarts: 1, cost, weightedUtilization: 0, seconds: 0 });
function run(makespanSeconds: number, costs: (number | null)[] = [], endOfB = makespanSeconds): RunReplication {
  return { seed: 0, makespanSeconds, steps: { a: { startSeconds: 1, endSeconds: 2 }, b: { startSeconds: 2, endSeconds: endOfB } }, environments: Object.fromEntries(costs.map((c, i) => [`e${i}`, env(c, 100 * (i + 1))])) };
}
const observe = (metric: string, reps: RunReplication[]) => {
  const m = workflowMetric(metric);
  return m === undefined ? undefined : observeMetric(m, reps);
};

describe('workflow metrics', () => {
  test('latency by either name: the mean with its t interval, and quantiles of the runs', () => {
    // 9 and 11: mean 10, s = √2, half-width t(1) · √2 / √2 = 12.706.
    for (const root of ['latency', 'makespan']) {
      const o = observe(`${root}.meanSeconds`, [run(9), run(11)]);
      expect(o?.value).toBe(10);
      expect(o?.ci95?.[1]).toBeCloseTo(22.706, 3);
    }
    // 1 … 100: the p99 by linear interpolation at rank 0.99 · 99 = 98.01 → 99 + 0.01 = 99.01.
    const hundred = Array.from({ length: 100 }, (_, i) => run(i + 1));
    expect(observe('latency.p99Seconds', hundred)?.value).toBeCloseTo(99.01, 9);
    expect(observe('latency.stddevSeconds', [run(9), run(11)])).toEqual({ value: Math.SQRT2, runs: 2 });
  });

  test('a p99 starts with 500 runs, so that n · 0.01 ≥ 5', () => {
    const st = workflowMetric('latency.p99Seconds')?.statistic;
    expect(st).toEqual({ kind: 'quantile', p: 0.99 });
    if (st) expect(firstBatch(st, 1000)).toBe(500);
  });

  test("a step's end, and the run's cost and replica-seconds summed over its environments", () => {
    expect(observe('steps.b.end.meanSeconds', [run(10, [], 8), run(10, [], 12)])?.value).toBe(10);
    expect(observe('steps.a.start.meanSeconds', [run(10)])?.value).toBe(1);
    // costs 1 + 2 (the unpriced environment adds nothing) = 3, and 3 + 5 = 8: mean 5.5.
    expect(observe('cost.mean', [run(1, [1, null, 2]), run(1, [3, 5])])?.value).toBe(5.5);
    // billed 100 + 200 = 300 in each run
    expect(observe('replicaSeconds.billed.mean', [run(1, [1, 2]), run(1, [1, 2])])?.value).toBe(300);
  });

  test('no value: a step the run lacks, a cost without any price, a path that is not a metric', () => {
    expect(observe('steps.c.end.meanSeconds', [run(1)])).toBeUndefined();
    expect(observe('cost.mean', [run(1, [null, null])])).toBeUndefined();
    for (const m of ['latency.toString', 'latency.p99Seconds.x', 'steps.a.endSeconds', 'constructor']) {
      expect(workflowMetric(m), m).toBeUndefined();
      expect(isWorkflowSimulateMetric(m), m).toBe(false);
    }
  });
});
