// Verdicts (pass | fail | inconclusive), regressions against a baseline, and what each
// combination of verdict, level, --inconclusive policy and regression does to the outcome.
import { describe, expect, test } from 'vitest';
import type { Assertion, Operator } from '../../src/core/check/assertion.js';
import { compareBaseline, evaluate } from '../../src/core/check/evaluate.js';
import { outcomeOf, summarizeResults, type AssertionResult, type InconclusivePolicy, type Outcome } from '../../src/core/check/outcome.js';
import type { Verdict } from '../../src/core/check/evaluate.js';

const budget = (op: Operator, value: number, metric = 'makespan.meanSeconds'): Assertion => ({ metric, op, value, written: String(value) });

describe('evaluate: closed-form values (no interval)', () => {
  // [value, op, budget, verdict]
  const cases: Array<[number, Operator, number, Verdict]> = [
    [90, '<', 100, 'pass'],
    [100, '<', 100, 'fail'],
    [100, '<=', 100, 'pass'],
    [101, '<=', 100, 'fail'],
    [101, '>', 100, 'pass'],
    [100, '>', 100, 'fail'],
    [100, '>=', 100, 'pass'],
    [99, '>=', 100, 'fail'],
    [100, '==', 100, 'pass'],
    [99, '==', 100, 'fail'],
  ];
  test.each(cases)('%d %s %d → %s', (value, op, limit, verdict) => {
    expect(evaluate(budget(op, limit), { value })).toEqual({ verdict, runsToSettle: null });
  });
});

describe('evaluate: simulated values with a 95% interval', () => {
  test('budget above the whole interval: a clear pass for <=, a clear fail for >=', () => {
    const obs = { value: 90, ci95: [85, 95] as const, runs: 50 };
    expect(evaluate(budget('<=', 100), obs).verdict).toBe('pass');
    expect(evaluate(budget('>=', 100), obs).verdict).toBe('fail');
  });

  test('budget below the whole interval: a clear fail for <, a clear pass for >', () => {
    const obs = { value: 110, ci95: [105, 115] as const, runs: 50 };
    expect(evaluate(budget('<', 100), obs).verdict).toBe('fail');
    expect(evaluate(budget('>', 100), obs).verdict).toBe('pass');
  });

  test('budget on an end of the interval is not strictly inside: decided by the point value', () => {
    // ci [80, 100], budget 100: 90 <= 100 holds.
    expect(evaluate(budget('<=', 100), { value: 90, ci95: [80, 100], runs: 50 })).toEqual({ verdict: 'pass', runsToSettle: null });
    // ci [100, 120], budget 100: 110 <= 100 does not.
    expect(evaluate(budget('<=', 100), { value: 110, ci95: [100, 120], runs: 50 })).toEqual({ verdict: 'fail', runsToSettle: null });
  });

  test.each(['<', '<=', '>', '>='] as const)('budget strictly inside the interval is inconclusive for %s', (op) => {
    expect(evaluate(budget(op, 100), { value: 95, ci95: [85, 105], runs: 50 }).verdict).toBe('inconclusive');
  });

  test('runs to settle: ceil(runs × (half-width / distance)²), worked by hand', () => {
    // ci [85, 105] → half-width 10; value 95, budget 100 → distance 5;
    // 50 × (10 / 5)² = 50 × 4 = 200.
    expect(evaluate(budget('<=', 100), { value: 95, ci95: [85, 105], runs: 50 }).runsToSettle).toBe(200);
    // ci [90, 102] → half-width 6; value 96, budget 100 → distance 4;
    // 30 × (6 / 4)² = 30 × 2.25 = 67.5 → 68.
    expect(evaluate(budget('<=', 100), { value: 96, ci95: [90, 102], runs: 30 }).runsToSettle).toBe(68);
    // An interval cut at 0 keeps its half-width: value 2, [2 − 2.5, 2 + 2.5] cut to [0, 4.5];
    // budget 3 → distance 1; 10 × (2.5 / 1)² = 62.5 → 63 (the cut interval's average, 2.25, would say 51).
    expect(evaluate(budget('<=', 3), { value: 2, ci95: [0, 4.5], runs: 10 }).runsToSettle).toBe(63);
    // Same on the other side of the budget: ci [98, 106], value 102, budget 100:
    // half-width 4, distance 2 → 20 × 4 = 80.
    expect(evaluate(budget('>=', 100), { value: 102, ci95: [98, 106], runs: 20 }).runsToSettle).toBe(80);
  });

  test('runs to settle is unknown when the value sits on the budget or the run count is missing', () => {
    expect(evaluate(budget('<=', 100), { value: 100, ci95: [90, 110], runs: 50 })).toEqual({ verdict: 'inconclusive', runsToSettle: null });
    expect(evaluate(budget('<=', 100), { value: 95, ci95: [85, 105] })).toEqual({ verdict: 'inconclusive', runsToSettle: null });
  });

  test('== is never inconclusive: equality is decided on the point value', () => {
    expect(evaluate(budget('==', 100), { value: 95, ci95: [85, 105], runs: 50 }).verdict).toBe('fail');
  });
});

describe('compareBaseline', () => {
  const T = 0.1; // 10% allowed

  test('for < and <=, up is worse: +20% regresses, −20% does not', () => {
    // (120 − 100) / 100 = +0.2 > 0.1
    expect(compareBaseline(budget('<=', 500), { value: 120 }, { value: 100 }, T)).toEqual({ baseline: 100, change: 0.2, regressed: true, withinNoise: false });
    expect(compareBaseline(budget('<', 500), { value: 120 }, { value: 100 }, T).regressed).toBe(true);
    // (80 − 100) / 100 = −0.2: an improvement
    expect(compareBaseline(budget('<=', 500), { value: 80 }, { value: 100 }, T)).toEqual({ baseline: 100, change: -0.2, regressed: false, withinNoise: false });
  });

  test('for > and >=, down is worse', () => {
    expect(compareBaseline(budget('>=', 5), { value: 80 }, { value: 100 }, T).regressed).toBe(true);
    expect(compareBaseline(budget('>', 5), { value: 80 }, { value: 100 }, T).regressed).toBe(true);
    expect(compareBaseline(budget('>=', 5), { value: 120 }, { value: 100 }, T).regressed).toBe(false);
  });

  test('for ==, a change either way beyond the threshold is worse', () => {
    expect(compareBaseline(budget('==', 100), { value: 120 }, { value: 100 }, T).regressed).toBe(true);
    expect(compareBaseline(budget('==', 100), { value: 80 }, { value: 100 }, T).regressed).toBe(true);
  });

  test('a change within the threshold is not a regression; the threshold itself is allowed', () => {
    // +5% < 10%
    expect(compareBaseline(budget('<=', 500), { value: 105 }, { value: 100 }, T).regressed).toBe(false);
    // +25% against 25% allowed: not beyond it.
    expect(compareBaseline(budget('<=', 500), { value: 125 }, { value: 100 }, 0.25).regressed).toBe(false);
  });

  test('the relative change is against |baseline|, so a negative baseline keeps the direction', () => {
    // (−80 − (−100)) / 100 = +0.2: up, so worse for <=.
    const r = compareBaseline(budget('<=', 0), { value: -80 }, { value: -100 }, T);
    expect(r.change).toBeCloseTo(0.2, 12);
    expect(r.regressed).toBe(true);
  });

  test('beyond the threshold but within the noise of both simulations: not flagged', () => {
    // current 115 with ci [100, 130]: half-width 15, se₁ = 15 / 1.96.
    // baseline 100 with ci [85, 115]: half-width 15, se₂ = 15 / 1.96.
    // noise = 1.96 · √(se₁² + se₂²) = 15 · √2 ≈ 21.21; the difference 15 ≤ 21.21,
    // although +15% is over the 10% allowed.
    const r = compareBaseline(budget('<=', 500), { value: 115, ci95: [100, 130], runs: 50 }, { value: 100, ci95: [85, 115] }, T);
    expect(r.change).toBeCloseTo(0.15, 12);
    expect(r).toMatchObject({ regressed: false, withinNoise: true });
  });

  test('beyond the threshold and beyond the noise: flagged', () => {
    // half-widths 5 and 5 → noise = 5 · √2 ≈ 7.07; the difference 30 > 7.07.
    const r = compareBaseline(budget('<=', 500), { value: 130, ci95: [125, 135], runs: 50 }, { value: 100, ci95: [95, 105] }, T);
    expect(r).toMatchObject({ regressed: true, withinNoise: false });
  });

  test('noise from one side alone counts: a closed-form value against a noisy baseline', () => {
    // baseline ci [70, 130] → noise = 30; the difference 20 ≤ 30.
    expect(compareBaseline(budget('<=', 500), { value: 120 }, { value: 100, ci95: [70, 130] }, T)).toMatchObject({ regressed: false, withinNoise: true });
    // difference 40 > 30
    expect(compareBaseline(budget('<=', 500), { value: 140 }, { value: 100, ci95: [70, 130] }, T)).toMatchObject({ regressed: true, withinNoise: false });
  });

  test('an improvement is never "within noise": the flag is only for would-be regressions', () => {
    expect(compareBaseline(budget('<=', 500), { value: 80, ci95: [60, 100] }, { value: 100, ci95: [80, 120] }, T).withinNoise).toBe(false);
  });

  test('a zero baseline: any increase counts as +100%', () => {
    expect(compareBaseline(budget('<=', 5), { value: 3 }, { value: 0 }, T)).toMatchObject({ change: 1, regressed: true });
    expect(compareBaseline(budget('<=', 5), { value: 0 }, { value: 0 }, T)).toMatchObject({ change: 0, regressed: false });
  });
});

describe('outcomeOf', () => {
  // [verdict, level, policy, regressed, outcome]: a failing assertion fails at level error
  // and warns at level warn; an inconclusive one follows the policy; a regression fails
  // like a failed verdict.
  const cases: Array<[Verdict, 'error' | 'warn', InconclusivePolicy, boolean, Outcome]> = [
    ['pass', 'error', 'warn', false, 'pass'],
    ['pass', 'warn', 'fail', false, 'pass'],
    ['pass', 'error', 'pass', true, 'fail'],
    ['pass', 'warn', 'pass', true, 'warn'],
    ['fail', 'error', 'pass', false, 'fail'],
    ['fail', 'warn', 'fail', false, 'warn'],
    ['fail', 'error', 'warn', true, 'fail'],
    ['inconclusive', 'error', 'fail', false, 'fail'],
    ['inconclusive', 'warn', 'fail', false, 'warn'],
    ['inconclusive', 'error', 'warn', false, 'warn'],
    ['inconclusive', 'warn', 'warn', false, 'warn'],
    ['inconclusive', 'error', 'pass', false, 'pass'],
    ['inconclusive', 'warn', 'pass', false, 'pass'],
    ['inconclusive', 'error', 'pass', true, 'fail'],
    ['inconclusive', 'warn', 'warn', true, 'warn'],
  ];
  test.each(cases)('%s at level %s, --inconclusive %s, regressed %s → %s', (verdict, level, policy, regressed, outcome) => {
    expect(outcomeOf(verdict, level, policy, regressed)).toBe(outcome);
  });
});

describe('summarizeResults', () => {
  test('counts outcomes, inconclusive verdicts and regressions separately', () => {
    const r = (outcome: Outcome, verdict: Verdict, regressed = false): AssertionResult => ({
      name: `${outcome}-${verdict}-${regressed}`,
      scenario: 's',
      metric: 'fanout.actions',
      unit: 'number',
      op: '<=',
      budget: 1,
      budgetText: '1',
      value: 1,
      ci95: null,
      runs: null,
      seed: null,
      verdict,
      level: 'error',
      outcome,
      runsToSettle: null,
      baseline: regressed ? { value: 1, change: 1, threshold: 0.1, regressed: true, withinNoise: false } : null,
      message: '',
      line: 1,
    });
    const summary = summarizeResults([r('pass', 'pass'), r('warn', 'inconclusive'), r('fail', 'fail'), r('fail', 'pass', true), r('pass', 'inconclusive')]);
    expect(summary).toEqual({ assertions: 5, passed: 2, warned: 1, failed: 2, inconclusive: 2, regressions: 1 });
  });
});
