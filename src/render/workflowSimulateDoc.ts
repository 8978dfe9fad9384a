// The simulated run as blocks: end-to-end latency, each step's start and end beside the closed
// form, each environment, and with --timeline a Gantt of the steps of replication 1.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import type { WorkflowSimulateReport } from '../report/workflowSimulateReport.js';
import type { Block, Doc } from './doc.js';
import { stoppedBecause } from './simulateDoc.js';

const ci = (x: [number, number]): string => `${s(x[0])} – ${s(x[1])}`;

function ganttBlock(r: WorkflowSimulateReport, width: number): Block | null {
  const g = r.gantt;
  if (!g || g.length === 0) return null;
  const end = Math.max(...g.map((x) => x.endSeconds), 1e-9);
  const label = Math.max(...g.map((x) => x.name.length));
  const cols = Math.max(20, Math.min(80, width - label - 6));
  const lines = g.map((x) => {
    const from = Math.floor((x.startSeconds / end) * cols);
    const to = Math.max(from + 1, Math.ceil((x.endSeconds / end) * cols));
    return `${x.name.padEnd(label)} ${' '.repeat(from)}${'█'.repeat(Math.min(to, cols) - from)}`;
  });
  return { kind: 'text', title: `Steps of replication 1 (0 – ${s(end)})`, lines };
}

export function workflowSimulateDoc(r: WorkflowSimulateReport, width: number): Doc {
  const m = r.makespan;
  const gantt = ganttBlock(r, width);
  const envRows = Object.entries(r.environments).map(([name, e]) => [name, `${(e.utilization * 100).toFixed(1)}%`, decimal(e.coldStarts, 2), `${int(Math.round(e.replicaSeconds.busy))} / ${int(Math.round(e.replicaSeconds.billed))}`, e.cost === null ? '—' : decimal(e.cost, 2)]);
  return {
    title: `flyscale simulate: ${r.scenario.name} (workflow)`,
    subtitle: `profile ${r.scenario.profile}; ${int(r.runs)} replications${stoppedBecause(r, 'mean end-to-end latency')}, seed ${r.seed}`,
    blocks: [
      {
        kind: 'table',
        title: 'End to end',
        rows: [
          ['latency mean', `${s(m.meanSeconds)} (95% CI ${ci(m.ci95Seconds)})`],
          ['p50 / p95 / p99', `${s(m.p50Seconds)} / ${s(m.p95Seconds)} / ${s(m.p99Seconds)}`],
          ['closed-form estimate', s(r.estimate.makespanSeconds)],
          ...(r.cost !== null ? [['cost', decimal(r.cost, 2)]] : []),
        ],
      },
      { kind: 'table', title: 'Steps (simulated mean, closed form)', head: ['step', 'start', 'end', 'end 95% CI', 'estimated end'], numeric: [1, 2, 4], rows: Object.entries(r.steps).map(([name, x]) => [name, s(x.start.meanSeconds), s(x.end.meanSeconds), ci(x.end.ci95Seconds), s(x.estimate.endSeconds)]) },
      ...(envRows.length ? [{ kind: 'table' as const, title: 'Environments', head: ['environment', 'utilisation', 'cold starts', 'replica-s busy / billed', 'cost'], numeric: [1, 2, 3, 4], rows: envRows }] : []),
      ...(gantt ? [gantt] : []),
      { kind: 'findings', findings: r.findings },
    ],
  };
}
