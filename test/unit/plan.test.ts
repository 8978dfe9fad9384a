import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { exitCodeFor } from '../../src/cli/exitCode.js';
import { plan } from '../../src/core/plan.js';
import { fixedPool, scenario, type ScenarioOverrides } from '../helpers/scenario.js';

const MiB = 1024 * 1024;
const codes = (o: ScenarioOverrides): string[] => plan(scenario(o)).findings.map((f) => f.code);

describe('plan findings', () => {
  it('a clean plan has none and exits 0', () => {
    // 1,000 items of 1 s, no overhead, pool 2 × 1: recommended 1, 1,000 actions, below target only
    const p = plan(scenario({ pool: fixedPool(2, 1) }));
    expect(p.findings).toEqual([]);
    expect(exitCodeFor(p.findings)).toBe(0);
  });

  it('findings are ordered error, warn, info and an error exits 1', () => {
    // batch 1 of 100 ms items over 60,000 items: over the limit (error), under the floor (warn), below recommended (info)
    const p = plan(scenario({ workload: { items: 60_000, itemRuntime: fixed(0.1), batchSize: 1 } }));
    const severities = p.findings.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warn', 'info'].indexOf(a) - ['error', 'warn', 'info'].indexOf(b)));
    expect(p.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['fanoutOverLimit', 'runtimeUnderFloor', 'chosenBelowRecommended']));
    // the fix names the smallest batch under the limit: ceil(60,000 / 50,000) = 2
    expect(p.findings.find((f) => f.code === 'fanoutOverLimit')?.message).toContain('batch at least 2 items');
    expect(exitCodeFor(p.findings)).toBe(1);
  });

  it('inline payload over 10 MiB', () => {
    // 100 items of 200 KB outputs in one batch = 20 MB > 10 MiB
    expect(codes({ workload: { items: 100, batchSize: 100, itemOutputBytes: 200_000 } })).toContain('inlinePayloadOver');
    expect(codes({ workload: { items: 100, batchSize: 100, itemOutputBytes: 200_000, data: 'reference' } })).not.toContain('inlinePayloadOver');
  });

  it('an infeasible plan uses the largest size the caps allow', () => {
    // floor wants 100 (r = 10 ms), memory allows floor(1 GiB / 50 MiB) = 20
    const p = plan(scenario({ workload: { items: 10_000, itemRuntime: fixed(0.01), itemMemoryBytes: 50 * MiB, taskMemoryBytes: 1024 * MiB } }));
    expect(p.batch.feasible).toBe(false);
    expect(p.batch.size).toBe(20);
    expect(p.findings.find((f) => f.code === 'batchInfeasible')?.message).toContain('memory');
  });

  it('concurrency above 1 needs async tasks; one replica of one slot risks starvation', () => {
    expect(codes({ pool: fixedPool(2, 4) })).toContain('concurrencyNeedsAsync');
    expect(codes({ pool: fixedPool(1, 1) })).toContain('starvationRisk');
    expect(codes({ pool: fixedPool(2, 1) })).not.toContain('starvationRisk');
  });

  it('the enqueue rate dominating', () => {
    // 100,000 actions of 1 s on 5,000 slots with 10^5 in flight: submitting takes (100,000 − 100) / 100 ≈ 999 s
    expect(codes({ workload: { items: 100_000, batchSize: 1 }, pool: fixedPool(500, 10), limits: { maxChildrenInFlight: 100_000 } })).toContain('enqueueRateDominates');
  });

  it('traces share the parent', () => {
    expect(codes({ workload: { pattern: 'trace' } })).toContain('traceSharesParent');
  });

  it('zero overhead: the ratio is unbounded, not NaN', () => {
    const p = plan(scenario());
    expect(p.batch.overheadSeconds).toBe(0);
    expect(Number.isNaN(p.batch.overheadRatio)).toBe(false);
    expect(p.batch.overheadRatio).toBeGreaterThan(1e300);
  });

  it('a chosen batch over the task memory is an error (memoryOver)', () => {
    // 100 items × 50 MiB = 5,000 MiB > 4,096 MiB; the memory bound is floor(4096 / 50) = 81
    const p = plan(scenario({ workload: { batchSize: 100, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } }));
    expect(p.batch.bounds.memory).toBe(81);
    const f = p.findings.find((x) => x.code === 'memoryOver');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('5000 MiB, over the 4096 MiB');
    // 80 items fit: no finding
    expect(codes({ workload: { batchSize: 80, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } })).not.toContain('memoryOver');
  });

  it('conflicting bounds are an error when flyscale picks the size, a warning when the scenario does', () => {
    // 20 ms items: the floor needs ceil(1 s / 20 ms) = 50 items, memory allows floor(4096 / 100) = 40
    const workload = { itemRuntime: fixed(0.02), itemMemoryBytes: 100 * MiB, taskMemoryBytes: 4096 * MiB };
    const auto = plan(scenario({ workload: { ...workload, batchSize: null } })).findings.find((f) => f.code === 'batchInfeasible');
    expect(auto?.severity).toBe('error');
    // the scenario's 40 fits in memory: the conflict only warns, and nothing else is an error
    const chosen = plan(scenario({ workload: { ...workload, batchSize: 40 } })).findings;
    expect(chosen.find((f) => f.code === 'batchInfeasible')?.severity).toBe('warn');
    expect(exitCodeFor(chosen)).toBe(0);
  });

  it('a reusable replica shares its memory among its concurrent batches', () => {
    // concurrency 4: floor(4096 MiB / (4 × 50 MiB)) = 20 items per batch
    const shared = scenario({ pool: fixedPool(2, 4), workload: { batchSize: 30, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } });
    const p = plan(shared);
    expect(p.batch.bounds.memory).toBe(20);
    // 4 × 30 × 50 MiB = 6,000 MiB > 4,096 MiB
    expect(p.findings.find((f) => f.code === 'memoryOver')?.message).toContain('4 concurrent batches of 30 items need 6000 MiB');
  });
});
