// sweep on a stream of runs as a table: one row per point in rank order, the Pareto set of p99
// against cost marked.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import { formatRate } from '../core/stream/formatRate.js';
import type { StreamSweepReport } from '../report/streamSweepReport.js';
import type { Doc } from './doc.js';

export function streamSweepDoc(r: StreamSweepReport): Doc {
  const paths = r.axes.map((a) => a.path);
  const rows = [...r.points]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => [
      String(p.rank),
      ...paths.map((k) => p.parameters[k] ?? ''),
      decimal(p.offered, 2),
      p.latency ? `${s(p.latency.p99Seconds)}${p.latency.p99Ci95Seconds ? ` ± ${s((p.latency.p99Ci95Seconds[1] - p.latency.p99Ci95Seconds[0]) / 2)}` : ''}` : 'unstable',
      p.latency ? s(p.latency.meanSeconds) : '—',
      p.cost ? decimal(p.cost.perHour, 2) : p.replicasBilled !== null ? `${decimal(p.replicasBilled, 1)} replicas` : '—',
      p.cost ? decimal(p.cost.perRun, 4) : '—',
      p.coldStartsPerHour === null ? '—' : decimal(p.coldStartsPerHour, 1),
      p.pareto ? '✓' : '',
    ]);
  const n = paths.length;
  return {
    title: `flyscale sweep: ${r.scenario.name} (a stream of runs at ${formatRate(r.arrivals.ratePerSecond)})`,
    subtitle: `${int(r.points.length)} points × ${int(r.runs)} replications of the stream, seed ${r.seed}; ranked by ${r.objective === 'cost' ? 'cost per hour' : 'p99 latency'}; ✓: on the Pareto set of p99 against cost; unstable: ρ ≥ 1, not simulated`,
    blocks: [{ kind: 'table', title: 'Points', head: ['rank', ...paths, 'ρ', 'p99 (± 95%)', 'mean', 'cost/h', 'cost/run', 'cold/h', 'pareto'], numeric: [0, n + 1, n + 2, n + 3, n + 4, n + 5, n + 6], rows }],
  };
}
