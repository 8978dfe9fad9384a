// A stream of runs as pictures: the per-run latency's mean and percentiles with their 95%
// intervals over the replications; with --timeline, each environment's replicas, busy slots and
// queue over replication 1; and a stream sweep's p99 against cost with the Pareto set marked.
import * as Plot from '@observablehq/plot';
import { formatSeconds, thousands } from '../../core/units.js';
import type { StreamSweepPoint } from '../../core/stream/streamSweep.js';
import type { StreamSimulateReport } from '../../report/streamSimulateReport.js';
import type { StreamSweepReport } from '../../report/streamSweepReport.js';
import { plotSvg, type Figure } from './figure.js';
import { colorOf, inUnit, timeUnit } from './units.js';

const STATS = [
  { key: 'meanSeconds', name: 'mean' },
  { key: 'p50Seconds', name: 'p50' },
  { key: 'p95Seconds', name: 'p95' },
  { key: 'p99Seconds', name: 'p99' },
  { key: 'p999Seconds', name: 'p99.9' },
] as const;

const interval = (ci: [number, number] | null): string => (ci ? `${formatSeconds(ci[0])} – ${formatSeconds(ci[1])}` : 'n/a (1 replication)');

/** Each latency statistic as a dot at its mean over the replications, its 95% interval as a bar. */
export function streamLatencyFigure(r: StreamSimulateReport): Figure[] {
  const l = r.latency;
  if (l === null) return [];
  const top = Math.max(...STATS.map((s) => l.ci95Seconds[s.key]?.[1] ?? l[s.key]));
  const u = timeUnit(top);
  const data = STATS.map((s) => ({ name: s.name, value: inUnit(l[s.key], u), ci: l.ci95Seconds[s.key], seconds: l[s.key] }));
  const withCi = data.filter((d) => d.ci !== null);
  const svg = plotSvg({
    height: 220,
    marginLeft: 60,
    x: { label: `per-run latency (${u.label})`, grid: true, domain: [0, inUnit(top, u) * 1.05] },
    y: { label: null, domain: STATS.map((s) => s.name) },
    marks: [
      Plot.ruleY(withCi, { y: 'name', x1: (d: (typeof data)[number]) => inUnit(d.ci?.[0] ?? 0, u), x2: (d: (typeof data)[number]) => inUnit(d.ci?.[1] ?? 0, u), stroke: colorOf(0), strokeWidth: 6, strokeOpacity: 0.35, className: 'interval' }),
      Plot.dot(data, { y: 'name', x: 'value', fill: colorOf(0), r: 4, className: 'statistics', title: (d: (typeof data)[number]) => `${d.name} ${formatSeconds(d.seconds)} (95% CI ${interval(d.ci)})` }),
      Plot.ruleX([0]),
    ],
  });
  return [
    {
      id: 'stream-latency',
      title: `Per-run latency over ${r.runs} replications of the stream`,
      note: `Each statistic is taken over one replication's measured runs (${thousands(r.arrivals.measuredRuns ?? 0)} a replication, after the warm-up), then averaged over the replications; the bar is the 95% interval of that average.`,
      legend: [
        { name: 'mean over the replications', color: colorOf(0), shape: 'swatch' },
        ...(withCi.length > 0 ? [{ name: '95% interval', color: colorOf(0), shape: 'band' as const }] : []),
      ],
      svgs: [svg],
      table: { caption: 'Latency statistics', head: ['statistic', 'latency', '95% interval'], rows: data.map((d) => [d.name, formatSeconds(d.seconds), interval(d.ci)]), numeric: [1] },
    },
  ];
}

const SERIES = [
  { key: 'readyReplicas', name: 'ready replicas' },
  { key: 'busySlots', name: 'busy slots' },
  { key: 'queued', name: 'actions waiting' },
] as const;

/** With --timeline: one chart per environment of replication 1's replicas, busy slots and queue. */
export function streamTimelineFigures(r: StreamSimulateReport): Figure[] {
  const timeline = r.timeline;
  if (timeline === undefined) return [];
  return Object.entries(timeline)
    .filter(([, points]) => points.length > 0)
    .map(([env, points]) => {
      const u = timeUnit(points[points.length - 1]?.tSeconds ?? 0);
      const data = SERIES.flatMap((s) => points.map((p) => ({ series: s.name, time: inUnit(p.tSeconds, u), value: p[s.key] })));
      const svg = plotSvg({
        height: 240,
        x: { label: `time since the stream started (${u.label})` },
        y: { label: 'replicas / slots / actions', grid: true },
        color: { domain: SERIES.map((s) => s.name), range: SERIES.map((_, i) => colorOf(i)) },
        marks: [Plot.lineY(data, { x: 'time', y: 'value', z: 'series', stroke: 'series', curve: 'step-after', className: 'series' }), Plot.ruleY([0])],
      });
      return {
        id: `stream-timeline-${env}`,
        title: `Environment ${env} over time`,
        note: 'Replication 1: replicas up, slots working and actions waiting for a slot, shared by every run of the stream.',
        legend: SERIES.map((s, i) => ({ name: s.name, color: colorOf(i), shape: 'line' as const })),
        svgs: [svg],
        table: { caption: `Timeline of ${env} in replication 1`, head: ['time', ...SERIES.map((s) => s.name)], rows: points.map((p) => [formatSeconds(p.tSeconds), ...SERIES.map((s) => String(p[s.key]))]), numeric: [1, 2, 3] },
      };
    });
}

const GROUPS = ['Pareto set', 'other points'] as const;
const COLORS = [colorOf(2), '#8c959f'] as const;
const labelOf = (p: StreamSweepPoint): string => Object.entries(p.parameters).map(([k, v]) => `${k} ${v}`).join(', ') || 'the file as written';

/** The points the stream can serve: p99 against cost per hour (replicas billed without a price), the Pareto set marked. */
export function streamSweepFigure(r: StreamSweepReport): Figure[] {
  const served = r.points.filter((p) => p.latency !== null);
  if (served.length === 0) return [];
  const priced = served.every((p) => p.cost !== null);
  const costLabel = priced ? 'cost per hour (price units)' : 'replicas billed';
  const costOf = (p: StreamSweepPoint): number => Number((priced ? (p.cost?.perHour ?? 0) : (p.replicasBilled ?? 0)).toPrecision(4));
  const u = timeUnit(Math.max(...served.map((p) => p.latency?.p99Seconds ?? 0)));
  const data = served.map((p) => ({ p99: inUnit(p.latency?.p99Seconds ?? 0, u), cost: costOf(p), group: p.pareto ? GROUPS[0] : GROUPS[1], label: labelOf(p), p }));
  const front = data.filter((d) => d.p.pareto).sort((a, b) => a.p99 - b.p99);
  const svg = plotSvg({
    height: 340,
    x: { label: `p99 per-run latency (${u.label})`, grid: true, inset: 12 },
    y: { label: costLabel, grid: true, inset: 12 },
    color: { domain: [...GROUPS], range: [...COLORS] },
    marks: [
      Plot.line(front, { x: 'p99', y: 'cost', stroke: COLORS[0], strokeWidth: 2, curve: 'step-after', className: 'front' }),
      Plot.dot(data, { x: 'p99', y: 'cost', fill: 'group', r: 4, className: 'points', title: (d: (typeof data)[number]) => `${d.label}: p99 ${formatSeconds(d.p.latency?.p99Seconds ?? 0)}, ${d.cost} (${d.group})` }),
    ],
  });
  const unstable = r.points.length - served.length;
  return [
    {
      id: 'stream-sweep-pareto',
      title: 'p99 latency against cost',
      note: `Mean of ${r.runs} replications of the stream at each point, the same seeds at every point. The Pareto set is the points no other point beats on both p99 and cost: pick among them.${unstable > 0 ? ` ${unstable} point${unstable === 1 ? ' is' : 's are'} offered more than ${unstable === 1 ? 'it' : 'they'} can serve and not drawn (see the table).` : ''}`,
      legend: GROUPS.filter((g) => data.some((d) => d.group === g)).map((g) => ({ name: g, color: COLORS[GROUPS.indexOf(g)] ?? COLORS[1], shape: 'swatch' as const })),
      svgs: [svg],
      table: {
        caption: 'p99 and cost of each point, in rank order',
        head: ['rank', 'point', 'offered load', 'p99 latency', costLabel, 'Pareto set'],
        rows: [...r.points].sort((a, b) => a.rank - b.rank).map((p) => [String(p.rank), labelOf(p), p.offered.toFixed(2), p.latency ? formatSeconds(p.latency.p99Seconds) : 'unstable', p.latency ? String(costOf(p)) : '—', p.pareto ? 'yes' : '']),
        numeric: [0, 2, 3, 4],
      },
    },
  ];
}
