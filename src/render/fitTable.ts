// A table that fits the width it is given: the first of a list of layouts, widest first, whose
// table drawn unwrapped fits; the narrowest when none does. Cells are never wrapped, so each
// row stays one line as long as some layout fits.

/** Width of a table as drawn unwrapped: each cell padded by one space a side, a border between. */
function tableWidth(head: readonly string[], rows: readonly (readonly string[])[]): number {
  const widths = head.map((h, i) => Math.max(1, h.length, ...rows.map((r) => (r[i] ?? '').length)) + 2);
  return widths.reduce((a, b) => a + b, 0) + head.length + 1;
}

export interface FittedTable {
  head: string[];
  rows: string[][];
  numeric: number[];
}

/** A column of a table of points: its head, whether it right-aligns, and its cell for a point. */
export interface Column<P> {
  head: string;
  numeric: boolean;
  cell: (p: P) => string;
}

/** `points` in the order given, a row each, under the columns of the first layout that fits. */
export function fitColumns<L, P>(layouts: readonly L[], columnsOf: (layout: L) => readonly Column<P>[], points: readonly P[], width: number): FittedTable {
  return fitTable(
    layouts,
    (layout) => {
      const cols = columnsOf(layout);
      return { head: cols.map((c) => c.head), rows: points.map((p) => cols.map((c) => c.cell(p))), numeric: cols.flatMap((c, i) => (c.numeric ? [i] : [])) };
    },
    width,
  );
}

export function fitTable<L>(layouts: readonly L[], build: (layout: L) => FittedTable, width: number): FittedTable {
  let built: FittedTable | undefined;
  for (const layout of layouts) {
    built = build(layout);
    if (tableWidth(built.head, built.rows) <= width) return built;
  }
  if (!built) throw new Error('internal: a table without layouts');
  return built;
}

/**
 * Headers for settings by path without their section (`gpu.replicas` for
 * `environments.gpu.replicas`) when that still tells them apart; else the paths as given.
 */
export function shortPaths(paths: readonly string[]): string[] {
  const short = paths.map((p) => p.slice(p.indexOf('.') + 1));
  return new Set(short).size === short.length ? short : [...paths];
}
