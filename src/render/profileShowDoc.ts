// `flyscale profile show` as Doc blocks: one row per core phase (latency form, mean and
// percentiles at 0 bytes, bandwidth) and a histogram line each; or, with --compare, both
// profiles side by side with absolute and relative deltas.
import { sig } from '../core/fit/format.js';
import type { Dist } from '../core/distribution.js';
import type { Phase, Phases } from '../core/model.js';
import { formatSeconds } from '../core/units.js';
import { PHASE_SYMBOL, SHOWN_PHASES, STATS, type Delta, type ProfileShowReport, type ShownPhase, type Stat } from '../report/profileShowReport.js';
import type { Block, Doc } from './doc.js';
import { histogramLine } from './histogram.js';
import { bandwidthText } from './yamlValues.js';

const s = formatSeconds;
const STAT_LABEL = { meanSeconds: 'mean', p50Seconds: 'p50', p95Seconds: 'p95', p99Seconds: 'p99' } as const satisfies Record<Stat, string>;
const label = (p: ShownPhase): string => `${PHASE_SYMBOL[p].padEnd(6)} ${p}`;

export function describeDist(d: Dist): string {
  switch (d.kind) {
    case 'fixed':
      return `fixed ${s(d.value)}`;
    case 'lognormal':
      return `lognormal (median ${s(Math.exp(d.mu))}, σ ${sig(d.sigma)})`;
    case 'uniform':
      return `uniform ${s(d.min)}–${s(d.max)}`;
    case 'exponential':
      return `exponential (mean ${s(d.mean)})`;
    case 'empirical':
      return `empirical (${d.samples.length} values)`;
  }
}

const latencyOf = (phases: Phases, p: ShownPhase): Phase => {
  const value: Phase | Dist = phases[p];
  return 'latency' in value ? value : { latency: value, bandwidthBytesPerSecond: null };
};
const bandwidth = (b: number | null): string => (b === null ? '—' : bandwidthText(b));
const TRANSFER_NOTE = 'Transfers take latency + bytes / bandwidth: the percentiles are the latency, i.e. the time at 0 bytes.';

export function profileShowDoc(r: ProfileShowReport, phases: Phases, other?: Phases): Doc {
  if (r.compare === undefined || other === undefined) {
    const table: Block = {
      kind: 'table',
      title: 'Phases',
      head: ['phase', 'latency', 'mean', 'p50', 'p95', 'p99', 'bandwidth'],
      numeric: [2, 3, 4, 5, 6],
      rows: SHOWN_PHASES.map((p) => {
        const x = r.phases[p];
        return [label(p), describeDist(latencyOf(phases, p).latency), s(x.meanSeconds), s(x.p50Seconds), s(x.p95Seconds), s(x.p99Seconds), bandwidth(x.bandwidthBytesPerSecond)];
      }),
    };
    const histograms = SHOWN_PHASES.map((p) => `${PHASE_SYMBOL[p].padEnd(6)} ${histogramLine(latencyOf(phases, p).latency)}`);
    return { title: `flyscale profile show: ${r.profile.name}`, subtitle: r.profile.ref, blocks: [table, { kind: 'text', lines: [TRANSFER_NOTE] }, { kind: 'text', title: 'Latency histograms', lines: histograms }] };
  }
  const cmp = r.compare;
  const rows: string[][] = [];
  for (const p of SHOWN_PHASES) {
    const a = r.phases[p];
    const b = cmp.phases[p];
    const d = cmp.deltas[p];
    STATS.forEach((stat, i) => rows.push([i === 0 ? label(p) : '', STAT_LABEL[stat], s(a[stat]), s(b[stat]), signedSeconds(d[stat]), percent(d[stat])]));
    if (a.bandwidthBytesPerSecond !== null || b.bandwidthBytesPerSecond !== null) {
      const bd = d.bandwidthBytesPerSecond;
      rows.push(['', 'bandwidth', bandwidth(a.bandwidthBytesPerSecond), bandwidth(b.bandwidthBytesPerSecond), bd === null ? '—' : signedBandwidth(bd.absolute), bd === null ? '—' : percent(bd)]);
    }
  }
  const table: Block = { kind: 'table', title: `Phases: ${r.profile.name} → ${cmp.profile.name}`, head: ['phase', 'stat', r.profile.name, cmp.profile.name, 'Δ', 'Δ%'], numeric: [2, 3, 4, 5], rows };
  const histograms = SHOWN_PHASES.flatMap((p) => [
    `${PHASE_SYMBOL[p].padEnd(6)} ${histogramLine(latencyOf(phases, p).latency)}  ${r.profile.name}`,
    `${''.padEnd(6)} ${histogramLine(latencyOf(other, p).latency)}  ${cmp.profile.name}`,
  ]);
  return {
    title: `flyscale profile show: ${r.profile.name} compared with ${cmp.profile.name}`,
    subtitle: `Δ = ${cmp.profile.name} − ${r.profile.name}; Δ% relative to ${r.profile.name}`,
    blocks: [table, { kind: 'text', lines: [TRANSFER_NOTE] }, { kind: 'text', title: 'Latency histograms', lines: histograms }],
  };
}

const signedSeconds = (d: Delta): string => (d.absolute > 0 ? `+${s(d.absolute)}` : d.absolute === 0 ? '0' : s(d.absolute));
const signedBandwidth = (x: number): string => (x === 0 ? '0' : `${x > 0 ? '+' : '-'}${bandwidthText(Math.abs(x))}`);
function percent(d: Delta): string {
  if (d.percent === null) return d.absolute === 0 ? '0%' : 'n/a';
  const text = `${Math.abs(d.percent) < 10 ? d.percent.toFixed(1) : d.percent.toFixed(0)}%`;
  return d.percent > 0 ? `+${text}` : text;
}
