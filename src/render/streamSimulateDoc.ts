// A simulated stream of runs as blocks: the stream, latency per run with its intervals, the
// queue wait beside the analytic one, the offered load and each environment, and with
// --timeline the replicas, busy slots and queue of each environment over time.
import { decimal, formatSeconds as s, thousands as int } from '../core/units.js';
import { formatRate } from '../core/stream/formatRate.js';
import type { Estimate, StreamSimulateReport } from '../report/streamSimulateReport.js';
import { sparkline } from './chart.js';
import type { Block, Doc } from './doc.js';

const ci = (x: [number, number] | null, f: (v: number) => string = s): string => (x === null ? '—' : `${f(x[0])} – ${f(x[1])}`);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const est = (e: Estimate | null, f: (v: number) => string): string => (e === null ? '—' : f(e.mean));

function streamRows(r: StreamSimulateReport): string[][] {
  const a = r.arrivals;
  const how = a.process === 'poisson' ? `Poisson at ${formatRate(a.ratePerSecond)}` : a.process === 'shape' ? `a daily shape, ${formatRate(a.ratePerSecond)} on average, ${formatRate(a.peakRatePerSecond)} at the peak` : `interarrival times, ${formatRate(a.ratePerSecond)} on average`;
  const length = a.durationSeconds !== null ? `${s(a.durationSeconds)} (about ${int(a.runs)} runs)` : `${int(a.runs)} runs`;
  return [
    ['arrivals', how],
    ['stream', `${length}, warm-up ${s(a.warmupSeconds)}`],
    ['measured runs', a.measuredRuns === null ? 'none (not simulated)' : `${int(Math.round(a.measuredRuns))} per replication × ${int(r.runs)}`],
    ['offered load ρ', `${decimal(r.load.offered, 3)}${r.load.binding ? ` (${r.load.binding})` : ''}`],
  ];
}

function waitRows(r: StreamSimulateReport): string[][] {
  const w = r.wait;
  if (w === null) return [];
  const an = r.analytic.form === null ? null : r.analytic;
  const a = (x: number | null | undefined, f: (v: number) => string): string[] => (an === null ? [] : [x === null || x === undefined ? '—' : f(x)]);
  return [
    ['mean', s(w.meanSeconds), ci(w.ci95Seconds), ...a(an?.wait.meanSeconds, s)],
    ['P(wait)', pct(w.probability), ci(w.probabilityCi95, pct), ...a(an?.wait.probability, pct)],
    ['p50', s(w.p50Seconds), '', ...a(an?.wait.p50Seconds, s)],
    ['p95', s(w.p95Seconds), '', ...a(an?.wait.p95Seconds, s)],
    ['p99', s(w.p99Seconds), '', ...a(an?.wait.p99Seconds, s)],
  ];
}

function timelineBlock(r: StreamSimulateReport, width: number): Block | null {
  const t = r.timeline;
  if (!t) return null;
  const w = Math.max(20, Math.min(100, width - 34));
  const lines: string[] = [];
  for (const [name, points] of Object.entries(t)) {
    if (points.length === 0) continue;
    const end = points[points.length - 1]?.tSeconds ?? 0;
    const series = (label: string, values: number[]): string => `${`${name} ${label}`.padEnd(22)} ${sparkline(values, w)}  max ${int(Math.max(...values))}`;
    lines.push(series('replicas', points.map((p) => p.readyReplicas)), series('busy slots', points.map((p) => p.busySlots)), series('queued', points.map((p) => p.queued)), `${''.padEnd(22)} 0 … ${s(end)}`);
  }
  return lines.length ? { kind: 'text', title: 'Replication 1 over time', lines, picture: true } : null;
}

/** A TTL: 0 s reads "0s" (a TTL of none), not "0ms". */
const ttlText = (x: number): string => (x === 0 ? '0s' : s(x));

/** "6 replicas of concurrency 4, scaledownTtl 30s: p99 7.4s under 8s, 15.00/h". */
function recommendationLine(rec: NonNullable<StreamSimulateReport['recommendation']>): string {
  if (rec.replicas === null) return `no recommendation for a p99 under ${s(rec.targetSeconds)}: ${rec.reason ?? ''}`;
  const pool = `${rec.environment}: ${int(rec.replicas)} ${rec.replicas === 1 ? 'replica' : 'replicas'} of concurrency ${int(rec.concurrency)}`;
  const ttl = rec.ttl;
  const chosen = ttl?.tries.find((t) => t.seconds === ttl.seconds);
  if (!ttl || !chosen || chosen.p99Seconds === null) return `${pool} keep the p99 latency under ${s(rec.targetSeconds)} (the fewest the search found; TTLs as the file sets them)`;
  const price = chosen.costPerHour !== null ? `${decimal(chosen.costPerHour, 2)}/h` : `${decimal(chosen.replicasBilled ?? 0, 2)} replicas billed`;
  const kept = ttl.seconds === ttl.fileSeconds ? ' (as the file sets it: no shorter one tried meets the target or costs less)' : ` (the file sets ${s(ttl.fileSeconds)})`;
  return `${pool}, ${ttl.setting} ${ttlText(ttl.seconds)}: p99 ${s(chosen.p99Seconds)} under ${s(rec.targetSeconds)}, ${price}${kept}`;
}

function recommendationBlocks(r: StreamSimulateReport): Block[] {
  const rec = r.recommendation;
  if (!rec) return [];
  const blocks: Block[] = [{ kind: 'text', title: `Recommendation (p99 under ${s(rec.targetSeconds)})`, lines: [recommendationLine(rec)] }];
  if (rec.explained && rec.tries.length > 0) {
    blocks.push({
      kind: 'table',
      title: `The search on ${rec.environment ?? ''}: from the fewest stable replicas, doubling, then halving the gap`,
      head: ['step', 'replicas', 'p99', '95% CI', 'under the target'],
      numeric: [0, 1, 2],
      rows: rec.tries.map((t, i) => [String(i + 1), int(t.replicas), t.p99Seconds === null ? 'unstable' : s(t.p99Seconds), ci(t.ci95Seconds), t.meets ? 'yes' : 'no']),
    });
  }
  const ttl = rec.ttl;
  if (rec.explained && ttl && ttl.tries.length > 0) {
    const priced = ttl.tries.some((t) => t.costPerHour !== null);
    blocks.push({
      kind: 'table',
      title: `Then ${ttl.setting} at ${int(rec.replicas ?? 0)} replicas: from the file's ${s(ttl.fileSeconds)}, halving down to Flyte's minimum of 30s; the cheapest under the target wins`,
      head: ['step', ttl.setting, 'p99', '95% CI', 'under the target', priced ? 'cost/h' : 'replicas billed', 'chosen'],
      numeric: [0, 1, 2, 5],
      rows: ttl.tries.map((t, i) => [String(rec.tries.length + i + 1), ttlText(t.seconds), t.p99Seconds === null ? 'unstable' : s(t.p99Seconds), ci(t.ci95Seconds), t.meets ? 'yes' : 'no', priced ? (t.costPerHour === null ? '—' : decimal(t.costPerHour, 2)) : decimal(t.replicasBilled ?? 0, 2), t.seconds === ttl.seconds ? '←' : '']),
    });
  }
  return blocks;
}

export function streamSimulateDoc(r: StreamSimulateReport, width: number): Doc {
  const l = r.latency;
  const an = r.analytic;
  const waitHead = an.form === null ? ['wait', 'simulated', '95% CI'] : ['wait', 'simulated', '95% CI', `${an.form}, ${an.method}`];
  const envRows = Object.entries(r.environments).map(([name, e]) => [name, decimal(e.offered, 3), e.slots === null ? 'unbounded' : int(e.slots), s(e.slotSecondsPerRun), est(e.utilization, pct), est(e.coldStartsPerHour, (x) => decimal(x, 1)), est(e.replicasBilled, (x) => decimal(x, 2)), est(e.peakReplicas, (x) => decimal(x, 1)), est(e.costPerHour, (x) => decimal(x, 2))]);
  const timeline = timelineBlock(r, width);
  return {
    title: `flyscale simulate: ${r.scenario.name} (a stream of runs)`,
    subtitle: `profile ${r.scenario.profile}; ${int(r.runs)} replications of the stream, seed ${r.seed}`,
    blocks: [
      { kind: 'table', title: 'Stream', rows: streamRows(r) },
      ...(l
        ? [
            {
              kind: 'table' as const,
              title: 'Latency per run (arrival to end)',
              head: ['statistic', 'simulated', '95% CI'],
              numeric: [1],
              rows: [
                ['mean', s(l.meanSeconds), ci(l.ci95Seconds.meanSeconds)],
                ['p50', s(l.p50Seconds), ci(l.ci95Seconds.p50Seconds)],
                ['p95', s(l.p95Seconds), ci(l.ci95Seconds.p95Seconds)],
                ['p99', s(l.p99Seconds), ci(l.ci95Seconds.p99Seconds)],
                ['p99.9', s(l.p999Seconds), ci(l.ci95Seconds.p999Seconds)],
              ],
            },
          ]
        : []),
      ...(r.wait ? [{ kind: 'table' as const, title: 'Queue wait of an action for a slot', head: waitHead, numeric: [1, 3], rows: waitRows(r) }] : []),
      ...(an.form === null && r.wait ? [{ kind: 'text' as const, lines: [`No analytic cross-check: ${an.reason}.`] }] : []),
      { kind: 'table', title: 'Environments', head: ['environment', 'ρ', 'slots', 'slot time/run', 'utilisation', 'cold starts/h', 'replicas billed', 'peak replicas', 'cost/h'], numeric: [1, 2, 3, 4, 5, 6, 7, 8], rows: envRows },
      ...(r.cost ? [{ kind: 'table' as const, title: 'Cost', rows: [['per run', `${decimal(r.cost.perRun, 4)} (95% CI ${ci(r.cost.perRunCi95, (x) => decimal(x, 4))})`], ['per hour', `${decimal(r.cost.perHour, 2)} (95% CI ${ci(r.cost.perHourCi95, (x) => decimal(x, 2))})`]] }] : []),
      ...(timeline ? [timeline] : []),
      ...recommendationBlocks(r),
      { kind: 'findings', findings: r.findings },
    ],
  };
}
