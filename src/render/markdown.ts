// GitHub-flavoured Markdown of a Doc: for PR comments and job summaries.
import type { Doc } from './doc.js';

const ICON = { error: '❌', warn: '⚠️', info: 'ℹ️' } as const;
/** Escape pipes; keep a cell's leading indent, which Markdown would otherwise drop. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/^ +/, (spaces) => '&nbsp;'.repeat(spaces.length));

export function renderMarkdown(doc: Doc): string {
  const out: string[] = [`## ${doc.title}`, ''];
  if (doc.subtitle) out.push(doc.subtitle, '');
  for (const block of doc.blocks) {
    if (block.kind === 'table') {
      out.push(`### ${block.title}`, '');
      const head = block.head ?? ['setting', 'value'];
      out.push(`| ${head.map(cell).join(' | ')} |`, `| ${head.map((_, i) => (block.numeric?.includes(i) ? '---:' : '---')).join(' | ')} |`);
      for (const row of block.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
      out.push('');
    } else if (block.kind === 'findings') {
      out.push('### Findings', '');
      if (block.findings.length === 0) out.push('No findings.');
      for (const f of block.findings) out.push(`- ${ICON[f.severity]} **${f.severity}** \`${f.code}\`: ${f.message}`);
      out.push('');
    } else {
      if (block.title) out.push(`### ${block.title}`, '');
      out.push(...(block.list === true ? block.lines.map((l) => `- ${l}`) : block.lines), '');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
