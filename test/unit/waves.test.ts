import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { plan } from '../../src/core/plan.js';
import { waveAlignment } from '../../src/core/waves.js';
import { scenario } from '../helpers/scenario.js';

/** The slot-bound makespan with no overhead: waves × b × r (r = 1 s here). */
const proxy = (items: number, c: number) => (b: number): number => Math.ceil(Math.ceil(items / b) / c) * b;
const open = { cap: null, minimum: 1 };

describe('waves and the wave-aligned batch size', () => {
  it('full waves need no alternative', () => {
    // 1,000,000 / 1,000 = 1,000 actions over 200 slots = 5 full waves
    expect(waveAlignment(1_000_000, 1000, 200, open, proxy(1_000_000, 200))).toEqual({ waves: 5, lastWaveFill: 1, aligned: null });
  });

  it('a partial last wave offers the batch size that fills the waves', () => {
    // 1,200 items / 10 = 120 actions over 50 slots: 3 waves, the last 20 / 50 = 40% full; proxy 3 × 10 = 30.
    // Candidates: ceil(1200 / (3 × 50)) = 8 → 150 actions in 3 full waves, proxy 24;
    //             ceil(1200 / (2 × 50)) = 12 → 100 actions in 2 full waves, proxy 24 (not sooner: 8 stays).
    // 30 > 1.1 × 24 = 26.4: offered, saving 1 − 24/30 = 20%
    const w = waveAlignment(1200, 10, 50, open, proxy(1200, 50));
    expect(w.waves).toBe(3);
    expect(w.lastWaveFill).toBeCloseTo(0.4, 12);
    expect(w.aligned).toEqual({ batchSize: 8, actions: 150, waves: 3, lastWaveFill: 1, makespanSeconds: 24, saving: expect.closeTo(0.2, 12) });
  });

  it('hard limits rule out candidates: the cap above, the actions limit below', () => {
    // 8 and 12 both above a cap of 7: nothing to offer; 12 is above 11, 8 is not
    expect(waveAlignment(1200, 10, 50, { cap: 7, minimum: 1 }, proxy(1200, 50)).aligned).toBeNull();
    expect(waveAlignment(1200, 10, 50, { cap: 11, minimum: 1 }, proxy(1200, 50)).aligned?.batchSize).toBe(8);
    // a minimum of 9 rules out 8: 12 (proxy 24) is offered instead
    expect(waveAlignment(1200, 10, 50, { cap: null, minimum: 9 }, proxy(1200, 50)).aligned?.batchSize).toBe(12);
  });

  it('nothing is offered when the partial wave costs 10% or less', () => {
    // 1,000 items / 10 = 100 actions on 30 slots: 4 waves (proxy 40), the last 10/30 full.
    //   ceil(1000 / 120) = 9 → 112 actions, 4 waves, proxy 36; ceil(1000 / 90) = 12 → 84 actions, 3 waves, proxy 36
    // 40 > 1.1 × 36 = 39.6: just over 10%, offered (9, the first of the two ties)
    expect(waveAlignment(1000, 10, 30, open, proxy(1000, 30)).aligned?.batchSize).toBe(9);
    // 1,050 items / 10 = 105 actions on 100 slots: 2 waves (proxy 20), the last 5% full.
    //   ceil(1050 / 200) = 6 → 175 actions, 2 waves, proxy 12; ceil(1050 / 100) = 11 → 96 actions, 1 wave, proxy 11: the sooner wins
    expect(waveAlignment(1050, 10, 100, open, proxy(1050, 100)).aligned?.batchSize).toBe(11);
    // 1,900 items / 10 = 190 actions on 100 slots: 2 waves, proxy 20, last 90% full.
    //   ceil(1900 / 200) = 10 (the size in use), ceil(1900 / 100) = 19 → 1 wave, proxy 19: 20 ≤ 20.9, not offered
    expect(waveAlignment(1900, 10, 100, open, proxy(1900, 100)).aligned).toBeNull();
  });

  it('far from the size in use is fine: the issue example, 2,000 items in 4m against 3,500 in 7m', () => {
    // 200,000 items of 120 ms on 100 pod slots, no overhead, batch 3,500: 58 actions in one wave
    // 58% full, makespan 3,500 × 0.12 = 420 s. Filling the wave takes ceil(200,000 / 100) = 2,000
    // items per action: 100 actions, one full wave, 2,000 × 0.12 = 240 s; saving 1 − 240/420 = 3/7.
    const p = plan(scenario({ pool: { mode: 'pod', clusterSlots: 100 }, workload: { items: 200_000, itemRuntime: fixed(0.12), batchSize: 3500 } }));
    expect(p.estimate.makespanSeconds).toBeCloseTo(420, 9);
    expect(p.batch.waves.aligned).toMatchObject({ batchSize: 2000, actions: 100, waves: 1, lastWaveFill: 1 });
    expect(p.batch.waves.aligned?.makespanSeconds).toBeCloseTo(240, 9);
    expect(p.batch.waves.aligned?.saving).toBeCloseTo(3 / 7, 12);
    const f = p.findings.find((x) => x.code === 'waveAligned');
    expect(f?.message).toContain('batch size 2,000 finishes in about 4m 00s against 7m 00s at 3,500');
  });
});
