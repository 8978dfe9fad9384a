// sweep on a workflow as a table: one row per point, in rank order.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import type { WorkflowSweepReport } from '../report/workflowSweepReport.js';
import type { Doc } from './doc.js';

export function workflowSweepDoc(r: WorkflowSweepReport): Doc {
  const paths = r.axes.map((a) => a.path);
  const rows = [...r.points].sort((a, b) => a.rank - b.rank).map((p) => [String(p.rank), ...paths.map((k) => p.parameters[k] ?? ''), s(p.latency.meanSeconds), s(p.latency.p99Seconds), p.cost === null ? `${int(Math.round(p.billedReplicaSeconds))} replica-s` : decimal(p.cost, 2), int(p.actions), p.feasible ? 'yes' : 'no']);
  return {
    title: `flyscale sweep: ${r.scenario.name} (workflow)`,
    subtitle: `${int(r.points.length)} points × ${int(r.runs)} replications, seed ${r.seed}; ranked by ${r.objective === 'cost' ? 'cost per run' : 'mean end-to-end latency'}; feasible: within the run's hard limit on actions`,
    blocks: [{ kind: 'table', title: 'Points', head: ['rank', ...paths, 'mean', 'p99', 'cost/run', 'actions', 'feasible'], numeric: [0, paths.length + 1, paths.length + 2, paths.length + 3, paths.length + 4], rows }],
  };
}
