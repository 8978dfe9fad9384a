// sweep on a stream of runs as a table: one row per point in rank order, the Pareto set of p99
// against cost marked. The table fits the width it is given by giving up the columns that say
// least, never by wrapping cells.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import { formatRate } from '../core/stream/formatRate.js';
import type { StreamSweepPoint } from '../core/stream/streamSweep.js';
import type { StreamSweepReport } from '../report/streamSweepReport.js';
import type { Doc } from './doc.js';
import { type Column, fitColumns, shortPaths } from './fitTable.js';

/** From the widest table to the narrowest: each step gives up one column's worth of detail. */
const LAYOUTS = [
  { shortHeads: false, interval: true, cold: true, mean: true, perRun: true, offered: true },
  { shortHeads: true, interval: true, cold: true, mean: true, perRun: true, offered: true },
  { shortHeads: true, interval: false, cold: true, mean: true, perRun: true, offered: true },
  { shortHeads: true, interval: false, cold: false, mean: true, perRun: true, offered: true },
  { shortHeads: true, interval: false, cold: false, mean: false, perRun: true, offered: true },
  { shortHeads: true, interval: false, cold: false, mean: false, perRun: false, offered: true },
  { shortHeads: true, interval: false, cold: false, mean: false, perRun: false, offered: false },
] as const;
type Layout = (typeof LAYOUTS)[number];

const p99 = (p: StreamSweepPoint, interval: boolean): string => {
  if (!p.latency) return 'unstable';
  const ci = p.latency.p99Ci95Seconds;
  return `${s(p.latency.p99Seconds)}${interval && ci ? ` ± ${s((ci[1] - ci[0]) / 2)}` : ''}`;
};

function columns(r: StreamSweepReport, layout: Layout): Column<StreamSweepPoint>[] {
  const paths = r.axes.map((a) => a.path);
  const heads = layout.shortHeads ? shortPaths(paths) : paths;
  const cols: Column<StreamSweepPoint>[] = [{ head: 'rank', numeric: true, cell: (p) => String(p.rank) }, ...paths.map((k, i) => ({ head: heads[i] ?? k, numeric: false, cell: (p: StreamSweepPoint) => p.parameters[k] ?? '' }))];
  if (layout.offered) cols.push({ head: 'ρ', numeric: true, cell: (p) => decimal(p.offered, 2) });
  cols.push({ head: layout.interval ? 'p99 (± 95%)' : 'p99', numeric: true, cell: (p) => p99(p, layout.interval) });
  if (layout.mean) cols.push({ head: 'mean', numeric: true, cell: (p) => (p.latency ? s(p.latency.meanSeconds) : '—') });
  cols.push({ head: 'cost/h', numeric: true, cell: (p) => (p.cost ? decimal(p.cost.perHour, 2) : p.replicasBilled !== null ? `${decimal(p.replicasBilled, 1)} replicas` : '—') });
  if (layout.perRun) cols.push({ head: 'cost/run', numeric: true, cell: (p) => (p.cost ? decimal(p.cost.perRun, 4) : '—') });
  if (layout.cold) cols.push({ head: 'cold/h', numeric: true, cell: (p) => (p.coldStartsPerHour === null ? '—' : decimal(p.coldStartsPerHour, 1)) });
  cols.push({ head: layout.shortHeads ? '✓' : 'pareto', numeric: false, cell: (p) => (p.pareto ? '✓' : '') });
  return cols;
}

/** `width`: columns the table may take (Infinity for Markdown and HTML, which have no width). */
export function streamSweepDoc(r: StreamSweepReport, width = Infinity): Doc {
  return {
    title: `flyscale sweep: ${r.scenario.name} (a stream of runs at ${formatRate(r.arrivals.ratePerSecond)})`,
    subtitle: `${int(r.points.length)} points × ${int(r.runs)} replications of the stream, seed ${r.seed}; ranked by ${r.objective === 'cost' ? 'cost per hour' : 'p99 latency'}; ✓: on the Pareto set of p99 against cost; unstable: ρ ≥ 1, not simulated`,
    blocks: [{ kind: 'table', title: 'Points', ...fitColumns(LAYOUTS, (l) => columns(r, l), [...r.points].sort((a, b) => a.rank - b.rank), width) }],
  };
}
