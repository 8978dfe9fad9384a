import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { nextRuns, relativeHalfWidth, runUntilSettled } from '../../src/core/sim/stopping.js';
import { tQuantile975 } from '../../src/core/sim/studentT.js';

const target = { precision: 0.01, minRuns: 10, maxRuns: 1000 };
/** Replication r of a normal population (mean 100, sd): the same value whatever the batches. */
const population = (sd: number) => (r: number) => {
  const rng = createRng(1000 + r);
  return 100 + sd * rng.normal();
};

describe('the stopping rule for --runs auto', () => {
  test('first batch: minRuns', () => {
    expect(nextRuns([], target)).toEqual({ done: false, runs: 10 });
  });

  test('no spread: settled at the first batch', () => {
    expect(nextRuns(Array(10).fill(5), target)).toEqual({ done: true, reason: 'precision', relativeHalfWidth: 0 });
  });

  test('half-width by hand: values 9 and 11 → t(1) × sd / √2 over the mean 10', () => {
    // sd = √2, half = 12.706 × √2 / √2 = 12.706, relative 1.2706
    expect(relativeHalfWidth([9, 11])).toBeCloseTo(tQuantile975(1) / 10, 9);
  });

  test('stops once the interval is within ±1%, and the count matches the spread', () => {
    // sd 10 on mean 100: need 1.96 × 10 / √n ≤ 1, so n ≈ 385 (a bit more with Student's t).
    const run = population(10);
    const out = runUntilSettled(target, (from, to) => Array.from({ length: to - from }, (_, i) => run(from + i)));
    expect(out.reason).toBe('precision');
    expect(out.relativeHalfWidth).toBeLessThanOrEqual(0.01);
    expect(out.values.length).toBeGreaterThan(300);
    expect(out.values.length).toBeLessThan(700);
    // It was not yet settled one batch earlier: the count is not padded.
    expect(relativeHalfWidth(out.values.slice(0, Math.floor(out.values.length / 1.25)))).toBeGreaterThan(0.0095);
  });

  test('stops at maxRuns when the precision is out of reach', () => {
    const run = population(100);
    const out = runUntilSettled({ ...target, maxRuns: 50 }, (from, to) => Array.from({ length: to - from }, (_, i) => run(from + i)));
    expect(out.reason).toBe('maxRuns');
    expect(out.values.length).toBe(50);
  });

  test('the schedule depends on the values only: the same counts whichever way a batch is computed', () => {
    const run = population(10);
    const whole = runUntilSettled(target, (from, to) => Array.from({ length: to - from }, (_, i) => run(from + i)));
    const halves = runUntilSettled(target, (from, to) => {
      const mid = Math.floor((from + to) / 2);
      return [...Array.from({ length: mid - from }, (_, i) => run(from + i)), ...Array.from({ length: to - mid }, (_, i) => run(mid + i))];
    });
    expect(halves.values).toEqual(whole.values);
  });
});
