// The check report as a table of name, metric, value, budget and verdict; also the body of
// the Markdown summary that CI job pages show.
import { unitOf } from '../core/check/assertion.js';
import { formatBytes, formatSeconds } from '../core/units.js';
import type { AssertionResult, CheckReport } from '../report/checkReport.js';
import type { Doc } from './doc.js';

export function formatMetric(metric: string, value: number): string {
  switch (unitOf(metric)) {
    case 'seconds':
      return formatSeconds(value);
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerSecond':
      return `${formatBytes(value)}/s`;
    case 'number':
      return Number.isInteger(value) ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value.toPrecision(4);
  }
}

export function valueText(r: AssertionResult): string {
  const v = formatMetric(r.metric, r.value);
  return r.ci95 ? `${v} (95% CI ${formatMetric(r.metric, r.ci95[0])} – ${formatMetric(r.metric, r.ci95[1])})` : v;
}

const VERDICT_TEXT = { pass: 'pass', fail: 'FAIL', warn: 'warn' } as const;

export function checkDoc(r: CheckReport): Doc {
  const s = r.summary;
  const rows = r.assertions.map((a) => [
    a.name,
    a.metric,
    valueText(a),
    `${a.op} ${a.budgetText}`,
    `${VERDICT_TEXT[a.outcome]}${a.verdict === 'inconclusive' ? ' (inconclusive)' : ''}${a.baseline?.regressed ? ' (regression)' : ''}`,
  ]);
  const notes = r.assertions.filter((a) => a.outcome !== 'pass' || a.verdict === 'inconclusive' || a.baseline !== null).map((a) => `${a.name}: ${a.message}`);
  return {
    title: `flyscale check: ${r.budget}`,
    subtitle: `${s.assertions} assertions: ${s.passed} passed, ${s.warned} warned, ${s.failed} failed${s.inconclusive ? ` (${s.inconclusive} of them inconclusive)` : ''}${s.regressions ? `, ${s.regressions} regressions` : ''}`,
    blocks: [
      {
        kind: 'table',
        title: r.passed ? 'Budgets: within' : 'Budgets: broken',
        head: ['assertion', 'metric', 'value', 'budget', 'verdict'],
        rows,
        tones: r.assertions.map((a) => (a.outcome === 'pass' ? 'good' : a.outcome === 'warn' ? 'warn' : 'bad')),
      },
      ...(notes.length ? [{ kind: 'text' as const, title: 'Details', lines: notes }] : []),
    ],
  };
}
