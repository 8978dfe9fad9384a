// plan --compare on a workflow as a picture: the run's end-to-end p99 as a bar and its p50 as a
// tick, for each pattern used on every compared step and for the best choice per step, which is
// drawn in its own colour.
import * as Plot from '@observablehq/plot';
import { decimal, formatSeconds, thousands } from '../../core/units.js';
import type { PatternOutcome } from '../../core/workflow/patterns.js';
import type { WorkflowCompareReport } from '../../report/workflowCompareReport.js';
import { PATTERN_LABELS } from '../workflowCompareDoc.js';
import { plotSvg, type Figure } from './figure.js';
import { inUnit, timeUnit } from './units.js';

const SERIES = [
  { name: 'one pattern on every compared step', color: '#9fb7d3' },
  { name: 'best per step', color: '#59a14f' },
] as const;
const P50 = '#1f2328';
const BEST = 'best per step';

interface Choice {
  label: string;
  best: boolean;
  outcome: PatternOutcome;
}

const costText = (o: PatternOutcome): string => (o.cost === null ? `${thousands(Math.round(o.billedReplicaSeconds))} replica-s` : decimal(o.cost, 4));

export function workflowCompareFigure(r: WorkflowCompareReport): Figure {
  const choices: Choice[] = [...Object.entries(r.patterns).map(([p, outcome]) => ({ label: PATTERN_LABELS[p] ?? p, best: false, outcome })), { label: BEST, best: true, outcome: r.best }];
  const u = timeUnit(Math.max(0, ...choices.map((c) => c.outcome.p99Seconds)));
  const data = choices.map((c) => ({ ...c, p50: inUnit(c.outcome.p50Seconds, u), p99: inUnit(c.outcome.p99Seconds, u), series: c.best ? SERIES[1].name : SERIES[0].name }));
  const longest = Math.max(...data.map((d) => d.label.length));
  const svg = plotSvg({
    height: 60 + 40 * data.length,
    marginLeft: Math.min(240, 16 + 7 * longest),
    x: { label: `end-to-end latency (${u.label}): bar to the p99, tick at the p50`, grid: true, zero: true },
    y: { label: null, domain: data.map((d) => d.label) },
    color: { domain: SERIES.map((s) => s.name), range: SERIES.map((s) => s.color) },
    marks: [
      Plot.barX(data, { x: 'p99', y: 'label', fill: 'series', insetTop: 5, insetBottom: 5, className: 'p99', title: (d: (typeof data)[number]) => `${d.label}: p99 ${formatSeconds(d.outcome.p99Seconds)}` }),
      Plot.tickX(data, { x: 'p50', y: 'label', stroke: P50, strokeWidth: 2, className: 'p50', title: (d: (typeof data)[number]) => `${d.label}: p50 ${formatSeconds(d.outcome.p50Seconds)}` }),
      Plot.ruleX([0]),
    ],
  });
  const best = r.best.choices.map((c) => `${c.step} ${c.chosen}`).join(', ');
  return {
    id: 'workflow-compare',
    title: `End to end by pattern: p99 ${formatSeconds(r.best.p99Seconds)} with the best per step`,
    note: `Each compared step run as one pattern, and with the best per step (${best || 'no step compared'}); ${r.runs} simulated runs each, seed ${r.seed}, the same seeds for every choice.`,
    legend: [...SERIES.map((s) => ({ name: s.name, color: s.color, shape: 'swatch' as const })), { name: 'p50', color: P50, shape: 'line' as const }],
    svgs: [svg],
    table: {
      // The caption of the terminal's table, so the page does not show it twice.
      caption: 'End to end, by pattern',
      head: ['every compared step as', 'p50', 'p99', 'cost per run'],
      rows: data.map((d) => [d.label, formatSeconds(d.outcome.p50Seconds), formatSeconds(d.outcome.p99Seconds), costText(d.outcome)]),
      numeric: [1, 2, 3],
    },
  };
}
