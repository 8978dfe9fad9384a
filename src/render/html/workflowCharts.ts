// A workflow's steps in time, as a Gantt chart: one bar per step from its start to its end, the
// critical path in its own colour. `plan` draws the closed form; `simulate` the mean start and
// end over the replications, with the 95% interval of the mean end as a whisker.
import * as Plot from '@observablehq/plot';
import { formatSeconds } from '../../core/units.js';
import type { WorkflowPlanReport } from '../../report/workflowPlanReport.js';
import type { WorkflowSimulateReport } from '../../report/workflowSimulateReport.js';
import { plotSvg, type Figure } from './figure.js';
import type { LegendEntry } from './markup.js';
import { inUnit, timeUnit } from './units.js';

const SERIES = [
  { name: 'critical path', color: '#e15759' },
  { name: 'other steps', color: '#9fb7d3' },
] as const;
const WHISKER = '#1f2328';

interface Bar {
  name: string;
  startSeconds: number;
  endSeconds: number;
  critical: boolean;
  endCi95?: readonly [number, number];
}

function ganttSvg(bars: readonly Bar[], xLabel: (unit: string) => string): string {
  const u = timeUnit(Math.max(0, ...bars.map((b) => Math.max(b.endSeconds, b.endCi95?.[1] ?? 0))));
  const x = (s: number): number => inUnit(s, u);
  const longest = Math.max(1, ...bars.map((b) => b.name.length));
  const series = (b: Bar): string => (b.critical ? SERIES[0].name : SERIES[1].name);
  const whiskers = bars.filter((b) => b.endCi95 !== undefined);
  return plotSvg({
    height: 60 + 34 * bars.length,
    marginLeft: Math.min(240, 16 + 7 * longest),
    x: { label: xLabel(u.label), grid: true },
    y: { label: null, domain: bars.map((b) => b.name) },
    color: { domain: SERIES.map((s) => s.name), range: SERIES.map((s) => s.color) },
    marks: [
      Plot.barX(bars, { x1: (b: Bar) => x(b.startSeconds), x2: (b: Bar) => x(b.endSeconds), y: 'name', fill: series, insetTop: 4, insetBottom: 4, className: 'steps', title: (b: Bar) => `${b.name}: ${formatSeconds(b.startSeconds)} – ${formatSeconds(b.endSeconds)} (${series(b)})` }),
      ...(whiskers.length > 0 ? [Plot.ruleY(whiskers, { y: 'name', x1: (b: Bar) => x(b.endCi95?.[0] ?? b.endSeconds), x2: (b: Bar) => x(b.endCi95?.[1] ?? b.endSeconds), stroke: WHISKER, strokeWidth: 2, className: 'end-ci', title: (b: Bar) => `${b.name}: 95% interval of the mean end ${formatSeconds(b.endCi95?.[0] ?? 0)} – ${formatSeconds(b.endCi95?.[1] ?? 0)}` })] : []),
      Plot.ruleX([0]),
    ],
  });
}

const legendOf = (whiskers: boolean): LegendEntry[] => [
  ...SERIES.map((s) => ({ name: s.name, color: s.color, shape: 'swatch' as const })),
  ...(whiskers ? [{ name: '95% interval of the mean end', color: WHISKER, shape: 'line' as const }] : []),
];

export function workflowPlanGantt(r: WorkflowPlanReport): Figure {
  const critical = new Set(r.criticalPath);
  const bars = Object.entries(r.steps).map(([name, s]) => ({ name, startSeconds: s.startSeconds, endSeconds: s.endSeconds, critical: critical.has(name) }));
  return {
    id: 'workflow-gantt',
    title: `Steps in time: ${formatSeconds(r.estimate.makespanSeconds)} end to end`,
    note: `Each step from its start to its end in the closed form; the critical path (${r.criticalPath.join(' → ')}) sets the makespan, the other steps have slack.`,
    legend: legendOf(false),
    svgs: [ganttSvg(bars, (u) => `time since the run started (${u})`)],
    table: {
      caption: 'Steps: start, end and slack (closed form)',
      head: ['step', 'start', 'end', 'slack', 'critical path'],
      rows: Object.entries(r.steps).map(([name, s]) => [name, formatSeconds(s.startSeconds), formatSeconds(s.endSeconds), formatSeconds(s.slackSeconds), critical.has(name) ? 'yes' : 'no']),
      numeric: [1, 2, 3],
    },
  };
}

export function workflowSimulateGantt(r: WorkflowSimulateReport): Figure {
  const critical = new Set(r.criticalPath);
  const withCi = r.runs > 1;
  const bars = Object.entries(r.steps).map(([name, s]) => ({ name, startSeconds: s.start.meanSeconds, endSeconds: s.end.meanSeconds, critical: critical.has(name), ...(withCi ? { endCi95: s.end.ci95Seconds } : {}) }));
  return {
    id: 'workflow-gantt',
    title: `Steps in time: mean of ${r.runs} simulated runs`,
    note: `Each step from its mean start to its mean end (seed ${r.seed})${withCi ? ', the whisker the 95% interval of the mean end' : ''}; the critical path is the closed form's (${r.criticalPath.join(' → ')}).`,
    legend: legendOf(withCi),
    svgs: [ganttSvg(bars, (u) => `time since the run started (${u}), mean over runs`)],
    table: {
      // Slack needs the steps' dependencies, which the simulate report does not carry: `plan` has it.
      caption: 'Steps: mean start and end, closed-form start and end',
      head: ['step', 'start (mean)', 'end (mean)', '95% interval of the end', 'start (closed form)', 'end (closed form)', 'critical path'],
      rows: Object.entries(r.steps).map(([name, s]) => [name, formatSeconds(s.start.meanSeconds), formatSeconds(s.end.meanSeconds), withCi ? `${formatSeconds(s.end.ci95Seconds[0])} – ${formatSeconds(s.end.ci95Seconds[1])}` : 'n/a (1 run)', formatSeconds(s.estimate.startSeconds), formatSeconds(s.estimate.endSeconds), critical.has(name) ? 'yes' : 'no']),
      numeric: [1, 2, 3, 4, 5],
    },
  };
}
