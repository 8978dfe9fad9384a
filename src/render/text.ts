// Terminal tables (cli-table3) with colour (chalk) only when the caller says so.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
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
      const table = new Table({
        ...(block.head ? { head: block.head.map((h) => c.bold(h)) } : {}),
        style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
        chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
        wordWrap: true,
        ...(block.head && block.head.length > 0 ? {} : {}),
      });
      const toned = { good: c.green, warn: c.yellow, bad: c.red.bold } as const;
      block.rows.forEach((row, r) => {
        const tone = block.tones?.[r];
        table.push(
          row.map((text, i) => ({
            content: tone !== undefined && i === row.length - 1 ? toned[tone](text) : text,
            hAlign: block.numeric?.includes(i) ? ('right' as const) : ('left' as const),
          })),
        );
      });
      out.push(table.toString());
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
