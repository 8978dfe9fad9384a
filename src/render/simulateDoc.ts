// The simulate report as blocks: the statistics table and, with --timeline, a chart.
import { decimal, formatSeconds, plural } from '../core/units.js';
import type { SimulateReport, SimulationBlock } from '../report/simulateReport.js';
import { sparkline } from './chart.js';
import type { Block, Doc } from './doc.js';
import { int } from './planDoc.js';

const s = formatSeconds;
/** One replication has no spread to estimate: say so rather than print a zero-width interval. */
const range = (ci: readonly [number, number] | null, f: (x: number) => string): string => (ci === null ? 'n/a (1 run)' : `${f(ci[0])} – ${f(ci[1])}`);
const num = (x: number): string => decimal(x, Math.abs(x) >= 100 ? 0 : 2);

/** "simulated mean is 6.3% above the estimate"; a difference under 0.05% reads as equal. */
function comparison(simulated: number, estimate: number): string {
  const change = estimate > 0 ? ((simulated - estimate) / estimate) * 100 : 0;
  if (Math.abs(change) < 0.05) return 'equal to the simulated mean';
  return `simulated mean is ${Math.abs(change).toFixed(1)}% ${change > 0 ? 'above' : 'below'} it`;
}

export function simulationRows(r: SimulationBlock): string[][] {
  const m = r.makespan;
  const rows = [
    ['makespan mean', s(m.meanSeconds), `95% CI ${range(m.ci95Seconds, s)}`],
    ['makespan p5 / p50 / p95', `${s(m.p5Seconds)} / ${s(m.p50Seconds)} / ${s(m.p95Seconds)}`, `stddev ${s(m.stddevSeconds)}`],
    ['closed-form estimate', s(r.estimateMakespanSeconds), comparison(m.meanSeconds, r.estimateMakespanSeconds)],
    ['throughput', `${num(r.throughputItemsPerSecond.mean)} items/s`, `95% CI ${range(r.throughputItemsPerSecond.ci95, num)}`],
    ['slot utilisation', `${(r.utilization.mean * 100).toFixed(1)}%`, ''],
    ['cold starts', num(r.coldStarts.mean), `peak replicas ${num(r.peakReplicas.mean)}`],
    ['queue wait p50 / p95 / p99', `${s(r.queueWait.p50Seconds)} / ${s(r.queueWait.p95Seconds)} / ${s(r.queueWait.p99Seconds)}`, ''],
    ['replica-seconds busy / billed', `${int(Math.round(r.replicaSeconds.busy.mean))} / ${int(Math.round(r.replicaSeconds.billed.mean))}`, ''],
  ];
  if (r.attempts.mean > r.actions) rows.push(['attempts', num(r.attempts.mean), `${num(r.attempts.mean - r.actions)} retries per run`]);
  if (r.failedActions.mean > 0) rows.push(['failed actions', num(r.failedActions.mean), 'ran out of retries: their items are lost']);
  if (r.cacheHits.mean > 0) rows.push(['cache hits', num(r.cacheHits.mean), '']);
  if (r.cost) rows.push(['cost', decimal(r.cost.mean, 2), `95% CI ${range(r.cost.ci95, (x) => decimal(x, 2))}`]);
  return rows;
}

function timelineBlock(r: SimulationBlock, width: number): Block | null {
  const t = r.timeline;
  if (!t || t.points.length === 0) return null;
  const w = Math.max(20, Math.min(100, width - 24));
  const series = (name: string, values: number[]): string => `${name.padEnd(15)} ${sparkline(values, w)}  max ${int(Math.max(...values))}`;
  const end = t.points[t.points.length - 1]?.timeSeconds ?? 0;
  return {
    kind: 'text',
    picture: true,
    title: `Timeline of replication 1 (0 – ${s(end)}, every ${s(t.intervalSeconds)})`,
    lines: [
      series('busy slots', t.points.map((p) => p.busySlots)),
      series('ready replicas', t.points.map((p) => p.readyReplicas)),
      series('queue length', t.points.map((p) => p.queueLength)),
    ],
  };
}

export function simulateDoc(r: SimulateReport, width: number): Doc {
  const chart = timelineBlock(r, width);
  return {
    title: `flyscale simulate: ${r.scenario.name}`,
    subtitle: `profile ${r.scenario.profile}; ${int(r.runs)} replications${stoppedBecause(r)}, seed ${r.seed}; batch ${plural(r.batchSize, 'item')} → ${plural(r.actions, 'action')}`,
    blocks: [{ kind: 'table', title: 'Simulated run', head: ['metric', 'value', ''], rows: simulationRows(r) }, ...(chart ? [chart] : []), { kind: 'findings', findings: r.findings }],
  };
}

/** Why --runs auto stopped where it did (nothing for a fixed --runs); `what` names the mean it settles. */
export function stoppedBecause(r: Pick<SimulateReport, 'stopping' | 'runs'>, what = 'mean makespan'): string {
  const st = r.stopping;
  if (!st || st.rule !== 'auto') return '';
  const pct = (x: number | null): string => `${((x ?? 0) * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
  return st.reason === 'precision'
    ? ` (settled: ${what} ±${pct(st.relativeHalfWidth)} at 95%, target ±${pct(st.precision)})`
    : ` (stopped at --max-runs ${int(st.maxRuns ?? r.runs)}: ${what} ±${pct(st.relativeHalfWidth)} at 95%, target ±${pct(st.precision)})`;
}
