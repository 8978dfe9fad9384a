import { describe, expect, it } from 'vitest';
import { waveAlignment } from '../../src/core/waves.js';

describe('waves and the wave-aligned batch size (MODEL §4)', () => {
  it('full waves need no alternative', () => {
    // 1,000,000 / 1,000 = 1,000 actions over 200 slots = 5 full waves
    expect(waveAlignment(1_000_000, 1000, 200, null)).toEqual({ waves: 5, lastWaveFill: 1, aligned: null });
  });

  it('a partial last wave offers a close batch size that fills the waves', () => {
    // 1,200 items / 10 = 120 actions over 50 slots: 3 waves, the last 20 / 50 = 40% full.
    // Candidates: ceil(1200 / (3 × 50)) = 8 → 150 actions in 3 full waves (proxy 3 × 8 = 24 < 30);
    //             ceil(1200 / (2 × 50)) = 12 → 100 actions in 2 full waves (proxy 24, not smaller).
    const w = waveAlignment(1200, 10, 50, null);
    expect(w.waves).toBe(3);
    expect(w.lastWaveFill).toBeCloseTo(0.4, 12);
    expect(w.aligned).toEqual({ batchSize: 8, actions: 150, waves: 3, lastWaveFill: 1 });
    // the offer really fills its waves
    expect((w.aligned?.actions ?? 0) % 50).toBe(0);
  });

  it('an upper cap rules out candidates above it', () => {
    // 8 and 12 both above a cap of 7: nothing to offer
    expect(waveAlignment(1200, 10, 50, 7).aligned).toBeNull();
    // 12 is above a cap of 11, 8 is not
    expect(waveAlignment(1200, 10, 50, 11).aligned?.batchSize).toBe(8);
  });

  it('one wave fewer with larger batches, when that is the close one', () => {
    // 1,000 items / 100 = 10 actions over 3 slots: 4 waves, last 1/3 full (proxy 4 × 100 = 400).
    //   ceil(1000 / 12) = 84 → 12 actions, 4 full waves, proxy 336
    //   ceil(1000 / 9) = 112 → 9 actions, 3 full waves, proxy 336 (not smaller: the first stays)
    expect(waveAlignment(1000, 100, 3, null)).toMatchObject({ waves: 4, aligned: { batchSize: 84, actions: 12, waves: 4, lastWaveFill: 1 } });
  });

  it('an offer that cannot fill its waves says how full the last one is', () => {
    // 1,000 items / 10 = 100 actions on 30 slots: 4 waves, last 10/30 full (proxy 4 × 10 = 40).
    //   ceil(1000 / 120) = 9 → 112 actions, 4 waves, last (112 − 90) / 30 = 22/30 full, proxy 36
    //   ceil(1000 / 90) = 12 → 84 actions, 3 waves, last 24/30 full, proxy 36 (not smaller: 9 stays)
    const w = waveAlignment(1000, 10, 30, null);
    expect(w.aligned).toEqual({ batchSize: 9, actions: 112, waves: 4, lastWaveFill: 22 / 30 });
  });

  it('nothing is offered when no aligned size is close (within 25%)', () => {
    // 100 actions on 300 slots: one wave a third full; filling it needs batches of ceil(1000 / 300) = 4, far from 10
    const w = waveAlignment(1000, 10, 300, null);
    expect(w.waves).toBe(1);
    expect(w.lastWaveFill).toBeCloseTo(100 / 300, 12);
    expect(w.aligned).toBeNull();
  });
});
