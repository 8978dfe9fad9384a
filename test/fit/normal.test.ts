import { describe, expect, it } from 'vitest';
import { erf, erfc, normalCdf } from '../../src/core/normal.js';

// Reference values from Python's math.erf / math.erfc (C library, correctly rounded to ~1 ulp).
describe('erf and the normal CDF', () => {
  it.each([
    [0.1, 0.1124629160182849, 0.8875370839817152],
    [0.5, 0.5204998778130465, 0.4795001221869535],
    [1, 0.8427007929497149, 0.15729920705028513],
    [2, 0.9953222650189527, 0.004677734981047265],
    [2.9, 0.9999589021219005, 4.109787809945886e-5],
    [3, 0.9999779095030014, 2.2090496998585438e-5],
    [3.1, 0.9999883513426328, 1.1648657367199589e-5],
    [5, 0.9999999999984626, 1.5374597944280351e-12],
  ])('erf(%f) and erfc to 1e-14 relative', (x, e, c) => {
    expect(erf(x)).toBeCloseTo(e, 14);
    expect(Math.abs(erfc(x) - c) / c).toBeLessThan(1e-13);
    expect(erf(-x)).toBeCloseTo(-e, 14);
  });

  it('Φ(1.96) = 0.9750021048517795 and the lower tail keeps relative precision', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(0)).toBe(0.5);
    // Φ(−5) = 2.866515718791946e-7 (Python: 0.5*erfc(5/sqrt(2)))
    expect(Math.abs(normalCdf(-5) - 2.866515718791946e-7) / 2.866515718791946e-7).toBeLessThan(1e-12);
  });
});
