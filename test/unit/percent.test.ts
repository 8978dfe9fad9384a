import { describe, expect, it } from 'vitest';
import { parsePercent, percentShare } from '../../src/config/percent.js';

describe('percentShare: the one reader of "N%"', () => {
  it('reads a percentage as a share (10 / 100 = 0.1; 2.5 / 100 = 0.025)', () => {
    expect(percentShare('10%')).toBe(0.1);
    expect(percentShare(' 2.5 % ')).toBe(0.025);
    expect(percentShare('0%')).toBe(0);
  });
  it('refuses what is not a plain percentage: no %, a sign, an exponent, empty', () => {
    for (const text of ['10', '-5%', '1e1%', '%', '', 'ten%', '5%%']) expect(percentShare(text)).toBeUndefined();
  });
});

describe('parsePercent: a budget maxRegression', () => {
  it('takes a YAML number as the share itself and a string through percentShare', () => {
    expect(parsePercent(0.05)).toBe(0.05);
    expect(parsePercent('5%')).toBe(0.05);
  });
  it('refuses negative and non-finite numbers, and other types', () => {
    for (const raw of [-0.1, Number.POSITIVE_INFINITY, Number.NaN, null, true, '5']) expect(parsePercent(raw)).toBeUndefined();
  });
});
