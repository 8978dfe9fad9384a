// The check report as a table of name, metric, value, budget and verdict; also the body of
// the Markdown summary that CI job pages show.
import { formatMetric } from '../core/check/metrics.js';
import { inconclusiveAmong, type AssertionResult } from '../core/check/outcome.js';
import type { CheckReport } from '../report/checkReport.js';
import type { Doc } from './doc.js';

export function valueText(r: AssertionResult): string {
  const v = formatMetric(r.metric, r.value);
  return r.ci95 ? `${v} (95% CI ${formatMetric(r.metric, r.ci95[0])} – ${formatMetric(r.metric, r.ci95[1])})` : v;
}

const VERDICT_TEXT = { pass: 'pass', fail: 'FAIL', warn: 'warn' } as const;

/** "2 warned (1 of them inconclusive)": an inconclusive verdict is counted under the outcome it was given. */
const counted = (n: number, word: string, inconclusive: number): string => `${n} ${word}${inconclusive ? ` (${inconclusive} of them inconclusive)` : ''}`;

export function checkDoc(r: CheckReport): Doc {
  const s = r.summary;
  const among = (outcome: AssertionResult['outcome']): number => inconclusiveAmong(r.assertions, outcome);
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
    subtitle: `${s.assertions} assertions: ${counted(s.passed, 'passed', among('pass'))}, ${counted(s.warned, 'warned', among('warn'))}, ${counted(s.failed, 'failed', among('fail'))}${s.regressions ? `, ${s.regressions} regressions` : ''}`,
    blocks: [
      {
        kind: 'table',
        title: r.passed ? 'Budgets: within' : 'Budgets: broken',
        head: ['assertion', 'metric', 'value', 'budget', 'verdict'],
        rows,
        tones: r.assertions.map((a) => (a.outcome === 'pass' ? 'good' : a.outcome === 'warn' ? 'warn' : 'bad')),
      },
      ...(notes.length ? [{ kind: 'text' as const, title: 'Details', lines: notes, list: true }] : []),
    ],
  };
}
