// One chart on the page: a title, the SVG drawn by Observable Plot in a small server-side DOM
// (linkedom), a legend where there is more than one series, and the numbers behind it as a table.
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { escapeHtml, legendHtml, tableHtml, type LegendEntry, type TableData } from './markup.js';

export interface Figure {
  /** Stable name of the chart, written as data-chart (tests and styles find it by this). */
  id: string;
  title: string;
  /** One sentence on how to read it. */
  note?: string;
  legend: LegendEntry[];
  /** One SVG, or several small ones that read as one chart (one per assertion, say). */
  svgs: string[];
  table: TableData;
}

/** Width of every chart in SVG units; CSS scales it down on narrow screens. */
export const CHART_WIDTH = 720;

/** Plot draws into this document: nothing in it depends on the time, the machine or chance. */
export function plotSvg(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const node: { outerHTML: string } = Plot.plot({ width: CHART_WIDTH, style: { fontSize: '12px' }, ...options, document });
  return node.outerHTML;
}

export function figureHtml(f: Figure): string {
  const note = f.note ? `<p class="note">${escapeHtml(f.note)}</p>` : '';
  return `<figure class="chart" data-chart="${escapeHtml(f.id)}"><figcaption><h3>${escapeHtml(f.title)}</h3>${note}</figcaption>${legendHtml(f.legend)}<div class="plots">${f.svgs.join('')}</div>${tableHtml(f.table)}</figure>`;
}
