// Charts of a replayed Flyte run, predicted against observed: the simulated makespans with the
// observed one as a rule, busy slots over time in the run and in a simulated run, and each
// metric's error (observed against predicted) as a bar.
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../../core/units.js';
import type { ReplayReport } from '../../report/replayReport.js';
import { plotSvg, type Figure } from './figure.js';
import type { LegendEntry } from './markup.js';
import { colorOf, inUnit, timeUnit } from './units.js';

const BARS = '#9fb7d3';
const MARKERS = { observed: '#f28e2b', mean: '#1f2328', ci: '#4e79a7', percentiles: '#59a14f', estimate: '#e15759' } as const;

export function replayMakespanFigure(r: ReplayReport): Figure {
  const m = r.predicted.makespanSeconds;
  const observed = r.observed.makespanSeconds;
  const bins = r.histogram.makespan;
  const u = timeUnit(Math.max(observed, r.estimateMakespanSeconds, ...bins.map((b) => b.toSeconds)));
  const x = (s: number): number => inUnit(s, u);
  type Bin = (typeof bins)[number];
  const percentiles = [
    { name: 'p5', seconds: m.p5 },
    { name: 'p50', seconds: m.p50 },
    { name: 'p95', seconds: m.p95 },
  ];
  const most = Math.max(1, ...bins.map((b) => b.count));
  const ci = r.predicted.runs > 1 ? m.ci95 : null;
  const marks = [
    Plot.rectY(bins, { x1: (b: Bin) => x(b.fromSeconds), x2: (b: Bin) => x(b.toSeconds), y: 'count', fill: BARS, inset: 0.5, className: 'bins', title: (b: Bin) => `${formatSeconds(b.fromSeconds)} – ${formatSeconds(b.toSeconds)}: ${b.count} simulated runs` }),
    ...(ci ? [Plot.rectY([ci], { x1: (c: readonly number[]) => x(c[0] ?? 0), x2: (c: readonly number[]) => x(c[1] ?? 0), y1: 0, y2: most, fill: MARKERS.ci, fillOpacity: 0.18, className: 'ci', title: () => `95% interval of the predicted mean ${formatSeconds(ci[0])} – ${formatSeconds(ci[1])}` })] : []),
    Plot.ruleX(percentiles, { x: (p: (typeof percentiles)[number]) => x(p.seconds), stroke: MARKERS.percentiles, strokeDasharray: '4,3', strokeWidth: 1.5, className: 'percentiles', title: (p: (typeof percentiles)[number]) => `predicted ${p.name} ${formatSeconds(p.seconds)}` }),
    Plot.text(percentiles, { x: (p: (typeof percentiles)[number]) => x(p.seconds), y: most, text: 'name', dy: -6, fill: MARKERS.percentiles, className: 'percentile-labels' }),
    Plot.ruleX([m.mean], { x: x, stroke: MARKERS.mean, strokeWidth: 2, className: 'mean', title: () => `predicted mean ${formatSeconds(m.mean)}` }),
    Plot.ruleX([r.estimateMakespanSeconds], { x: x, stroke: MARKERS.estimate, strokeWidth: 2, strokeDasharray: '8,3', className: 'estimate', title: () => `closed-form estimate ${formatSeconds(r.estimateMakespanSeconds)}` }),
    Plot.ruleX([observed], { x: x, stroke: MARKERS.observed, strokeWidth: 3, className: 'observed', title: () => `observed ${formatSeconds(observed)}` }),
    Plot.text([observed], { x: x, y: most / 2, text: () => 'observed', textAnchor: 'start', dx: 5, fill: MARKERS.observed, fontWeight: 'bold', className: 'observed-label' }),
    Plot.ruleY([0]),
  ];
  const svg = plotSvg({ height: 300, marginTop: 28, x: { label: `makespan (${u.label})` }, y: { label: 'simulated runs', grid: true }, marks });
  const legend: LegendEntry[] = [
    { name: 'simulated runs per bin', color: BARS, shape: 'swatch' },
    { name: 'observed makespan', color: MARKERS.observed, shape: 'line' },
    { name: 'predicted mean', color: MARKERS.mean, shape: 'line' },
    ...(ci ? [{ name: '95% interval of the mean', color: MARKERS.ci, shape: 'band' as const }] : []),
    { name: 'p5 / p50 / p95', color: MARKERS.percentiles, shape: 'dashed' },
    { name: 'closed-form estimate', color: MARKERS.estimate, shape: 'dashed' },
  ];
  const stats: string[][] = [
    ['observed', formatSeconds(observed)],
    ['predicted mean', formatSeconds(m.mean)],
    ['95% interval of the mean', ci ? `${formatSeconds(ci[0])} – ${formatSeconds(ci[1])}` : 'n/a (1 run)'],
    ...percentiles.map((p) => [`predicted ${p.name}`, formatSeconds(p.seconds)]),
    ['closed-form estimate', formatSeconds(r.estimateMakespanSeconds)],
  ];
  return {
    id: 'replay-makespan',
    title: `Observed makespan against ${r.predicted.runs} simulated runs`,
    note: `The run's makespan beside the spread the model predicts for it (seed ${r.seed}): ${r.error.withinTolerance ? 'it is' : 'it is not'} ${r.error.tolerance}.`,
    legend,
    svgs: [svg],
    table: {
      caption: 'Makespan, observed and predicted, and simulated runs per bin',
      head: ['', 'makespan', 'simulated runs'],
      rows: [...stats.map((s) => [...s, '']), ...bins.map((b) => ['bin', `${formatSeconds(b.fromSeconds)} – ${formatSeconds(b.toSeconds)}`, String(b.count)])],
      numeric: [2],
    },
  };
}

const SERIES = [
  { key: 'observedBusySlots', name: 'observed' },
  { key: 'predictedBusySlots', name: 'predicted (simulated run 1)' },
] as const;

/** Busy slots in the run and in one simulated run, on one time axis; null when the report has no timeline. */
export function replayTimelineFigure(r: ReplayReport): Figure | null {
  const t = r.timeline;
  if (t === null || t.length === 0) return null;
  const u = timeUnit(t[t.length - 1]?.timeSeconds ?? 0);
  const data = SERIES.flatMap((s) => t.map((p) => ({ series: s.name, time: inUnit(p.timeSeconds, u), value: p[s.key] })));
  const colors = [MARKERS.observed, colorOf(0)];
  const svg = plotSvg({
    height: 280,
    x: { label: `time since the run started (${u.label})` },
    y: { label: 'busy slots (running actions)', grid: true },
    color: { domain: SERIES.map((s) => s.name), range: colors },
    marks: [Plot.lineY(data, { x: 'time', y: 'value', z: 'series', stroke: 'series', strokeWidth: 1.5, curve: 'step-after', className: 'series' }), Plot.ruleY([0])],
  });
  return {
    id: 'replay-timeline',
    title: 'Running actions over time, observed and predicted',
    note: `Busy slots in the Flyte run and in simulated run 1, sampled at the same times; peaks ${r.observed.peakSlots} observed, ${r.predicted.peakSlots} predicted.`,
    legend: SERIES.map((s, i) => ({ name: s.name, color: colors[i] ?? colorOf(i), shape: 'line' as const })),
    svgs: [svg],
    table: {
      caption: 'Busy slots over time',
      head: ['time', 'observed', 'predicted'],
      rows: t.map((p) => [formatSeconds(p.timeSeconds), String(p.observedBusySlots), String(p.predictedBusySlots)]),
      numeric: [1, 2],
    },
  };
}

interface Metric {
  name: string;
  observed: number;
  predicted: number;
  text: (x: number) => string;
}

/** The four numbers a replay compares; the error is observed − predicted, relative to predicted. */
export function replayMetrics(r: ReplayReport): Metric[] {
  const perSecond = (x: number): string => `${x.toPrecision(3)}/s`;
  return [
    { name: 'makespan', observed: r.observed.makespanSeconds, predicted: r.predicted.makespanSeconds.mean, text: formatSeconds },
    { name: 'throughput', observed: r.observed.throughputItemsPerSecond, predicted: r.predicted.throughputItemsPerSecond, text: perSecond },
    { name: 'peak busy slots', observed: r.observed.peakSlots, predicted: r.predicted.peakSlots, text: (x) => String(x) },
    { name: 'cold starts', observed: r.observed.coldStarts, predicted: r.predicted.coldStarts, text: (x) => (Number.isInteger(x) ? String(x) : x.toFixed(1)) },
  ];
}

const SIGNS = [
  { name: 'observed above predicted', color: '#e15759' },
  { name: 'observed below predicted', color: '#4e79a7' },
] as const;

export function replayErrorFigure(r: ReplayReport): Figure {
  const metrics = replayMetrics(r);
  const errorOf = (m: Metric): number | null => (m.predicted > 0 ? (m.observed - m.predicted) / m.predicted : null);
  const bars = metrics.flatMap((m) => {
    const e = errorOf(m);
    return e === null ? [] : [{ name: m.name, percent: Number((e * 100).toPrecision(4)), sign: e > 0 ? SIGNS[0].name : SIGNS[1].name }];
  });
  const reach = Math.max(1, ...bars.map((b) => Math.abs(b.percent))) * 1.15;
  const svg = plotSvg({
    height: 70 + 36 * metrics.length,
    marginLeft: 120,
    x: { label: 'error: observed against predicted (%)', domain: [-reach, reach], grid: true },
    y: { label: null, domain: metrics.map((m) => m.name) },
    color: { domain: SIGNS.map((s) => s.name), range: SIGNS.map((s) => s.color) },
    marks: [Plot.barX(bars, { x: 'percent', y: 'name', fill: 'sign', inset: 4, className: 'errors', title: (b: (typeof bars)[number]) => `${b.name}: ${b.percent >= 0 ? '+' : ''}${b.percent}%` }), Plot.ruleX([0], { stroke: '#1f2328' })],
  });
  const pct = (e: number | null): string => (e === null ? 'n/a (0 predicted)' : `${e >= 0 ? '+' : ''}${(e * 100).toFixed(1)}%`);
  return {
    id: 'replay-error',
    title: 'Error of each metric',
    note: 'How far the run was from the prediction: (observed − predicted) / predicted. A bar right of zero: the run was higher than predicted.',
    legend: SIGNS.map((s) => ({ name: s.name, color: s.color, shape: 'swatch' as const })),
    svgs: [svg],
    table: {
      caption: `Observed, predicted (mean of ${r.predicted.runs} simulated runs; peak slots from run 1) and error`,
      head: ['metric', 'observed', 'predicted', 'error'],
      rows: metrics.map((m) => [m.name, m.text(m.observed), m.text(m.predicted), pct(errorOf(m))]),
      numeric: [1, 2, 3],
      tones: metrics.map((m) => (m.name === 'makespan' ? (r.error.withinTolerance ? 'good' : 'bad') : undefined)),
    },
  };
}

export function replayFigures(r: ReplayReport): Figure[] {
  const timeline = replayTimelineFigure(r);
  return [replayMakespanFigure(r), ...(timeline ? [timeline] : []), replayErrorFigure(r)];
}
