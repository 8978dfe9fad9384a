// Terminal charts from block characters: a sparkline per series over a shared time axis, and
// a small scatter of points for sweeps. Pure: width in, lines out.

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** Resample `values` to `width` columns (the maximum within each column) and draw one line. */
export function sparkline(values: readonly number[], width: number, max?: number): string {
  if (values.length === 0) return '';
  const columns = Math.max(1, Math.min(width, values.length));
  const top = max ?? Math.max(...values);
  let line = '';
  for (let c = 0; c < columns; c++) {
    const from = Math.floor((c * values.length) / columns);
    const to = Math.max(from + 1, Math.floor(((c + 1) * values.length) / columns));
    let peak = 0;
    for (let i = from; i < to; i++) peak = Math.max(peak, values[i] ?? 0);
    const level = top > 0 ? Math.round((peak / top) * (BLOCKS.length - 1)) : 0;
    line += BLOCKS[level] ?? ' ';
  }
  return line;
}

/**
 * A height × width grid with one mark per point; x and y scaled to their ranges. With
 * `overlap`, a cell where two different marks fall shows that instead of the later one.
 */
export function scatter(points: readonly { x: number; y: number; mark?: string }[], width: number, height: number, overlap?: string): string[] {
  if (points.length === 0) return [];
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  const grid = Array.from({ length: height }, () => Array.from({ length: width }, () => ' '));
  for (const p of points) {
    const col = x1 > x0 ? Math.round(((p.x - x0) / (x1 - x0)) * (width - 1)) : 0;
    const row = y1 > y0 ? height - 1 - Math.round(((p.y - y0) / (y1 - y0)) * (height - 1)) : height - 1;
    const line = grid[row];
    const mark = p.mark ?? '●';
    if (line) line[col] = overlap !== undefined && line[col] !== ' ' && line[col] !== mark ? overlap : mark;
  }
  return grid.map((r) => `│${r.join('')}`).concat(`└${'─'.repeat(width)}`);
}

export interface Series {
  name: string;
  points: readonly { x: number; y: number }[];
}

/** Marks for series in order; past the list, letters, then '#'. */
const SERIES_MARKS = ['●', '○', '■', '□', '▲', '△', '◆', '◇', '×', '+'] as const;
const markOf = (i: number): string => SERIES_MARKS[i] ?? String.fromCharCode(65 + i - SERIES_MARKS.length).replace(/[^A-Z]/, '#');

const OVERLAP = '*';

/**
 * Several series on one scatter, each with its own mark, and a legend under the plot naming
 * them ("● replicas 10:40"); a cell where points of different series meet shows `*`.
 */
export function scatterSeries(series: readonly Series[], width: number, height: number): string[] {
  const marked = series.flatMap((s, i) => s.points.map((p) => ({ ...p, mark: markOf(i) })));
  const plot = scatter(marked, width, height, OVERLAP);
  const legend = series.map((s, i) => `${markOf(i)} ${s.name}`);
  if (plot.some((line) => line.includes(OVERLAP))) legend.push(`${OVERLAP} more than one series`);
  return [...plot, ...packLegend(legend, width + 1)];
}

/** Legend entries side by side, three spaces apart, on as few lines as fit in `width`. */
function packLegend(entries: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 3 + entry.length <= width) lines[lines.length - 1] = `${last}   ${entry}`;
    else lines.push(entry);
  }
  return lines;
}
