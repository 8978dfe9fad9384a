// The standard normal CDF's continued fraction (core/normal.ts) runs 20 + 300/x² levels, not
// a fixed 80: the same bits as 80 levels, checked here on a dense grid, and as accurate as the
// fraction run four hundred levels deep.
import { describe, expect, it } from 'vitest';
import { continuedFractionLevels, erfc } from '../../src/core/normal.js';

/** erfc by A&S 7.1.14 evaluated backwards from `levels`, as written in the file's comment. */
function fraction(x: number, levels: number): number {
  let t = x;
  for (let k = levels; k >= 1; k--) t = x + k / 2 / t;
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / t;
}

describe('erfc in the tail', () => {
  it('gives the bits of 80 levels from x = 2 to 27, in steps of 0.0001', () => {
    let differ = 0;
    for (let i = 0; i <= 250_000; i++) {
      const x = 2 + i / 10_000;
      if (erfc(x) !== fraction(x, 80)) differ++;
    }
    expect(differ).toBe(0);
  });

  it('needs fewer levels the larger x is, and never more than 80', () => {
    expect(continuedFractionLevels(2)).toBe(80); // 20 + 75 = 95, capped
    expect(continuedFractionLevels(4)).toBe(39); // 20 + ceil(300/16) = 20 + 19
    expect(continuedFractionLevels(10)).toBe(23); // 20 + 300/100
  });

  it('keeps full precision: within 2 ulp of the fraction run 400 levels deep', () => {
    for (const x of [2, 2.5, 3, 4, 6, 10, 20]) {
      const deep = fraction(x, 400);
      expect(Math.abs(erfc(x) - deep)).toBeLessThanOrEqual(2 * Number.EPSILON * deep);
    }
  });
});
