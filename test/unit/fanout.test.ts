import { describe, expect, it } from 'vitest';
import { actionsFor, checkFanout } from '../../src/core/fanout.js';
import { DEFAULT_LIMITS } from '../helpers/scenario.js';

describe('fan-out against 50k / 40k / 10k–20k (MODEL §3)', () => {
  it.each([
    [1, 'ok', 'belowTarget'],
    [9_999, 'ok', 'belowTarget'],
    [10_000, 'ok', 'inTarget'],
    [20_000, 'ok', 'inTarget'],
    [20_001, 'ok', 'aboveTarget'],
    [40_000, 'ok', 'aboveTarget'],
    [40_001, 'warn', 'aboveRecommended'],
    [50_000, 'warn', 'aboveRecommended'],
    [50_001, 'over', 'overLimit'],
    [1_000_000, 'over', 'overLimit'],
  ])('%d actions: %s (%s)', (actions, status, band) => {
    const f = checkFanout(actions, DEFAULT_LIMITS);
    expect(f).toMatchObject({ actions, status, band });
    expect(f.shareOfLimit).toBeCloseTo(actions / 50_000, 12);
  });

  it('follows the limits it is given', () => {
    const limits = { ...DEFAULT_LIMITS, maxActionsPerRun: 100, recommendedActionsPerRun: 80, targetActionsMin: 10, targetActionsMax: 50 };
    expect(checkFanout(101, limits).status).toBe('over');
    expect(checkFanout(81, limits).status).toBe('warn');
    expect(checkFanout(51, limits).band).toBe('aboveTarget');
  });

  it('actions = ceil(N / b)', () => {
    expect(actionsFor(1_000_000, 1000)).toBe(1000);
    expect(actionsFor(1_000_001, 1000)).toBe(1001);
    expect(actionsFor(7, 10)).toBe(1);
    expect(actionsFor(1_000_000, 1)).toBe(1_000_000);
  });
});
