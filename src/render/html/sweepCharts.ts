// A sweep as pictures: makespan against batch size, one line per combination of the other
// settings, and time against cost with the Pareto front drawn through the points that no
// other point beats on both.
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../../core/units.js';
import type { SweepPoint, SweepReport } from '../../report/sweepReport.js';
import { plotSvg, type Figure } from './figure.js';
import { colorOf, inUnit, timeUnit } from './units.js';

type Simulated = SweepPoint & { makespan: NonNullable<SweepPoint['makespan']> };
const simulated = (r: SweepReport): Simulated[] => r.points.filter((p): p is Simulated => p.makespan !== null);

/** The series a point belongs to: the settings that vary across the sweep, other than the batch size, as written. */
export function seriesOf(r: SweepReport, p: SweepPoint): string {
  const varied = new Set(r.axes.filter((a) => a.values.length > 1 && a.key !== 'batchSize').map((a) => a.key));
  const rest = Object.entries(p.parameters).filter(([k]) => varied.has(k));
  return rest.length === 0 ? 'all points' : rest.map(([k, v]) => `${k} ${v}`).join(', ');
}

export function makespanByBatchFigure(r: SweepReport): Figure {
  const pts = simulated(r);
  const series = [...new Set(pts.map((p) => seriesOf(r, p)))];
  const u = timeUnit(Math.max(0, ...pts.map((p) => p.makespan.ci95Seconds?.[1] ?? p.makespan.meanSeconds)));
  const data = pts.map((p) => ({ series: seriesOf(r, p), batch: p.batchSize, y: inUnit(p.makespan.meanSeconds, u), lo: inUnit(p.makespan.ci95Seconds?.[0] ?? p.makespan.meanSeconds, u), hi: inUnit(p.makespan.ci95Seconds?.[1] ?? p.makespan.meanSeconds, u), p }));
  data.sort((a, b) => a.batch - b.batch);
  const colors = series.map((_, i) => colorOf(i));
  const svg = plotSvg({
    height: 340,
    x: { label: 'batch size (items per action)', type: 'log', grid: true },
    y: { label: `mean makespan (${u.label})`, grid: true, zero: true },
    color: { domain: series, range: colors },
    marks: [
      Plot.ruleX(data, { x: 'batch', y1: 'lo', y2: 'hi', stroke: 'series', strokeOpacity: 0.6, className: 'intervals' }),
      Plot.lineY(data, { x: 'batch', y: 'y', z: 'series', stroke: 'series', className: 'series' }),
      Plot.dot(data, { x: 'batch', y: 'y', fill: 'series', r: 3.5, className: 'points', title: (d: (typeof data)[number]) => `${d.series}, batch ${d.batch}: ${formatSeconds(d.p.makespan.meanSeconds)}` }),
    ],
  });
  return {
    id: 'sweep-makespan',
    title: 'Makespan against batch size',
    note: `Mean of ${r.runs} replications at each point, with its 95% interval; the same seeds at every point, so differences are not noise from the seeds.${new Set(data.map((d) => d.batch)).size === 1 ? ' Every point ran one batch size: sweep --batch-size 100,250,500 to draw lines.' : ''}`,
    legend: series.length > 1 ? series.map((s, i) => ({ name: s, color: colors[i] ?? colorOf(i), shape: 'line' as const })) : [],
    svgs: [svg],
    table: {
      caption: 'Makespan at each simulated point',
      head: ['series', 'batch size', 'mean makespan', '95% CI'],
      rows: data.map((d) => [d.series, String(d.batch), formatSeconds(d.p.makespan.meanSeconds), d.p.makespan.ci95Seconds ? `${formatSeconds(d.p.makespan.ci95Seconds[0])} – ${formatSeconds(d.p.makespan.ci95Seconds[1])}` : 'n/a (1 run)']),
      numeric: [1, 2],
    },
  };
}

/** The cost axis: the price when every point has one, else billed replica-hours (as the Pareto set uses). */
function costAxis(pts: readonly Simulated[]): { label: string; of: (p: Simulated) => number; text: (x: number) => string } {
  if (pts.every((p) => p.cost !== null)) return { label: 'cost per run (price units)', of: (p) => p.cost?.mean ?? 0, text: (x) => x.toFixed(2) };
  return { label: 'billed replica-hours per run', of: (p) => (p.replicaSeconds?.billed.mean ?? 0) / 3600, text: (x) => x.toFixed(2) };
}

export function paretoFigure(r: SweepReport): Figure {
  const pts = simulated(r);
  const cost = costAxis(pts);
  const u = timeUnit(Math.max(0, ...pts.map((p) => p.makespan.meanSeconds)));
  const groups = ['Pareto front', 'other points'] as const;
  const data = pts.map((p) => ({ time: inUnit(p.makespan.meanSeconds, u), cost: Number(cost.of(p).toPrecision(4)), group: p.pareto ? groups[0] : groups[1], label: `${seriesOf(r, p)}, batch ${p.batchSize}`, p }));
  const front = data.filter((d) => d.p.pareto).sort((a, b) => a.time - b.time);
  const colors = [colorOf(2), '#8c959f'] as const;
  const svg = plotSvg({
    height: 340,
    x: { label: `mean makespan (${u.label})`, grid: true },
    y: { label: cost.label, grid: true },
    color: { domain: [...groups], range: colors },
    marks: [
      Plot.line(front, { x: 'time', y: 'cost', stroke: colors[0], strokeWidth: 2, curve: 'step-after', className: 'front' }),
      Plot.dot(data, { x: 'time', y: 'cost', fill: 'group', r: 4, className: 'points', title: (d: (typeof data)[number]) => `${d.label}: ${formatSeconds(d.p.makespan.meanSeconds)}, ${cost.text(d.cost)}${d.p.pareto ? ' (Pareto front)' : ''}` }),
    ],
  });
  return {
    id: 'sweep-pareto',
    title: 'Time against cost',
    note: 'Points on the Pareto front are those no other point beats on both time and cost: pick among them.',
    legend: groups.map((g, i) => ({ name: g, color: colors[i] ?? colorOf(i), shape: 'swatch' as const })),
    svgs: [svg],
    table: {
      caption: 'Time and cost of each simulated point',
      head: ['point', 'mean makespan', cost.label, 'Pareto front'],
      rows: data.map((d) => [d.label, formatSeconds(d.p.makespan.meanSeconds), cost.text(d.cost), d.p.pareto ? 'yes' : '']),
      numeric: [1, 2],
    },
  };
}

export function sweepFigures(r: SweepReport): Figure[] {
  return simulated(r).length === 0 ? [] : [makespanByBatchFigure(r), paretoFigure(r)];
}
