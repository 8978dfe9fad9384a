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

  it('one batch size: a capped recommendation is the size every number uses', () => {
    // floor wants 100 (r = 10 ms), memory allows floor(1 GiB / 50 MiB) = 20: the floor is a
    // preference and yields; the actions limit needs only ceil(10,000 / 50,000) = 1, so it is feasible
    const p = plan(scenario({ workload: { items: 10_000, itemRuntime: fixed(0.01), itemMemoryBytes: 50 * MiB, taskMemoryBytes: 1024 * MiB } }));
    expect(p.batch.feasible).toBe(true);
    expect(p.batch).toMatchObject({ recommended: 20, binding: 'memory', size: 20, lowerBound: 100, lowerBinding: 'floor', cap: 20, minimum: 1, yielded: ['floor'] });
    // actions ceil(10,000 / 20) = 500, and the estimate uses the same 20: 500 actions on 2 slots,
    // 250 waves of 20 × 10 ms = 0.2 s, makespan 250 × 0.2 = 50 s
    expect(p.fanout.actions).toBe(500);
    expect(p.estimate.makespanSeconds).toBeCloseTo(50, 9);
    const capped = p.findings.find((f) => f.code === 'batchCapped');
    expect(capped?.severity).toBe('info');
    // to batch 100: 100 × 50 MiB = 5,000 MiB = 4.9 GiB (4.8828 rounded to one decimal)
    expect(capped?.message).toContain('give each task at least 4.9GiB (taskMemory)');
    expect(exitCodeFor(p.findings)).toBe(0);
  });

  it('a soft target is not a hard limit: 5% over the fan-out target with batchSize auto exits 0', () => {
    // N = 1,050,000: the fan-out target asks for ceil(1,050,000 / 20,000) = 53 items; memory allows
    // floor(4,000 MiB / 80 MiB) = 50, so 21,000 actions (5% over 20,000) but under the 50,000 limit
    const workload = { items: 1_050_000, itemRuntime: fixed(2), itemMemoryBytes: 80 * MiB, taskMemoryBytes: 4000 * MiB };
    const auto = plan(scenario({ workload }));
    expect(auto.batch).toMatchObject({ recommended: 50, size: 50, feasible: true, conflicts: [] });
    expect(auto.fanout.actions).toBe(21_000);
    expect(auto.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['fanoutAboveTarget', 'batchCapped']));
    expect(exitCodeFor(auto.findings)).toBe(0);
    // pinning the same size gives the same exit code
    expect(exitCodeFor(plan(scenario({ workload: { ...workload, batchSize: 50 } })).findings)).toBe(0);
  });

  it('a hard limit against a cap is infeasible, with one quantified remedy per conflict', () => {
    // N = 10,000,000 needs ceil(10^7 / 50,000) = 200 items per action; memory allows
    // floor(1 GiB / 50 MiB) = 20 → infeasible; the plan continues with 20 (500,000 actions)
    const p = plan(scenario({ pool: { mode: 'pod', clusterSlots: null }, workload: { items: 10_000_000, itemRuntime: fixed(0.01), itemMemoryBytes: 50 * MiB, taskMemoryBytes: 1024 * MiB } }));
    expect(p.batch).toMatchObject({ feasible: false, recommended: 20, size: 20, minimum: 200 });
    expect(p.fanout.actions).toBe(500_000);
    const infeasible = p.findings.filter((f) => f.code === 'batchInfeasible');
    expect(infeasible).toHaveLength(1);
    const m = infeasible[0]?.message ?? '';
    expect(infeasible[0]?.severity).toBe('error');
    // 200 × 50 MiB = 10,000 MiB = 9.8 GiB; per item 1 GiB / 200 = 5.12 MiB = 5.1MiB; a run of
    // 20 × 50,000 = 1,000,000 items fits both limits
    expect(m).toContain('at least 200 items per action');
    expect(m).toContain('9.8GiB (taskMemory)');
    expect(m).toContain('5.1MiB per item');
    expect(m).toContain('runs of at most 1,000,000');
    // a pod holds one batch: lowering concurrency would not help, so it is not offered
    expect(m).not.toContain('concurrency');
    // each remedy once
    expect(m.split('taskMemory')).toHaveLength(2);
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

  it('one of replicaCpus and actionCpu without the other: CPU sharing is off, and said', () => {
    expect(codes({ pool: { replicaCpus: 4 } })).toContain('cpuSharingOff');
    expect(codes({ pool: { actionCpu: 1 } })).toContain('cpuSharingOff');
    expect(codes({ pool: { replicaCpus: 4, actionCpu: 1 } })).not.toContain('cpuSharingOff');
    expect(codes({})).not.toContain('cpuSharingOff');
  });

  it('an unreachable overhead ratio names the data per item that would reach it', () => {
    // u_in 100 ms + 1 MB/s, 1,000 input bytes per item: B = 1 ms; r = 5 ms, k = 10: k·B·f < r needs
    // f < 0.005 / (10 × 0.001) = 0.5, so less than 500 B in per item
    const p = plan(scenario({ phases: { uploadInputs: { latency: fixed(0.1), bandwidthBytesPerSecond: 1e6 } }, workload: { items: 100_000, itemRuntime: fixed(0.005), itemInputBytes: 1000, data: 'reference' } }));
    expect(p.findings.find((f) => f.code === 'overheadUnreachable')?.message).toContain('pass data by reference, or move less than 500B in per item');
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
    // 5,000 MiB = 4.9 GiB against 4 GiB; the remedy names the 81-item bound and the memory that fits 100
    expect(f?.message).toContain('needs 4.9GiB, over the 4GiB');
    expect(f?.message).toContain('use batches of at most 81 items or give each task at least 4.9GiB (taskMemory)');
    // 80 items fit: no finding
    expect(codes({ workload: { batchSize: 80, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } })).not.toContain('memoryOver');
  });

  it('conflicting hard bounds are an error when flyscale picks the size, a warning when the scenario does', () => {
    // 2,500,000 items need ceil(2.5·10^6 / 50,000) = 50 per action, memory allows floor(4096 / 100) = 40
    const workload = { items: 2_500_000, itemRuntime: fixed(0.02), itemMemoryBytes: 100 * MiB, taskMemoryBytes: 4096 * MiB };
    const auto = plan(scenario({ workload: { ...workload, batchSize: null } })).findings.find((f) => f.code === 'batchInfeasible');
    expect(auto?.severity).toBe('error');
    // the scenario's 40 fits in memory: the conflict only warns; its 62,500 actions are the error
    const chosen = plan(scenario({ workload: { ...workload, batchSize: 40 } })).findings;
    expect(chosen.find((f) => f.code === 'batchInfeasible')?.severity).toBe('warn');
    expect(chosen.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['fanoutOverLimit']);
  });

  it('a reusable replica shares its memory among its concurrent batches', () => {
    // concurrency 4: floor(4096 MiB / (4 × 50 MiB)) = 20 items per batch
    const shared = scenario({ pool: fixedPool(2, 4), workload: { batchSize: 30, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } });
    const p = plan(shared);
    expect(p.batch.bounds.memory).toBe(20);
    // 4 × 30 × 50 MiB = 6,000 MiB > 4,096 MiB
    const m = p.findings.find((f) => f.code === 'memoryOver')?.message;
    // 6,000 MiB = 5.9 GiB (5.859); 4 GiB holds floor(4096 / (30 × 50)) = 2 batches of 30: concurrency 2
    expect(m).toContain('4 concurrent batches of 30 items need 5.9GiB');
    expect(m).toContain('run at most 2 actions per replica (concurrency 2)');
  });

  it('a pod-per-task plan over its memory never suggests lowering concurrency', () => {
    // pods hold one batch: 100 × 50 MiB = 4.9 GiB > 4 GiB; concurrency is not offered
    const p = plan(scenario({ pool: { mode: 'pod', clusterSlots: 10 }, workload: { batchSize: 100, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } }));
    const m = p.findings.find((f) => f.code === 'memoryOver')?.message ?? '';
    expect(m).toContain('a batch of 100 items needs 4.9GiB');
    expect(m).not.toMatch(/concurrency/);
  });
});
