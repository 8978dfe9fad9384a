// Which analytic form a stream scenario fits, and the wait it then reports.
import { describe, expect, test } from 'vitest';
import { fixed, lognormalFromMedianP95 } from '../../src/core/distribution.js';
import { allenCunneenMeanWaitSeconds } from '../../src/core/stream/queueing/allenCunneen.js';
import { analyticForm, analyticWait, NO_FORM_TEXT, variabilityOf, type StreamScenarioShape } from '../../src/core/stream/queueing/form.js';

const mmc: StreamScenarioShape = {
  stepsPerRun: 1,
  actionsPerRun: 1,
  fixedSlots: 4,
  arrivals: 'poisson',
  arrivalRatePerSecond: 3,
  arrivalCv: 1,
  slotTimeKind: 'exponential',
  slotMeanSeconds: 1,
  slotCv: 1,
};

describe('analyticForm', () => {
  test('one action per run on a fixed pool with Poisson arrivals and exponential slots is M/M/c, exact', () => {
    expect(analyticForm(mmc)).toEqual({ form: 'M/M/c', exact: true, slots: 4 });
  });
  test('other slot times and renewal arrivals are Allen–Cunneen, approximate (exact for one slot)', () => {
    expect(analyticForm({ ...mmc, slotTimeKind: 'fixed', slotCv: 0 })).toEqual({ form: 'M/D/c', exact: false, slots: 4 });
    expect(analyticForm({ ...mmc, slotTimeKind: 'general', slotCv: 0.6 })).toEqual({ form: 'M/G/c', exact: false, slots: 4 });
    expect(analyticForm({ ...mmc, arrivals: 'renewal', arrivalCv: 0.5 })).toEqual({ form: 'G/G/c', exact: false, slots: 4 });
    expect(analyticForm({ ...mmc, fixedSlots: 1, arrivalRatePerSecond: 0.5, slotTimeKind: 'fixed', slotCv: 0 })).toEqual({ form: 'M/D/c', exact: true, slots: 1 });
  });
  test('no form, with the reason', () => {
    expect(analyticForm({ ...mmc, stepsPerRun: 3 })).toEqual({ form: null, reason: 'several-steps' });
    expect(analyticForm({ ...mmc, actionsPerRun: 10 })).toEqual({ form: null, reason: 'several-actions' });
    expect(analyticForm({ ...mmc, fixedSlots: null })).toEqual({ form: null, reason: 'autoscaling-pool' });
    expect(analyticForm({ ...mmc, arrivals: 'shaped' })).toEqual({ form: null, reason: 'shaped-arrivals' });
    // 4 runs/s × 1 s on 4 slots: ρ = 1.
    expect(analyticForm({ ...mmc, arrivalRatePerSecond: 4 })).toEqual({ form: null, reason: 'unstable' });
    expect(NO_FORM_TEXT.unstable).toMatch(/capacity/);
  });
});

describe('analyticWait', () => {
  test('M/M/c: Erlang C with quantiles', () => {
    // c = 2, a = 1 (λ = 1, E[S] = 1): C = 1/3, E[W] = 1/3, p95 = ln((1/3)/0.05) = ln(20/3), p50 = 0.
    const w = analyticWait({ ...mmc, fixedSlots: 2, arrivalRatePerSecond: 1 });
    expect(w?.exact).toBe(true);
    expect(w?.probability).toBeCloseTo(1 / 3, 14);
    expect(w?.meanSeconds).toBeCloseTo(1 / 3, 14);
    expect(w?.quantileSeconds?.p50).toBe(0);
    expect(w?.quantileSeconds?.p95).toBeCloseTo(Math.log(20 / 3), 12);
  });
  test('M/D/c: Allen–Cunneen, no quantiles', () => {
    const s = { ...mmc, slotTimeKind: 'fixed' as const, slotCv: 0 };
    const w = analyticWait(s);
    expect(w?.exact).toBe(false);
    expect(w?.quantileSeconds).toBeNull();
    expect(w?.meanSeconds).toBeCloseTo(allenCunneenMeanWaitSeconds({ arrivalRatePerSecond: 3, slotMeanSeconds: 1, slots: 4, arrivalCv: 1, slotCv: 0 }) ?? Number.NaN, 14);
    expect(analyticWait({ ...mmc, stepsPerRun: 2 })).toBeNull();
  });
});

describe('variabilityOf', () => {
  test('kinds and coefficients of variation', () => {
    expect(variabilityOf({ kind: 'exponential', mean: 2 })).toEqual({ kind: 'exponential', meanSeconds: 2, cv: 1 });
    expect(variabilityOf(fixed(3))).toEqual({ kind: 'fixed', meanSeconds: 3, cv: 0 });
    // Uniform(0, 2): mean 1, sd 2/√12: cv = 1/√3.
    expect(variabilityOf({ kind: 'uniform', min: 0, max: 2 }).cv).toBeCloseTo(1 / Math.sqrt(3), 14);
    // Lognormal: cv = √(e^{σ²} − 1), whatever μ.
    const d = lognormalFromMedianP95(1, 2);
    const sigma = Math.log(2) / 1.6449;
    expect(variabilityOf(d).cv).toBeCloseTo(Math.sqrt(Math.exp(sigma * sigma) - 1), 12);
  });
});
