// sweep on a workflow as a table: one row per point, in rank order. The table fits the width it
// is given by giving up the columns that say least, never by wrapping cells.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import type { WorkflowPoint } from '../core/workflow/sweepPoints.js';
import type { WorkflowSweepReport } from '../report/workflowSweepReport.js';
import type { Doc } from './doc.js';
import { type Column, fitColumns, shortPaths } from './fitTable.js';

/** From the widest table to the narrowest: each step gives up one column's worth of detail. */
const LAYOUTS = [
  { shortHeads: false, p99: true, actions: true, feasible: true },
  { shortHeads: true, p99: true, actions: true, feasible: true },
  { shortHeads: true, p99: true, actions: false, feasible: true },
  { shortHeads: true, p99: false, actions: false, feasible: true },
  { shortHeads: true, p99: false, actions: false, feasible: false },
] as const;
type Layout = (typeof LAYOUTS)[number];

function columns(r: WorkflowSweepReport, layout: Layout): Column<WorkflowPoint>[] {
  const paths = r.axes.map((a) => a.path);
  const heads = layout.shortHeads ? shortPaths(paths) : paths;
  // Without a price the cost is billed replica-seconds: in the header when every point says so.
  const unpriced = r.points.every((p) => p.cost === null);
  const cost = (p: WorkflowPoint): string => (p.cost === null ? (layout.shortHeads && unpriced ? int(Math.round(p.billedReplicaSeconds)) : `${int(Math.round(p.billedReplicaSeconds))} replica-s`) : decimal(p.cost, 2));
  const cols: Column<WorkflowPoint>[] = [{ head: 'rank', numeric: true, cell: (p) => String(p.rank) }, ...paths.map((k, i) => ({ head: heads[i] ?? k, numeric: false, cell: (p: WorkflowPoint) => p.parameters[k] ?? '' }))];
  cols.push({ head: 'mean', numeric: true, cell: (p) => (layout.feasible || p.feasible ? s(p.latency.meanSeconds) : 'infeasible') });
  if (layout.p99) cols.push({ head: 'p99', numeric: true, cell: (p) => s(p.latency.p99Seconds) });
  cols.push({ head: layout.shortHeads && unpriced ? 'replica-s/run' : 'cost/run', numeric: true, cell: cost });
  if (layout.actions) cols.push({ head: 'actions', numeric: true, cell: (p) => int(p.actions) });
  if (layout.feasible) cols.push({ head: 'feasible', numeric: false, cell: (p) => (p.feasible ? 'yes' : 'no') });
  return cols;
}

/** `width`: columns the table may take (Infinity for Markdown and HTML, which have no width). */
export function workflowSweepDoc(r: WorkflowSweepReport, width = Infinity): Doc {
  return {
    title: `flyscale sweep: ${r.scenario.name} (workflow)`,
    subtitle: `${int(r.points.length)} points × ${int(r.runs)} replications, seed ${r.seed}; ranked by ${r.objective === 'cost' ? 'cost per run' : 'mean end-to-end latency'}; feasible: within the run's hard limit on actions`,
    blocks: [{ kind: 'table', title: 'Points', ...fitColumns(LAYOUTS, (l) => columns(r, l), [...r.points].sort((a, b) => a.rank - b.rank), width) }],
  };
}
