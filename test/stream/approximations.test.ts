// Pollaczek–Khinchine and Allen–Cunneen against their special cases.
import { describe, expect, test } from 'vitest';
import { allenCunneenMeanWaitSeconds, allenCunneenWaitProbability } from '../../src/core/stream/queueing/allenCunneen.js';
import { erlangC, mmcMeanWaitSeconds } from '../../src/core/stream/queueing/erlangC.js';
import { md1MeanWaitSeconds, mg1MeanWaitSeconds } from '../../src/core/stream/queueing/mg1.js';

describe('Pollaczek–Khinchine', () => {
  test('M/D/1 mean wait is ρ / (2μ(1 − ρ))', () => {
    // λ = 0.5, S = 1 s (μ = 1): 0.5 / (2 · 1 · 0.5) = 0.5 s.
    expect(md1MeanWaitSeconds(0.5, 1)).toBeCloseTo(0.5, 14);
    // λ = 0.9, S = 2 s: ρ = 1.8 ≥ 1, unstable.
    expect(md1MeanWaitSeconds(0.9, 2)).toBeNull();
    // λ = 0.3, S = 2 s (μ = 0.5): ρ = 0.6; 0.6 / (2 · 0.5 · 0.4) = 1.5 s.
    expect(md1MeanWaitSeconds(0.3, 2)).toBeCloseTo(1.5, 14);
  });
  test('M/G/1 with c_s = 1 is M/M/1, and the wait grows with E[S²]', () => {
    // λ = 0.5, E[S] = 1, E[S²] = 2: 0.5 · 2 / (2 · 0.5) = 1 = ρ / (μ − λ) = 0.5 / 0.5.
    expect(mg1MeanWaitSeconds(0.5, 1, 1)).toBeCloseTo(1, 14);
    // c_s = 2: E[S²] = 1 · (1 + 4) = 5: 0.5 · 5 / 1 = 2.5.
    expect(mg1MeanWaitSeconds(0.5, 1, 2)).toBeCloseTo(2.5, 14);
  });
});

describe('Allen–Cunneen (approximate)', () => {
  test('c_a = c_s = 1 is Erlang C exactly', () => {
    for (const slots of [1, 2, 4, 16, 100]) {
      for (const rho of [0.3, 0.5, 0.8, 0.9, 0.99]) {
        const slotMeanSeconds = 2.5;
        const arrivalRatePerSecond = (rho * slots) / slotMeanSeconds;
        const ac = allenCunneenMeanWaitSeconds({ arrivalRatePerSecond, slotMeanSeconds, slots, arrivalCv: 1, slotCv: 1 });
        const exact = mmcMeanWaitSeconds({ arrivalRatePerSecond, serviceRatePerSecond: 1 / slotMeanSeconds, slots });
        expect(ac).not.toBeNull();
        expect(ac ?? 0).toBeCloseTo(exact ?? Number.NaN, 10);
        expect(allenCunneenWaitProbability({ arrivalRatePerSecond, slotMeanSeconds, slots, arrivalCv: 1, slotCv: 1 })).toBeCloseTo(erlangC(slots, rho * slots), 12);
      }
    }
  });
  test('one slot with Poisson arrivals is Pollaczek–Khinchine for any c_s', () => {
    // c = 1: C = ρ, ρ / (μ − λ) · (1 + c_s²)/2 = λ E[S]² (1 + c_s²) / (2(1 − ρ)).
    for (const slotCv of [0, 0.5, 1, 3]) {
      const ac = allenCunneenMeanWaitSeconds({ arrivalRatePerSecond: 0.7, slotMeanSeconds: 1, slots: 1, arrivalCv: 1, slotCv });
      expect(ac ?? 0).toBeCloseTo(mg1MeanWaitSeconds(0.7, 1, slotCv) ?? Number.NaN, 12);
    }
  });
  test('M/D/c halves the M/M/c wait; fixed gaps and fixed slots wait nothing', () => {
    const base = { arrivalRatePerSecond: 3, slotMeanSeconds: 1, slots: 4 };
    const mmc = allenCunneenMeanWaitSeconds({ ...base, arrivalCv: 1, slotCv: 1 }) ?? Number.NaN;
    expect(allenCunneenMeanWaitSeconds({ ...base, arrivalCv: 1, slotCv: 0 })).toBeCloseTo(mmc / 2, 12);
    expect(allenCunneenMeanWaitSeconds({ ...base, arrivalCv: 0, slotCv: 0 })).toBe(0);
    expect(allenCunneenMeanWaitSeconds({ ...base, arrivalRatePerSecond: 4, arrivalCv: 1, slotCv: 1 })).toBeNull();
  });
});
