// Terminal tables (boxTable.ts, or cli-table3 where cells wrap) with colour (chalk) only when the caller says so.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { drawBoxTable, type BoxCell } from './boxTable.js';
import type { Doc, RenderOptions } from './doc.js';

export function renderText(doc: Doc, options: RenderOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const severity = { error: c.red.bold, warn: c.yellow, info: c.cyan } as const;
  const out: string[] = [c.bold(doc.title)];
  if (doc.subtitle) out.push(c.dim(doc.subtitle));
  for (const block of doc.blocks) {
    out.push('');
    if (block.kind === 'table') {
      out.push(c.bold(block.title));
      const toned = { good: c.green, warn: c.yellow, bad: c.red.bold } as const;
      const plain = (text: string): string => text;
      const body = block.rows.map((row, r) => {
        const tone = block.tones?.[r];
        return row.map((text, i) => ({ text, paint: tone !== undefined && i === row.length - 1 ? toned[tone] : plain, right: block.numeric?.includes(i) === true }));
      });
      const cells = [...(block.head ? [block.head.map((text) => ({ text, paint: c.bold, right: false }))] : []), ...body];
      const { colWidths } = fitColumns([...(block.head ? [block.head] : []), ...block.rows], options.width);
      out.push((colWidths === undefined ? drawBoxTable(cells) : null) ?? cliTable(cells, block.head !== undefined, colWidths));
    } else if (block.kind === 'findings') {
      out.push(c.bold('Findings'));
      if (block.findings.length === 0) out.push(c.green('  none: the plan is within every limit'));
      for (const f of block.findings) out.push(wrap(`${severity[f.severity](f.severity.padEnd(5))} ${f.message} ${c.dim(`[${f.code}]`)}`, options.width, 8));
    } else {
      if (block.title) out.push(c.bold(block.title));
      out.push(...block.lines.map((l) => `  ${l}`));
    }
  }
  return `${out.join('\n')}\n`;
}

/** The table by cli-table3: cells that wrap (colWidths) or that boxTable.ts does not measure. The first row is the head when `head`. */
export function cliTable(rows: readonly (readonly BoxCell[])[], head: boolean, colWidths: number[] | undefined): string {
  const [first = [], ...rest] = rows;
  const table = new Table({
    ...(head ? { head: first.map((cell) => cell.paint(cell.text)) } : {}),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    wordWrap: true,
    ...(colWidths ? { colWidths } : {}),
  });
  for (const row of head ? rest : rows) table.push(row.map((cell) => ({ content: cell.paint(cell.text), hAlign: cell.right ? ('right' as const) : ('left' as const) })));
  return table.toString();
}

/**
 * Column widths that fit the terminal: when the table's natural width is wider, the columns
 * with the most wrappable room give it up first, and cli-table3 wraps their text at spaces.
 */
function fitColumns(rows: readonly (readonly string[])[], width: number): { colWidths?: number[] } {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const cells = (i: number): string[] => rows.map((r) => r[i] ?? '');
  const natural = Array.from({ length: columns }, (_, i) => Math.max(1, ...cells(i).map((t) => t.length)) + 2);
  // A column can wrap at spaces but never cut a word (a metric name, a number): its floor.
  const floor = Array.from({ length: columns }, (_, i) => Math.max(1, ...cells(i).flatMap((t) => t.split(' ').map((w) => w.length))) + 2);
  let excess = natural.reduce((a, b) => a + b, 0) + columns + 1 - width;
  if (excess <= 0 || columns === 0) return {};
  const widths = [...natural];
  while (excess > 0) {
    // the column with the most room above its floor gives up one
    let best = -1;
    for (let i = 0; i < columns; i++) if ((widths[i] ?? 0) - (floor[i] ?? 0) > (best < 0 ? 0 : (widths[best] ?? 0) - (floor[best] ?? 0))) best = i;
    if (best < 0) break; // nothing left to wrap: the terminal wraps the rest
    widths[best] = (widths[best] ?? 0) - 1;
    excess--;
  }
  return { colWidths: widths };
}

/** Wrap a long line at spaces, continuing with an indent. ANSI codes count as zero width. */
function wrap(line: string, width: number, indent: number): string {
  const visible = (s: string): number => s.replace(/\u001b\[[0-9;]*m/g, '').length;
  if (visible(line) + 2 <= width) return `  ${line}`;
  const words = line.split(' ');
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    if (current && visible(current) + 1 + visible(word) + 2 > width) {
      lines.push(current);
      current = ' '.repeat(indent - 2) + word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines.map((l) => `  ${l}`).join('\n');
}
