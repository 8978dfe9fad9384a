// sweep on a workflow as a picture: each point's mean end-to-end latency against its cost per
// run, the Pareto front (the feasible points no other feasible point beats on both) drawn
// through, and the points over the run's limit on actions set apart.
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../../core/units.js';
import { paretoSet } from '../../core/sweep/pareto.js';
import type { WorkflowPoint } from '../../core/workflow/sweepPoints.js';
import type { WorkflowSweepReport } from '../../report/workflowSweepReport.js';
import { plotSvg, type Figure } from './figure.js';
import { colorOf, inUnit, timeUnit } from './units.js';

const GROUPS = ['Pareto front', 'other points', 'over the limit on actions'] as const;
const COLORS = [colorOf(2), '#8c959f', '#d4a72c'] as const;

/** The cost axis: the price when every point has one, else billed replica-hours. */
function costAxis(pts: readonly WorkflowPoint[]): { label: string; of: (p: WorkflowPoint) => number } {
  if (pts.every((p) => p.cost !== null)) return { label: 'cost per run (price units)', of: (p) => p.cost ?? 0 };
  return { label: 'billed replica-hours per run', of: (p) => p.billedReplicaSeconds / 3600 };
}

/** The indices of the feasible points on the Pareto front of mean latency against the cost axis. */
export function workflowParetoSet(pts: readonly WorkflowPoint[]): Set<number> {
  const cost = costAxis(pts);
  const feasible = pts.map((p, i) => ({ p, i })).filter((x) => x.p.feasible);
  const front = paretoSet(feasible.map((x) => ({ time: x.p.latency.meanSeconds, cost: cost.of(x.p) })));
  return new Set(feasible.filter((_, k) => front.has(k)).map((x) => x.i));
}

const labelOf = (p: WorkflowPoint): string => Object.entries(p.parameters).map(([k, v]) => `${k} ${v}`).join(', ') || 'the file as written';

export function workflowSweepFigure(r: WorkflowSweepReport): Figure {
  const cost = costAxis(r.points);
  const front = workflowParetoSet(r.points);
  const u = timeUnit(Math.max(0, ...r.points.map((p) => p.latency.meanSeconds)));
  const data = r.points.map((p, i) => ({ time: inUnit(p.latency.meanSeconds, u), cost: Number(cost.of(p).toPrecision(4)), group: front.has(i) ? GROUPS[0] : p.feasible ? GROUPS[1] : GROUPS[2], label: labelOf(p), p }));
  const line = data.filter((d) => d.group === GROUPS[0]).sort((a, b) => a.time - b.time);
  const present = GROUPS.filter((g) => data.some((d) => d.group === g));
  const svg = plotSvg({
    height: 340,
    x: { label: `mean end-to-end latency (${u.label})`, grid: true, inset: 12 },
    y: { label: cost.label, grid: true, inset: 12 },
    color: { domain: [...GROUPS], range: [...COLORS] },
    marks: [
      Plot.line(line, { x: 'time', y: 'cost', stroke: COLORS[0], strokeWidth: 2, curve: 'step-after', className: 'front' }),
      Plot.dot(data, { x: 'time', y: 'cost', fill: 'group', r: 4, className: 'points', title: (d: (typeof data)[number]) => `${d.label}: ${formatSeconds(d.p.latency.meanSeconds)}, ${d.cost} (${d.group})` }),
    ],
  });
  return {
    id: 'workflow-sweep-pareto',
    title: 'End-to-end latency against cost',
    note: `Mean of ${r.runs} simulated runs at each point, the same seeds at every point. Points on the Pareto front are those no other point within the limit on actions beats on both latency and cost: pick among them.`,
    legend: present.map((g) => ({ name: g, color: COLORS[GROUPS.indexOf(g)] ?? COLORS[1], shape: 'swatch' as const })),
    svgs: [svg],
    table: {
      caption: 'Latency and cost of each point, in rank order',
      head: ['rank', 'point', 'mean latency', 'p99 latency', cost.label, 'Pareto front'],
      rows: [...data].sort((a, b) => a.p.rank - b.p.rank).map((d) => [String(d.p.rank), d.label, formatSeconds(d.p.latency.meanSeconds), formatSeconds(d.p.latency.p99Seconds), String(d.cost), d.group === GROUPS[0] ? 'yes' : d.p.feasible ? '' : 'over the limit']),
      numeric: [0, 2, 3, 4],
    },
  };
}
