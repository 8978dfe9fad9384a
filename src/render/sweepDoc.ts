// The sweep as a ranked table and a chart of makespan against batch size. The table fits the
// width it is given by dropping or merging the columns that say least, never by wrapping cells.
import { formatSeconds } from '../core/units.js';
import type { SweepPoint, SweepReport } from '../report/sweepReport.js';
import { scatter, scatterSeries, type Series } from './chart.js';
import type { Block, Doc } from './doc.js';
import { int } from './planDoc.js';
import { type Column, fitColumns } from './fitTable.js';

/** From the widest table to the narrowest: each step gives up one column's worth of detail. */
const LAYOUTS = [
  { pareto: '★ pareto', mergeCi: false, util: true, actions: true },
  { pareto: '★', mergeCi: false, util: true, actions: true },
  { pareto: '★', mergeCi: true, util: true, actions: true },
  { pareto: '★', mergeCi: true, util: false, actions: true },
  { pareto: '★', mergeCi: true, util: false, actions: false },
] as const;
type Layout = (typeof LAYOUTS)[number];

const ci = (p: SweepPoint): string => {
  const c = p.makespan?.ci95Seconds;
  return c ? `${formatSeconds(c[0])} – ${formatSeconds(c[1])}` : 'n/a (1 run)';
};
/** The interval as ± its half-width: shorter than both ends, and as exact at this precision. */
const plusMinus = (p: SweepPoint): string => {
  const c = p.makespan?.ci95Seconds;
  return c ? `${formatSeconds(p.makespan?.meanSeconds ?? 0)} ± ${formatSeconds((c[1] - c[0]) / 2)}` : `${formatSeconds(p.makespan?.meanSeconds ?? 0)} (1 run)`;
};

function columns(r: SweepReport, keys: readonly string[], layout: Layout): Column<SweepPoint>[] {
  const priced = r.points.some((p) => p.cost !== null);
  const simulated = (f: (p: SweepPoint) => string) => (p: SweepPoint) => (p.feasible && p.makespan ? f(p) : '');
  const cols: Column<SweepPoint>[] = keys.map((k) => ({ head: k, numeric: false, cell: (p) => p.parameters[k] ?? '' }));
  if (layout.actions) cols.push({ head: 'actions', numeric: true, cell: (p) => int(p.actions) });
  if (layout.mergeCi) cols.push({ head: 'makespan (95% CI)', numeric: false, cell: (p) => (p.feasible && p.makespan ? plusMinus(p) : 'infeasible') });
  else cols.push({ head: 'makespan mean', numeric: true, cell: (p) => (p.feasible && p.makespan ? formatSeconds(p.makespan.meanSeconds) : 'infeasible') }, { head: '95% CI', numeric: false, cell: simulated(ci) });
  // Four significant figures, so close points on the Pareto front can be told apart.
  cols.push({ head: priced ? 'cost' : 'replica-hours', numeric: true, cell: simulated((p) => (p.cost !== null ? p.cost.mean.toPrecision(4) : ((p.replicaSeconds?.billed.mean ?? 0) / 3600).toPrecision(4))) });
  if (layout.util) cols.push({ head: 'util.', numeric: false, cell: simulated((p) => `${Math.round((p.utilization?.mean ?? 0) * 100)}%`) });
  cols.push({ head: '', numeric: false, cell: (p) => (p.pareto ? layout.pareto : p.feasible ? '' : p.infeasibleBecause.join(', ')) });
  return cols;
}

function table(r: SweepReport, keys: readonly string[], width: number): Block {
  return { kind: 'table', title: `Points by ${r.objective} (★: no other point is both faster and cheaper)`, ...fitColumns(LAYOUTS, (l) => columns(r, keys, l), r.points, width) };
}

function chart(r: SweepReport, keys: readonly string[], width: number): Block | null {
  const chartable = r.points.filter((p) => p.makespan !== null);
  if (!r.axes.some((a) => a.key === 'batchSize' && a.values.length > 1) || chartable.length < 2) return null;
  const plotWidth = Math.max(20, Math.min(60, width - 5));
  const y = (p: SweepPoint): number => p.makespan?.meanSeconds ?? 0;
  // One series per combination of the other swept settings, in the order the grid lists them.
  const others = keys.filter((k) => k !== 'batchSize');
  const nameOf = (p: SweepPoint): string => others.map((k) => `${k} ${p.parameters[k] ?? ''}`).join(', ');
  const names = [...new Set(chartable.map(nameOf))];
  const lines =
    others.length === 0
      ? scatter(chartable.map((p) => ({ x: p.batchSize, y: y(p), mark: p.pareto ? '★' : '●' })), plotWidth, 10)
      : scatterSeries(names.map((name): Series => ({ name, points: chartable.filter((p) => nameOf(p) === name).map((p) => ({ x: p.batchSize, y: y(p) })) })), plotWidth, 10);
  const xs = chartable.map((p) => p.batchSize);
  const ys = chartable.map(y);
  const axis = ` batch size ${int(Math.min(...xs))} – ${int(Math.max(...xs))} (right)`;
  const plot = others.length === 0 ? [...lines, axis] : [...lines.slice(0, 11), axis, ...lines.slice(11)];
  return { kind: 'text', picture: true, title: 'Makespan against batch size', lines: [`makespan ${formatSeconds(Math.min(...ys))} – ${formatSeconds(Math.max(...ys))} (up)`, ...plot] };
}

/** `width`: columns the table may take (Infinity for Markdown, which has no width). */
export function sweepDoc(r: SweepReport, width = Infinity): Doc {
  const keys = r.axes.filter((a) => a.values.length > 1).map((a) => a.key);
  const plot = chart(r, keys, Number.isFinite(width) ? width : 100);
  return {
    title: `flyscale sweep: ${r.scenario.name}`,
    subtitle: `${r.points.length} points, ${raced(r)}, seed ${r.seed} (common random numbers)`,
    blocks: [table(r, keys, width), ...(plot ? [plot] : [])],
  };
}

/** With --race: how many points ran to the end and what the race saved; the JSON says which were dropped and when. */
function raced(r: SweepReport): string {
  if (!r.race) return `${r.runs} replications each`;
  const share = r.race.exhaustiveActions > 0 ? Math.round((100 * r.race.simulatedActions) / r.race.exhaustiveActions) : 0;
  return `raced: ${r.race.survivors} ran all ${r.runs} replications, ${r.race.dropped} dropped as dominated after ${r.race.firstRuns} or more (${share}% of the simulated actions of a full sweep)`;
}
