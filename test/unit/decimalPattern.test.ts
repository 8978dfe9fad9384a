// The bound patterns against the numbers themselves: for decimals written every way the CLI
// reads them (leading zeros, no integer part, long fractions), a pattern matches exactly when
// Number(text) is within the bound. The oracle is Number(), an independent method. Bounds
// are taken to 12 decimal places (1/120 as 0.008333333334), so texts have at most 12.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { atLeast, atMost } from '../../src/config/decimalPattern.js';

const decimal = fc
  .tuple(fc.constantFrom('', '0', '00'), fc.oneof(fc.constant(''), fc.nat({ max: 100_000_000_000 }).map(String)), fc.option(fc.stringMatching(/^\d{1,8}$/), { nil: undefined }))
  .map(([zeros, int, frac]) => `${zeros}${int}${frac === undefined ? '' : `.${frac}`}`)
  .filter((x) => /^(\d+(\.\d+)?|\.\d+)$/.test(x));
const BOUNDS = [0, 1, 30, 0.5, 1 / 120, 1 / 3600, 30_000, 31_536_000, 8760, 525_600, 1e9, 1024, 1125899906842624, 0.001, 99, 100, 9.99, 1e6];

describe('decimal bound patterns', () => {
  it.each(BOUNDS)('match exactly the decimals within %d', (bound) => {
    const low = new RegExp(`^${atLeast(bound)}$`);
    const high = new RegExp(`^${atMost(bound)}$`);
    const near = [String(bound), `${bound}0`, String(bound * 1.0000001), String(bound * 0.9999999), String(Math.floor(bound)), String(Math.ceil(bound)), `0${bound}`].filter((x) => /^(\d+(\.\d{1,12})?|\.\d{1,12})$/.test(x));
    fc.assert(
      fc.property(fc.oneof(decimal, fc.constantFrom(...near)), (text) => {
        expect(low.test(text)).toBe(Number(text) >= bound);
        expect(high.test(text)).toBe(Number(text) <= bound);
      }),
      { numRuns: 3000, seed: 8 },
    );
  });
});
