// The few pieces of HTML every page is made of: escaped text, tables and legends. Pure: strings in, strings out.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to place between tags or inside a quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** More rows than this go into a collapsed <details>, so a long series does not bury the page. */
const OPEN_ROWS = 30;

export interface TableData {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns (by index) that hold numbers: right-aligned. */
  numeric?: readonly number[];
  /** Per row: a tone for its last cell (good, warn, bad), as the terminal colours it. */
  tones?: readonly (string | undefined)[];
}

export function tableHtml(t: TableData): string {
  const classes = (i: number, tone?: string): string => {
    const names = [...(t.numeric?.includes(i) ? ['num'] : []), ...(tone ? [tone] : [])];
    return names.length > 0 ? ` class="${names.join(' ')}"` : '';
  };
  const head = `<thead><tr>${t.head.map((h, i) => `<th scope="col"${classes(i)}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const cell = (row: number, last: number) => (c: string, i: number) => `<td${classes(i, i === last ? t.tones?.[row] : undefined)}>${escapeHtml(c)}</td>`;
  const body = `<tbody>${t.rows.map((r, row) => `<tr>${r.map(cell(row, r.length - 1)).join('')}</tr>`).join('')}</tbody>`;
  const table = `<div class="scroll"><table><caption>${escapeHtml(t.caption)}</caption>${head}${body}</table></div>`;
  if (t.rows.length <= OPEN_ROWS) return table;
  return `<details><summary>${escapeHtml(t.caption)} (${t.rows.length} rows)</summary>${table}</details>`;
}

export interface LegendEntry {
  name: string;
  color: string;
  /** How the series is drawn: a filled swatch, a solid line or a dashed line. */
  shape: 'swatch' | 'line' | 'dashed' | 'band';
}

export function legendHtml(entries: readonly LegendEntry[]): string {
  if (entries.length === 0) return '';
  const item = (e: LegendEntry): string => `<li><span class="key ${e.shape}" style="--key:${escapeHtml(e.color)}" aria-hidden="true"></span>${escapeHtml(e.name)}</li>`;
  return `<ul class="legend" aria-label="legend">${entries.map(item).join('')}</ul>`;
}
