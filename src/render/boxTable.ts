// The terminal tables of text.ts without cli-table3's layout engine, for the common case: every
// cell one line of characters one column wide, and the table as wide as its text (no wrapping).
// Drawn the way cli-table3 draws text.ts's options (compact, padding 1, no row rules), to the
// byte (test/unit/boxTable.test.ts compares the two); anything else is left to cli-table3.

export interface BoxCell {
  text: string;
  /** Colour for the text (chalk), applied after the layout, which counts only `text`. */
  paint: (text: string) => string;
  right: boolean;
}

/**
 * Characters cli-table3 (string-width) counts one column wide, as JavaScript counts them: ASCII,
 * Latin-1 and Latin Extended without © and ® (emoji), general punctuation (dashes, quotes,
 * bullets, …, ‰), the four plain arrows and the mathematical operators (× is Latin-1, ≤ here).
 */
const ONE_COLUMN = /^[\x20-\x7e\u00a0-\u00a8\u00aa-\u00ad\u00af-\u02ff\u2010-\u2027\u2030-\u203b\u2190-\u2193\u2200-\u22ff]*$/;

/** The table as cli-table3 draws it, or null when a cell is outside the simple case. */
export function drawBoxTable(rows: readonly (readonly BoxCell[])[]): string | null {
  const columns = rows[0]?.length ?? 0;
  if (columns === 0 || rows.some((row) => row.length !== columns || row.some((cell) => !ONE_COLUMN.test(cell.text)))) return null;
  const widths: number[] = [];
  for (let i = 0; i < columns; i++) widths.push(Math.max(...rows.map((row) => row[i]?.text.length ?? 0)));
  const rule = (left: string, middle: string, right: string): string => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${right}`;
  const line = (row: readonly BoxCell[]): string => {
    const cells = row.map((cell, i) => {
      const room = ' '.repeat((widths[i] ?? 0) - cell.text.length);
      const painted = cell.paint(cell.text);
      return ` ${cell.right ? room + painted : painted + room} `;
    });
    return `│${cells.join('│')}│`;
  };
  return [rule('┌', '┬', '┐'), ...rows.map(line), rule('└', '┴', '┘')].join('\n');
}
