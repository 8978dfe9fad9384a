// The page around the charts: one HTML file with its styles inline, no scripts and no network
// requests, readable on a laptop and on paper. The Doc blocks the terminal shows are here too.
import type { Block, Doc } from '../doc.js';
import { figureHtml, type Figure } from './figure.js';
import { escapeHtml, tableHtml } from './markup.js';

const CSS = `
:root { color-scheme: light; --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --good: #1a7f37; --warn: #9a6700; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0 auto; padding: 24px 32px 48px; max-width: 1040px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 4px; } h2 { font-size: 1.25rem; margin: 32px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; } h3 { font-size: 1.05rem; margin: 0; }
.subtitle, .note, caption, .meta { color: var(--muted); }
.note { margin: 2px 0 8px; font-size: 0.9rem; }
figure.chart { margin: 24px 0; break-inside: avoid; }
.plots svg { display: block; max-width: 100%; height: auto; margin: 4px 0; }
.legend { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 0; margin: 4px 0; font-size: 0.9rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
.key { display: inline-block; width: 14px; height: 14px; background: var(--key); }
.key.line { height: 3px; } .key.dashed { height: 0; background: none; border-top: 3px dashed var(--key); } .key.band { opacity: 0.3; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 8px 0; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-size: 0.85rem; padding-bottom: 2px; }
th, td { border-bottom: 1px solid var(--rule); padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
.num { text-align: right; }
td.good { color: var(--good); } td.warn { color: var(--warn); } td.bad { color: var(--bad); font-weight: 600; }
.findings li, .lines li { margin: 2px 0; } .sev { font-weight: 600; text-transform: uppercase; font-size: 0.8rem; }
.sev.error { color: var(--bad); } .sev.warn { color: var(--warn); } .sev.info { color: var(--muted); }
details summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  h2 { break-after: avoid; } figure.chart, table { break-inside: avoid; }
  details > summary { display: none; } details { display: block; }
  a { color: inherit; text-decoration: none; }
}
@page { margin: 16mm; }
`;

function blockHtml(b: Block): string {
  switch (b.kind) {
    case 'table': {
      const rows = b.rows.map((r) => [...r]);
      const head = b.head ? [...b.head] : (rows[0] ?? []).map(() => '');
      return tableHtml({ caption: b.title, head, rows, ...(b.numeric ? { numeric: b.numeric } : {}), ...(b.tones ? { tones: b.tones } : {}) });
    }
    case 'findings':
      if (b.findings.length === 0) return '<h2>Findings</h2><p>No findings.</p>';
      return `<h2>Findings</h2><ul class="findings">${b.findings.map((f) => `<li><span class="sev ${f.severity}">${f.severity}</span> ${escapeHtml(f.message)} <code>${escapeHtml(f.code)}</code></li>`).join('')}</ul>`;
    case 'text': {
      // A list of sentences wraps as prose does; lines drawn in characters keep their columns.
      const body = b.list === true ? `<ul class="lines">${b.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : `<pre>${escapeHtml(b.lines.join('\n'))}</pre>`;
      return `${b.title ? `<h3>${escapeHtml(b.title)}</h3>` : ''}${body}`;
    }
  }
}

export interface PageParts {
  doc: Doc;
  figures: Figure[];
  /** A line under the title naming the tool and version. */
  meta: string;
}

export function pageHtml(p: PageParts): string {
  const charts = p.figures.length > 0 ? `<section><h2>Charts</h2>${p.figures.map(figureHtml).join('')}</section>` : '';
  // Pictures drawn in characters (sparklines, scatters): the SVG charts above say it better;
  // a table a chart already carries under it (the same caption) is not repeated.
  const under = new Set(p.figures.map((f) => f.table.caption));
  const repeated = (b: Block): boolean => (b.kind === 'text' && b.picture === true && p.figures.length > 0) || (b.kind === 'table' && under.has(b.title));
  const details = p.doc.blocks.filter((b) => !repeated(b)).map(blockHtml).join('');
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(p.doc.title)}</title><style>${CSS}</style></head>`,
    `<body><header><h1>${escapeHtml(p.doc.title)}</h1>${p.doc.subtitle ? `<p class="subtitle">${escapeHtml(p.doc.subtitle)}</p>` : ''}<p class="meta">${escapeHtml(p.meta)}</p></header>`,
    `<main>${charts}<section><h2>Details</h2>${details}</section></main>`,
    '<footer>Made by flyscale. The numbers behind each chart are in the table under it; hover a mark for its value.</footer>',
    '</body></html>',
    '',
  ].join('\n');
}
