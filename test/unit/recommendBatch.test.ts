import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { recommendBatch } from '../../src/core/recommendBatch.js';
import { phase, scenario, type ScenarioOverrides } from '../helpers/scenario.js';

const MiB = 1024 * 1024;
/** A scenario whose whole per-action overhead is the enqueue time O (seconds). */
const withOverhead = (o: number, rest: ScenarioOverrides = {}): ScenarioOverrides => ({ ...rest, phases: { enqueue: fixed(o), ...rest.phases } });

describe('lower bounds of MODEL §4, each binding in turn', () => {
  it('overhead: ceil(k·O / r)', () => {
    // r = 0.1 s, O = 0.5 s, k = 10 → ceil(10 × 0.5 / 0.1) = 50
    // floor: ceil(1 s / 0.1 s) = 10; fan-out: ceil(100,000 / 20,000) = 5
    const rec = recommendBatch(scenario(withOverhead(0.5, { workload: { items: 100_000, itemRuntime: fixed(0.1) } })));
    expect(rec.bounds).toMatchObject({ overhead: 50, floor: 10, fanout: 5 });
    expect(rec.recommended).toBe(50);
    expect(rec.binding).toBe('overhead');
    expect(rec.feasible).toBe(true);
  });

  it('runtime floor: ceil(1 s / r)', () => {
    // r = 10 ms, O = 5 ms → overhead ceil(10 × 0.005 / 0.01) = 5; floor ceil(1 / 0.01) = 100;
    // fan-out ceil(100,000 / 20,000) = 5
    const rec = recommendBatch(scenario(withOverhead(0.005, { workload: { items: 100_000, itemRuntime: fixed(0.01) } })));
    expect(rec.bounds).toMatchObject({ overhead: 5, floor: 100, fanout: 5 });
    expect(rec.recommended).toBe(100);
    expect(rec.binding).toBe('floor');
  });

  it('fan-out target: ceil(N / 20,000)', () => {
    // N = 10M, r = 1 s, O = 50 ms → overhead ceil(0.5) = 1; floor 1; fan-out ceil(10^7 / 2·10^4) = 500
    const rec = recommendBatch(scenario(withOverhead(0.05, { workload: { items: 10_000_000, itemRuntime: fixed(1) } })));
    expect(rec.bounds).toMatchObject({ overhead: 1, floor: 1, fanout: 500 });
    expect(rec.recommended).toBe(500);
    expect(rec.binding).toBe('fanout');
  });

  it('the fan-out bound follows a custom target', () => {
    // ceil(10^7 / 10^4) = 1000
    const rec = recommendBatch(scenario(withOverhead(0.05, { workload: { items: 10_000_000 }, limits: { targetActionsMax: 10_000 } })));
    expect(rec.bounds.fanout).toBe(1000);
  });

  it('k scales the overhead bound', () => {
    // k = 20: ceil(20 × 0.5 / 0.1) = 100
    const rec = recommendBatch(scenario(withOverhead(0.5, { workload: { items: 100_000, itemRuntime: fixed(0.1) }, limits: { overheadRatio: 20 } })));
    expect(rec.bounds.overhead).toBe(100);
  });

  it('capped at N: binding "items"', () => {
    // floor ceil(1 / 0.01) = 100 > N = 30 → one action of all 30 items
    const rec = recommendBatch(scenario({ workload: { items: 30, itemRuntime: fixed(0.01) } }));
    expect(rec.bounds.floor).toBe(100);
    expect(rec.recommended).toBe(30);
    expect(rec.binding).toBe('items');
  });

  it('no overhead and long items: every bound is 1', () => {
    const rec = recommendBatch(scenario({ workload: { items: 1000, itemRuntime: fixed(5) } }));
    expect(rec.recommended).toBe(1);
    expect(rec.bounds).toMatchObject({ overhead: 1, floor: 1, fanout: 1, memory: null, inline: null });
  });
});

describe('upper bounds and infeasible plans', () => {
  // floor binds at 100 (r = 10 ms) in all of these
  const base: ScenarioOverrides = { workload: { items: 100_000, itemRuntime: fixed(0.01) } };

  it('memory: floor(task memory / item memory)', () => {
    // floor(4 GiB / 50 MiB) = floor(81.92) = 81 < 100 → floor conflicts with memory
    // → the floor is a preference: it yields, and the recommendation is the cap (81)
    const rec = recommendBatch(scenario({ workload: { ...base.workload, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } }));
    expect(rec.bounds.memory).toBe(81);
    expect(rec).toMatchObject({ recommended: 81, binding: 'memory', lowerBound: 100, lowerBinding: 'floor', cap: 81, yielded: ['floor'], feasible: true, conflicts: [] });
  });

  it('memory that fits: feasible', () => {
    // floor(8 GiB / 50 MiB) = 163 ≥ 100
    const rec = recommendBatch(scenario({ workload: { ...base.workload, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 8192 * MiB } }));
    expect(rec.bounds.memory).toBe(163);
    expect(rec.feasible).toBe(true);
    expect(rec.conflicts).toEqual([]);
  });

  it('inline: floor(10 MiB / item bytes), the larger direction deciding', () => {
    // inputs 1 KB, outputs 200 KB: floor(10,485,760 / 200,000) = 52 < 100
    const rec = recommendBatch(scenario({ workload: { ...base.workload, itemInputBytes: 1000, itemOutputBytes: 200_000 } }));
    expect(rec.bounds.inline).toBe(52);
    expect(rec).toMatchObject({ recommended: 52, binding: 'inline', feasible: true, conflicts: [] });
  });

  it('data by reference has no inline bound', () => {
    const rec = recommendBatch(scenario({ workload: { ...base.workload, itemOutputBytes: 200_000, data: 'reference' } }));
    expect(rec.bounds.inline).toBeNull();
    expect(rec.feasible).toBe(true);
  });

  it('the smallest cap wins; every soft bound above it yields', () => {
    // overhead ceil(10 × 0.2 / 0.01) = 200 and floor 100, against memory 81 and inline 52
    const rec = recommendBatch(
      scenario(withOverhead(0.2, { workload: { ...base.workload, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB, itemInputBytes: 200_000 } })),
    );
    expect(rec).toMatchObject({ lowerBound: 200, lowerBinding: 'overhead', recommended: 52, binding: 'inline', cap: 52, feasible: true });
    expect(rec.yielded).toEqual(['overhead', 'floor']);
  });

  it('infeasible only when the actions limit needs more items per action than a cap allows', () => {
    // N = 5,000,000: ceil(5·10^6 / 50,000) = 100 items per action at least; memory allows 81
    const rec = recommendBatch(scenario({ workload: { ...base.workload, items: 5_000_000, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } }));
    expect(rec).toMatchObject({ minimum: 100, cap: 81, recommended: 81, feasible: false });
    expect(rec.bounds.actionsLimit).toBe(100);
    // 100 × 50 MiB = 4.9 GiB of task memory; 4 GiB / 100 = 41 MiB per item; runs of 81 × 50,000 = 4,050,000
    expect(rec.conflicts).toEqual([{ lower: 'actionsLimit', upper: 'memory', resolution: 'give each task at least 4.9GiB (taskMemory), use at most 41MiB per item (itemMemory) or split the items over runs of at most 4,050,000' }]);
  });

  it('a lower bound under the cap is not a conflict', () => {
    // floor 100 against memory 81 yields; the fan-out bound 5 is under the cap and does not
    const rec = recommendBatch(scenario({ workload: { ...base.workload, itemMemoryBytes: 50 * MiB, taskMemoryBytes: 4096 * MiB } }));
    expect(rec.yielded).toEqual(['floor']);
  });
});

describe('the bandwidth-aware overhead bound: b ≥ k·O0 / (r − k·B)', () => {
  // u_in: 100 ms latency + 1 MB/s; 1,000 input bytes per item → B = 1000 / 1e6 = 1 ms per item.
  const sized = (r: number): ScenarioOverrides => ({
    phases: { uploadInputs: phase(0.1, 1e6) },
    workload: { items: 100_000, itemRuntime: fixed(r), itemInputBytes: 1000, data: 'reference' },
  });

  it('solves k·(O0 + b·B) ≤ b·r', () => {
    // r = 50 ms: b ≥ 10 × 0.1 / (0.05 − 10 × 0.001) = 1 / 0.04 = 25 (the plain rule would say 20).
    // Check: at b = 25, O = 0.1 + 0.025 = 0.125 s and runtime 1.25 s, exactly 10×.
    const rec = recommendBatch(scenario(sized(0.05)));
    expect(rec.bounds.overhead).toBe(25);
    expect(rec.bounds.floor).toBe(20);
    expect(rec.binding).toBe('overhead');
    expect(rec.overheadUnreachable).toBe(false);
  });

  it('unreachable when each item moves more transfer time than r / k', () => {
    // r = 5 ms: r − k·B = 0.005 − 0.01 < 0, no batch reaches 10×
    const rec = recommendBatch(scenario(sized(0.005)));
    expect(rec.overheadUnreachable).toBe(true);
    // a soft target out of reach is a warning, never infeasibility
    expect(rec.feasible).toBe(true);
    // the bound drops out rather than asking for one action of all 100,000 items; the floor
    // ceil(1 s / 5 ms) = 200 and the fan-out ceil(100,000 / 20,000) = 5 remain: 200 binds
    expect(rec.bounds.overhead).toBeNull();
    expect(rec.recommended).toBe(200);
    expect(rec.binding).toBe('floor');
  });
});

describe('sizing by the p95 of the overhead', () => {
  it('uses the p95 instead of the mean', () => {
    // e ~ Exponential(mean 0.1 s): mean 0.1, p95 = −0.1·ln 0.05 = 0.29957
    // r = 0.1 s, k = 10, floor off: mean → ceil(10 × 0.1 / 0.1) = 10; p95 → ceil(29.957) = 30
    const s = scenario({ phases: { enqueue: { kind: 'exponential', mean: 0.1 } }, workload: { items: 100_000, itemRuntime: fixed(0.1) }, limits: { runtimeFloorSeconds: 0 } });
    expect(recommendBatch(s).bounds.overhead).toBe(10);
    expect(recommendBatch(s, { overheadStatistic: 'p95' }).bounds.overhead).toBe(30);
    expect(recommendBatch(s, { overheadStatistic: 'p95' }).binding).toBe('overhead');
  });
});
