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

/** A height × width grid with one mark per point; x and y scaled to their ranges. */
export function scatter(points: readonly { x: number; y: number; mark?: string }[], width: number, height: number): string[] {
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
    if (line) line[col] = p.mark ?? '●';
  }
  return grid.map((r) => `│${r.join('')}`).concat(`└${'─'.repeat(width)}`);
}
