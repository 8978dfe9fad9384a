// The words of a check (issue 8, "Check output"): the summary line counts an inconclusive
// verdict under the outcome it was given, a difference names its unit, details are a list.
import { describe, expect, test } from 'vitest';
import { formatMetric, formatQuantity, PLAN_METRICS, SIMULATE_METRICS } from '../../src/core/check/metrics.js';
import { unitOf } from '../../src/core/check/assertion.js';
import { say } from '../../src/core/check/sentences.js';
import { summarizeResults, type AssertionResult } from '../../src/core/check/outcome.js';
import { checkDoc } from '../../src/render/checkDoc.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import type { CheckReport } from '../../src/report/checkReport.js';
import { separatorAfter } from '../../src/cli/stepSummary.js';

function result(parts: Partial<AssertionResult> & Pick<AssertionResult, 'name' | 'outcome' | 'verdict'>): AssertionResult {
  return { scenario: 's', metric: 'fanout.actions', op: '<=', unit: 'number', budget: 100, budgetText: '100', value: 50, ci95: null, runs: null, seed: null, level: 'error', runsToSettle: null, baseline: null, message: 'within budget', line: 1, ...parts };
}

function report(assertions: AssertionResult[]): CheckReport {
  const summary = summarizeResults(assertions);
  return { schemaVersion: 1, tool: { name: 'flyscale', version: '0' }, command: 'check', budget: 'b.yaml', inconclusive: 'warn', summary, passed: summary.failed === 0, assertions };
}

describe('the summary line', () => {
  test('an inconclusive warning is counted among the warnings, not the failures', () => {
    // 2 warned (one a failed warn-level assertion, one inconclusive under --inconclusive warn), 2 failed (both plain failures)
    const r = report([
      result({ name: 'a', outcome: 'pass', verdict: 'pass' }),
      result({ name: 'b', outcome: 'warn', verdict: 'fail', level: 'warn', message: 'over budget by 5 actions' }),
      result({ name: 'c', outcome: 'warn', verdict: 'inconclusive', message: 'inside the interval' }),
      result({ name: 'd', outcome: 'fail', verdict: 'fail', message: 'over budget by 1 actions' }),
      result({ name: 'e', outcome: 'fail', verdict: 'fail', message: 'over budget by 2 actions' }),
    ]);
    expect(checkDoc(r).subtitle).toBe('5 assertions: 1 passed, 2 warned (1 of them inconclusive), 2 failed');
  });

  test('an inconclusive failure (--inconclusive fail) is counted among the failures', () => {
    const r = report([result({ name: 'a', outcome: 'fail', verdict: 'inconclusive' }), result({ name: 'b', outcome: 'pass', verdict: 'inconclusive' })]);
    expect(checkDoc(r).subtitle).toBe('2 assertions: 1 passed (1 of them inconclusive), 0 warned, 1 failed (1 of them inconclusive)');
  });
});

describe('differences carry the unit', () => {
  test('a cost over budget says what it is counted in', () => {
    // 23.872 − 20 = 3.872
    expect(say('overBudget', { metric: 'cost.mean', by: 23.872 - 20 })).toBe('over budget by 3.872 in the currency of pricing.perReplicaHour');
  });

  test('durations and sizes keep the unit their format gives them', () => {
    expect(say('overBudget', { metric: 'makespan.p95Seconds', by: 600 })).toBe('over budget by 10m 00s');
  });

  test('every plain-number metric names what it counts', () => {
    const bare = [...PLAN_METRICS, ...SIMULATE_METRICS].filter((m) => unitOf(m) === 'number' && formatQuantity(m, 3) === formatMetric(m, 3));
    expect(bare).toEqual([]);
  });
});

describe('Markdown details', () => {
  test('each detail is a list item', () => {
    const md = renderMarkdown(checkDoc(report([result({ name: 'x', outcome: 'fail', verdict: 'fail', message: 'over budget by 3 actions' }), result({ name: 'y', outcome: 'warn', verdict: 'fail', level: 'warn', message: 'over budget by 1 actions' })])));
    expect(md).toContain('### Details\n\n- x: over budget by 3 actions\n- y: over budget by 1 actions\n');
  });
});

describe('appending to a step summary', () => {
  test.each([
    ['', ''],
    ['earlier\n\n', ''],
    ['earlier\n', '\n'],
    ['earlier', '\n\n'],
  ])('after %j comes %j', (existing, separator) => {
    expect(separatorAfter(existing)).toBe(separator);
  });
});
