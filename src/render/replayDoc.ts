// `flyscale replay` for a person: observed beside predicted, the verdict, the findings and,
// with --timeline, busy slots over time side by side.
import { formatSeconds } from '../core/units.js';
import type { Block, Doc } from './doc.js';
import type { ReplayReport } from '../report/replayReport.js';

const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;

export function replayDoc(r: ReplayReport): Doc {
  const o = r.observed;
  const p = r.predicted;
  const m = p.makespanSeconds;
  const blocks: Block[] = [
    {
      kind: 'table',
      title: `Observed and predicted (${p.runs} simulated runs)`,
      head: ['', 'observed', 'predicted', 'error'],
      rows: [
        ['makespan', formatSeconds(o.makespanSeconds), `${formatSeconds(m.mean)} (p5 ${formatSeconds(m.p5)}, p95 ${formatSeconds(m.p95)})`, pct(r.error.makespanRelative)],
        ['throughput', `${o.throughputItemsPerSecond.toPrecision(3)}/s`, `${p.throughputItemsPerSecond.toPrecision(3)}/s`, ''],
        ['peak busy slots', String(o.peakSlots), String(p.peakSlots), ''],
        ['cold starts', String(o.coldStarts), p.coldStarts.toFixed(1), ''],
      ],
      tones: [r.error.withinTolerance ? 'good' : 'bad', undefined, undefined, undefined],
    },
    { kind: 'text', lines: [`${r.error.withinTolerance ? 'ok' : 'outside'}: the observed makespan is ${r.error.withinTolerance ? '' : 'not '}${r.error.tolerance}; ${r.error.insideCi95 ? 'inside' : 'outside'} the 95% interval of the mean`] },
  ];
  if (r.findings.length) blocks.push({ kind: 'text', title: 'Findings', lines: r.findings.map((f) => `${f.severity}: ${f.message}`) });
  if (r.timeline !== null) {
    blocks.push({ kind: 'table', title: 'Busy slots over time', head: ['time', 'observed', 'predicted'], rows: r.timeline.map((t) => [formatSeconds(t.timeSeconds), String(t.observedBusySlots), String(t.predictedBusySlots)]), numeric: [1, 2] });
  }
  return { title: `flyscale replay: Flyte run ${r.run}`, subtitle: `${r.pool.mode === 'pod' ? 'a pod per task' : 'a reusable pool'}: ${r.pool.reason}`, blocks };
}
