// Charts of a simulated run: the makespan histogram with its statistics marked and the
// closed-form estimate beside it, and, with --timeline, the pool over time.
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../../core/units.js';
import type { SimulationBlock } from '../../report/simulateReport.js';
import { plotSvg, type Figure } from './figure.js';
import type { LegendEntry } from './markup.js';
import { colorOf, inUnit, timeUnit } from './units.js';

const BARS = '#9fb7d3';
const MARKERS = { mean: '#1f2328', ci: '#4e79a7', percentiles: '#59a14f', estimate: '#e15759' } as const;

export function makespanFigure(r: SimulationBlock): Figure {
  const m = r.makespan;
  const bins = r.histogram.makespan;
  const top = Math.max(r.estimateMakespanSeconds, ...bins.map((b) => b.toSeconds));
  const u = timeUnit(top);
  const x = (s: number): number => inUnit(s, u);
  const percentiles = [
    { name: 'p5', seconds: m.p5Seconds },
    { name: 'p50', seconds: m.p50Seconds },
    { name: 'p95', seconds: m.p95Seconds },
  ];
  const most = Math.max(1, ...bins.map((b) => b.count));
  const marks = [
    Plot.rectY(bins, { x1: (b: (typeof bins)[number]) => x(b.fromSeconds), x2: (b: (typeof bins)[number]) => x(b.toSeconds), y: 'count', fill: BARS, inset: 0.5, className: 'bins', title: (b: (typeof bins)[number]) => `${formatSeconds(b.fromSeconds)} – ${formatSeconds(b.toSeconds)}: ${b.count} replications` }),
    ...(m.ci95Seconds ? [Plot.rectY([m.ci95Seconds], { x1: (c: [number, number]) => x(c[0]), x2: (c: [number, number]) => x(c[1]), y1: 0, y2: most, fill: MARKERS.ci, fillOpacity: 0.18, className: 'ci', title: () => `95% CI of the mean ${formatSeconds(m.ci95Seconds?.[0] ?? 0)} – ${formatSeconds(m.ci95Seconds?.[1] ?? 0)}` })] : []),
    Plot.ruleX(percentiles, { x: (p: (typeof percentiles)[number]) => x(p.seconds), stroke: MARKERS.percentiles, strokeDasharray: '4,3', strokeWidth: 1.5, className: 'percentiles', title: (p: (typeof percentiles)[number]) => `${p.name} ${formatSeconds(p.seconds)}` }),
    Plot.text(percentiles, { x: (p: (typeof percentiles)[number]) => x(p.seconds), y: most, text: 'name', dy: -6, fill: MARKERS.percentiles, className: 'percentile-labels' }),
    Plot.ruleX([m.meanSeconds], { x: x, stroke: MARKERS.mean, strokeWidth: 2, className: 'mean', title: () => `mean ${formatSeconds(m.meanSeconds)}` }),
    Plot.ruleX([r.estimateMakespanSeconds], { x: x, stroke: MARKERS.estimate, strokeWidth: 2, strokeDasharray: '8,3', className: 'estimate', title: () => `closed-form estimate ${formatSeconds(r.estimateMakespanSeconds)}` }),
    Plot.text([r.estimateMakespanSeconds], { x: x, y: most / 2, text: () => 'estimate', textAnchor: 'start', dx: 4, fill: MARKERS.estimate, className: 'estimate-label' }),
    Plot.ruleY([0]),
  ];
  const svg = plotSvg({ height: 300, marginTop: 28, x: { label: `makespan (${u.label})` }, y: { label: 'replications', grid: true }, marks });
  const legend: LegendEntry[] = [
    { name: 'replications per bin', color: BARS, shape: 'swatch' },
    { name: 'mean', color: MARKERS.mean, shape: 'line' },
    ...(m.ci95Seconds ? [{ name: '95% CI of the mean', color: MARKERS.ci, shape: 'band' as const }] : []),
    { name: 'p5 / p50 / p95', color: MARKERS.percentiles, shape: 'dashed' },
    { name: 'closed-form estimate', color: MARKERS.estimate, shape: 'dashed' },
  ];
  const stats: string[][] = [
    ['mean', formatSeconds(m.meanSeconds)],
    ['95% CI of the mean', m.ci95Seconds ? `${formatSeconds(m.ci95Seconds[0])} – ${formatSeconds(m.ci95Seconds[1])}` : 'n/a (1 run)'],
    ...percentiles.map((p) => [p.name, formatSeconds(p.seconds)]),
    ['closed-form estimate', formatSeconds(r.estimateMakespanSeconds)],
  ];
  return {
    id: 'makespan',
    title: `Simulated makespan over ${r.runs} replications`,
    note: `How long the whole fan-out took in each replication (seed ${r.seed}), with the closed-form estimate beside it.`,
    legend,
    svgs: [svg],
    table: {
      caption: 'Makespan statistics and replications per bin',
      head: ['', 'makespan', 'replications'],
      rows: [...stats.map((s) => [...s, '']), ...bins.map((b) => [`bin`, `${formatSeconds(b.fromSeconds)} – ${formatSeconds(b.toSeconds)}`, String(b.count)])],
      numeric: [2],
    },
  };
}

const POOL = [
  { key: 'busySlots', name: 'busy slots' },
  { key: 'readyReplicas', name: 'ready replicas' },
] as const;

/** Busy slots and ready replicas share an axis (both count slots); the queue gets its own. */
export function timelineFigures(r: SimulationBlock): Figure[] {
  const t = r.timeline;
  if (!t || t.points.length === 0) return [];
  const end = t.points[t.points.length - 1]?.timeSeconds ?? 0;
  const u = timeUnit(end);
  const label = `time since the run started (${u.label})`;
  const pool = POOL.flatMap((s) => t.points.map((p) => ({ series: s.name, time: inUnit(p.timeSeconds, u), value: p[s.key] })));
  const colors = POOL.map((_, i) => colorOf(i));
  const poolSvg = plotSvg({
    height: 260,
    x: { label },
    y: { label: 'slots / replicas', grid: true },
    color: { domain: POOL.map((s) => s.name), range: colors },
    marks: [Plot.lineY(pool, { x: 'time', y: 'value', z: 'series', stroke: 'series', curve: 'step-after', className: 'series' }), Plot.ruleY([0])],
  });
  const queue = t.points.map((p) => ({ time: inUnit(p.timeSeconds, u), value: p.queueLength }));
  const queueSvg = plotSvg({
    height: 200,
    x: { label },
    y: { label: 'actions waiting', grid: true },
    marks: [Plot.areaY(queue, { x: 'time', y: 'value', curve: 'step-after', fill: colorOf(2), fillOpacity: 0.2 }), Plot.lineY(queue, { x: 'time', y: 'value', curve: 'step-after', stroke: colorOf(2), className: 'series' }), Plot.ruleY([0])],
  });
  const table = {
    caption: `Timeline of replication 1, every ${formatSeconds(t.intervalSeconds)}`,
    head: ['time', 'busy slots', 'ready replicas', 'queue length'],
    rows: t.points.map((p) => [formatSeconds(p.timeSeconds), String(p.busySlots), String(p.readyReplicas), String(p.queueLength)]),
    numeric: [1, 2, 3],
  };
  return [
    { id: 'timeline-pool', title: 'Busy slots and ready replicas over time', note: 'Replication 1: how much of the pool was working, and how much was up.', legend: POOL.map((s, i) => ({ name: s.name, color: colors[i] ?? colorOf(i), shape: 'line' as const })), svgs: [poolSvg], table },
    { id: 'timeline-queue', title: 'Queue length over time', note: 'Replication 1: actions waiting for a slot.', legend: [], svgs: [queueSvg], table: { caption: table.caption, head: ['time', 'queue length'], rows: t.points.map((p) => [formatSeconds(p.timeSeconds), String(p.queueLength)]), numeric: [1] } },
  ];
}
