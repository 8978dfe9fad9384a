// boxTable.ts draws text.ts's tables without cli-table3 where it can; where it does, its output
// must be cli-table3's to the byte. The reference here is cli-table3 itself (text.ts's cliTable,
// the same options the renderer always used), over every character the fast path accepts and
// over random tables, with and without colour.
import { Chalk } from 'chalk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawBoxTable, type BoxCell } from '../../src/render/boxTable.js';
import { cliTable } from '../../src/render/text.js';

const chalk = new Chalk({ level: 1 });
const plain = (text: string): string => text;
const PAINTS = [plain, chalk.bold, chalk.green, chalk.yellow, chalk.red.bold, chalk.dim] as const;
const cell = (text: string, right = false, paint: (t: string) => string = plain): BoxCell => ({ text, paint, right });

/** The fast path's table, checked against cli-table3 (head: the first row is the head). */
function bothWays(rows: BoxCell[][], head: boolean): { fast: string | null; reference: string } {
  return { fast: drawBoxTable(rows), reference: cliTable(rows, head, undefined) };
}

/** The code points of the fast path's non-ASCII ranges (boxTable.ts's ONE_COLUMN). */
const RANGES: [number, number][] = [[0xa0, 0xa8], [0xaa, 0xad], [0xaf, 0x2ff], [0x2010, 0x2027], [0x2030, 0x203b], [0x2190, 0x2193], [0x2200, 0x22ff]];
const ACCEPTED = RANGES.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)));

describe('drawBoxTable', () => {
  it("draws plan's table as cli-table3 does: head, left and right cells, colour", () => {
    const rows = [
      [cell('phase', false, chalk.bold), cell('mean', false, chalk.bold), cell('share', false, chalk.bold)],
      [cell('u_in   parent uploads inputs'), cell('100ms', true), cell('13.5%', true, chalk.green)],
      [cell('total'), cell('741ms', true), cell('100%', true, chalk.red.bold)],
    ];
    const { fast, reference } = bothWays(rows, true);
    expect(fast).toBe(reference);
    // The shape by hand: text widths 28 ('u_in   parent uploads inputs'), 5 and 5, plus a space each side.
    expect(fast?.split('\n')[0]).toBe(`┌${'─'.repeat(30)}┬${'─'.repeat(7)}┬${'─'.repeat(7)}┐`);
  });

  it('measures every accepted character as one column, as cli-table3 does', () => {
    for (const ch of ACCEPTED) {
      const rows = [[cell(`a${ch}b`), cell(ch, true)], [cell('wider cell'), cell('x', true)]];
      const { fast, reference } = bothWays(rows, false);
      expect(fast, `U+${ch.codePointAt(0)?.toString(16)}`).toBe(reference);
    }
  });

  it('leaves to cli-table3 what it does not measure: wide, zero-width, emoji, control characters, ragged rows, no rows', () => {
    for (const text of ['中', 'e\u0301', '©', '®', '\u2194', '\u203c', '\u2139', 'a\nb', '\u001b[31mx', '\t', '😀']) expect(drawBoxTable([[cell(text)]]), JSON.stringify(text)).toBeNull();
    expect(drawBoxTable([[cell('a'), cell('b')], [cell('c')]])).toBeNull();
    expect(drawBoxTable([])).toBeNull();
  });

  it('agrees with cli-table3 on random tables', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom(' ', 'a', 'Z', '9', '.', '%', '×', '≤', '–', '→', 'µ'), fc.constantFrom(...ACCEPTED)), maxLength: 12 });
    const table = fc.integer({ min: 1, max: 5 }).chain((columns) =>
      fc.record({
        head: fc.boolean(),
        rows: fc.array(fc.array(fc.record({ text, right: fc.boolean(), paint: fc.constantFrom(...PAINTS) }), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 6 }),
      }),
    );
    fc.assert(
      fc.property(table, ({ head, rows: drawn }) => {
        // A head is left-aligned (text.ts never aligns one; cliTable gives head cells no alignment).
        const rows = drawn.map((row, r) => (head && r === 0 ? row.map((c) => ({ ...c, right: false })) : row));
        const { fast, reference } = bothWays(rows, head);
        expect(fast).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });
});
