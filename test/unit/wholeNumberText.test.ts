import { describe, expect, it } from 'vitest';
import { wholeNumberText } from '../../src/cli/flags.js';
import { outputWidth } from '../../src/cli/outputWidth.js';
import { sourceDate } from '../../src/cli/sourceDate.js';

describe('wholeNumberText: the one reader of whole numbers as written', () => {
  it('reads digits with an optional minus and space around', () => {
    expect(wholeNumberText(' 80 ')).toBe(80);
    expect(wholeNumberText('-3')).toBe(-3);
  });
  it('refuses exponents, hex, decimals, words and unsafe integers', () => {
    for (const text of ['1e3', '0x10', '2.0', 'NaN', '', '9007199254740993']) expect(wholeNumberText(text)).toBeUndefined();
  });
  it('serves COLUMNS and SOURCE_DATE_EPOCH', () => {
    expect(outputWidth('1e3', 120)).toBe(120); // not a whole number: the terminal's width
    expect(outputWidth(' 90 ', 120)).toBe(90);
    expect(sourceDate({ SOURCE_DATE_EPOCH: '86400' })).toBe('1970-01-02'); // one day of seconds
    expect(() => sourceDate({ SOURCE_DATE_EPOCH: '-86400' })).toThrow(/count of seconds/);
  });
});
