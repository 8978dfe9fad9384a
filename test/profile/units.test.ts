// Small pure parts of profile show and fit: histograms, deltas and the reproducible date.
import { describe, expect, it } from 'vitest';
import { sourceDate } from '../../src/cli/sourceDate.js';
import { InputError } from '../../src/config/errors.js';
import { fixed, lognormalFromMedianP95 } from '../../src/core/distribution.js';
import { histogram } from '../../src/render/histogram.js';
import { delta } from '../../src/report/profileShowReport.js';

describe('histogram', () => {
  it('a fixed value is one bar', () => {
    expect(histogram(fixed(0.05))).toEqual({ bars: '█', lowSeconds: 0.05, highSeconds: 0.05, scale: 'point' });
  });

  it('a uniform spreads evenly on a linear axis: every bin full', () => {
    const h = histogram({ kind: 'uniform', min: 1, max: 2 }, 24);
    expect(h.scale).toBe('linear');
    expect(h.bars).toBe('█'.repeat(24));
    expect(h.lowSeconds).toBeCloseTo(1.01, 12);
    expect(h.highSeconds).toBeCloseTo(1.99, 12);
  });

  it('a wide lognormal is drawn on a log axis, where it is symmetric about the median', () => {
    const h = histogram(lognormalFromMedianP95(0.168, 1.35), 24);
    expect(h.scale).toBe('log');
    expect(h.bars).toBe([...h.bars].reverse().join(''));
    expect(h.bars.at(0)).toBe('▁');
    expect(h.bars.at(12)).toBe('█');
  });
});

describe('delta', () => {
  it('is other − profile, and percent of the profile', () => {
    const d = delta(0.2, 0.25);
    expect(d.absolute).toBeCloseTo(0.05, 15);
    expect(d.percent).toBeCloseTo(25, 12);
    expect(delta(0.05, 0)).toEqual({ absolute: -0.05, percent: -100 });
    expect(delta(0, 0.1)).toEqual({ absolute: 0.1, percent: null });
  });
});

describe('sourceDate', () => {
  it('takes SOURCE_DATE_EPOCH seconds as a UTC date', () => {
    expect(sourceDate({ SOURCE_DATE_EPOCH: '1748736000' })).toBe('2025-06-01');
    expect(sourceDate({ SOURCE_DATE_EPOCH: '1748822399' })).toBe('2025-06-01');
  });

  it('uses today when unset', () => {
    expect(sourceDate({}, () => new Date('2030-01-02T23:59:59Z'))).toBe('2030-01-02');
  });

  it('refuses what is not whole seconds', () => {
    expect(() => sourceDate({ SOURCE_DATE_EPOCH: 'yesterday' })).toThrow(InputError);
    expect(() => sourceDate({ SOURCE_DATE_EPOCH: '1.5' })).toThrow(/not a count of seconds/);
  });
});
