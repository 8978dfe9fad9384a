// Each assertion of a check against its budget: the value as a dot, its 95% interval as a
// bar, the budget as a line, on an axis in the assertion's own unit (one small chart each).
import * as Plot from '@observablehq/plot';
import { formatMetric } from '../../core/check/metrics.js';
import type { AssertionResult, CheckReport, Outcome } from '../../report/checkReport.js';
import { plotSvg, type Figure } from './figure.js';
import { escapeHtml as escape, type LegendEntry } from './markup.js';
import { inUnit, timeUnit } from './units.js';

const OUTCOME_COLORS = { pass: '#1a7f37', warn: '#bf8700', fail: '#cf222e' } as const satisfies Record<Outcome, string>;
const BUDGET = '#57606a';

/** The axis of one assertion: seconds read in a time unit, bytes in MiB or GiB, numbers as they are. */
function axisOf(a: AssertionResult): { label: string; scale: (x: number) => number } {
  const top = Math.max(Math.abs(a.budget), Math.abs(a.value), ...(a.ci95 ? a.ci95.map(Math.abs) : []));
  const metric = a.metric;
  switch (a.unit) {
    case 'seconds': {
      const u = timeUnit(top);
      return { label: `${metric} (${u.label})`, scale: (x) => inUnit(x, u) };
    }
    case 'bytes':
    case 'bytesPerSecond': {
      const [unit, size] = top >= 2 ** 30 ? ['GiB', 2 ** 30] : top >= 2 ** 20 ? ['MiB', 2 ** 20] : top >= 2 ** 10 ? ['KiB', 2 ** 10] : ['bytes', 1];
      return { label: `${metric} (${unit}${a.unit === 'bytesPerSecond' ? '/s' : ''})`, scale: (x) => Number((x / size).toPrecision(4)) };
    }
    case 'number':
      return { label: metric, scale: (x) => Number(x.toPrecision(6)) };
  }
}

function assertionSvg(a: AssertionResult): string {
  const axis = axisOf(a);
  const s = axis.scale;
  const values = [a.budget, a.value, ...(a.ci95 ?? [])].map(s);
  const [lo, hi] = [Math.min(0, ...values), Math.max(...values)];
  const pad = (hi - lo) * 0.08 || 1;
  const row = [{ name: a.name }];
  return plotSvg({
    height: 100,
    marginLeft: 16,
    marginBottom: 44,
    marginRight: 24,
    x: { label: axis.label, labelOffset: 38, domain: [lo < 0 ? lo - pad : 0, hi + pad], grid: true },
    y: { axis: null, domain: [a.name] },
    marks: [
      ...(a.ci95 ? [Plot.ruleY(row, { y: 'name', x1: s(a.ci95[0]), x2: s(a.ci95[1]), stroke: OUTCOME_COLORS[a.outcome], strokeWidth: 6, strokeOpacity: 0.35, className: 'interval', title: () => `95% interval ${formatMetric(a.metric, a.ci95?.[0] ?? 0)} – ${formatMetric(a.metric, a.ci95?.[1] ?? 0)}` })] : []),
      Plot.ruleX([s(a.budget)], { stroke: BUDGET, strokeWidth: 2, strokeDasharray: '6,3', className: 'budget', title: () => `budget ${a.op} ${a.budgetText}` }),
      Plot.dot(row, { y: 'name', x: s(a.value), r: 6, fill: OUTCOME_COLORS[a.outcome], className: 'value', title: () => `${a.name}: ${formatMetric(a.metric, a.value)} (${a.outcome})` }),
    ],
  });
}

export function checkFigures(r: CheckReport): Figure[] {
  if (r.assertions.length === 0) return [];
  const outcomes = [...new Set(r.assertions.map((a) => a.outcome))];
  const legend: LegendEntry[] = [
    ...outcomes.map((o) => ({ name: `value (${o})`, color: OUTCOME_COLORS[o], shape: 'swatch' as const })),
    ...(r.assertions.some((a) => a.ci95) ? [{ name: '95% interval', color: '#8c959f', shape: 'band' as const }] : []),
    { name: 'budget', color: BUDGET, shape: 'dashed' },
  ];
  const svgs = r.assertions.map((a) => `<div class="assertion"><h4>${escape(a.name)} <small>${escape(`${a.scenario}: ${a.metric} ${a.op} ${a.budgetText}`)}</small></h4>${assertionSvg(a)}</div>`);
  return [
    {
      id: 'check',
      title: 'Assertions against their budgets',
      note: 'Each value (dot) beside its budget (dashed line); a simulated value carries its 95% interval (bar). A budget inside the interval is inconclusive.',
      legend,
      svgs,
      table: {
        caption: 'Each assertion',
        head: ['assertion', 'scenario', 'metric', 'budget', 'value', '95% interval', 'verdict', 'outcome'],
        rows: r.assertions.map((a) => [a.name, a.scenario, a.metric, `${a.op} ${a.budgetText}`, formatMetric(a.metric, a.value), a.ci95 ? `${formatMetric(a.metric, a.ci95[0])} – ${formatMetric(a.metric, a.ci95[1])}` : '—', a.verdict, a.outcome]),
        numeric: [4],
        tones: r.assertions.map((a) => (a.outcome === 'pass' ? 'good' : a.outcome === 'warn' ? 'warn' : 'bad')),
      },
    },
  ];
}
