// The CI formats of a check report: JUnit XML read back with a strict parser, and GitHub
// workflow commands with their escaping.
import { describe, expect, test } from 'vitest';
import { renderGithub } from '../../src/render/github.js';
import { renderJunit } from '../../src/render/junit.js';
import { summarizeResults, type AssertionResult } from '../../src/core/check/outcome.js';
import type { CheckReport } from '../../src/report/checkReport.js';
import { findAll, parseXml } from './xml.js';

function result(parts: Partial<AssertionResult> & Pick<AssertionResult, 'name' | 'outcome' | 'verdict' | 'line'>): AssertionResult {
  return {
    scenario: 'nightly',
    metric: 'fanout.actions',
    op: '<=',
    unit: 'number',
    budget: 20000,
    budgetText: '20000',
    value: 10000,
    ci95: null,
    runs: null,
    seed: null,
    level: 'error',
    runsToSettle: null,
    baseline: null,
    message: 'within budget',
    ...parts,
  };
}

function report(assertions: AssertionResult[], budget = 'ci/budget.yaml'): CheckReport {
  const summary = summarizeResults(assertions);
  return { schemaVersion: 1, tool: { name: 'flyscale', version: '0.0.0' }, command: 'check', budget, inconclusive: 'warn', summary, passed: summary.failed === 0, assertions };
}

const passing = result({ name: 'fan-out <= 20k & "fast"', outcome: 'pass', verdict: 'pass', line: 7 });
const failing = result({ name: 'p95 under 30m', outcome: 'fail', verdict: 'fail', line: 12, metric: 'makespan.p95Seconds', op: '<=', budget: 1800, budgetText: '30m', value: 2400, message: 'over budget by 10m' });
const warned = result({ name: 'cost', outcome: 'warn', verdict: 'fail', level: 'warn', line: 20, metric: 'cost.mean', budget: 20, budgetText: '20', value: 25, message: 'over budget by 5' });
const inconclusivePass = result({ name: 'mean', outcome: 'pass', verdict: 'inconclusive', line: 25, metric: 'makespan.meanSeconds', budget: 60, budgetText: '1m', value: 59, ci95: [57, 61], runs: 20, message: 'the budget 1m lies inside the 95% interval; about 80 runs would settle it' });

describe('the test XML reader', () => {
  // The reader must be able to say no, or the JUnit checks below prove nothing.
  test.each([
    ['<a><b></a></b>'],
    ['<a>x < y</a>'],
    ['<a>fish & chips</a>'],
    ['<a b="1" b="2"/>'],
    ['<a><b></b>'],
    ['<a/><b/>'],
    ['<a x="&bogus;"/>'],
  ])('rejects %s', (xml) => {
    expect(() => parseXml(xml)).toThrow();
  });

  test('reads entities back', () => {
    expect(parseXml('<a t="&lt;&amp;&quot;">x &gt; y</a>')).toMatchObject({ name: 'a', attrs: { t: '<&"' }, text: 'x > y' });
  });
});

describe('renderJunit', () => {
  const xml = renderJunit(report([passing, failing, warned, inconclusivePass]));
  const root = parseXml(xml);

  test('is well-formed with one testsuite and one testcase per assertion', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite');
    expect(suites).toHaveLength(1);
    expect(suites[0]?.attrs.name).toBe('ci/budget.yaml');
    expect(findAll(root, 'testcase')).toHaveLength(4);
  });

  test('counts: 4 tests, 1 failure (only the error-level fail; the warn-level one passes with a note)', () => {
    expect(root.attrs).toMatchObject({ tests: '4', failures: '1', errors: '0' });
    expect(findAll(root, 'testsuite')[0]?.attrs).toMatchObject({ tests: '4', failures: '1', errors: '0', skipped: '0' });
    expect(findAll(root, 'failure')).toHaveLength(1);
  });

  test('testcase names read back exactly, special characters included', () => {
    expect(findAll(root, 'testcase').map((c) => c.attrs.name)).toEqual(['fan-out <= 20k & "fast"', 'p95 under 30m', 'cost', 'mean']);
    expect(xml).toContain('name="fan-out &lt;= 20k &amp; &quot;fast&quot;"');
  });

  test('each testcase carries its scenario, file and line', () => {
    const cases = findAll(root, 'testcase');
    expect(cases.map((c) => c.attrs.line)).toEqual(['7', '12', '20', '25']);
    expect(cases.every((c) => c.attrs.file === 'ci/budget.yaml' && c.attrs.classname === 'flyscale.nightly')).toBe(true);
  });

  test('the failure is inside the failing testcase and says what broke', () => {
    const failed = findAll(root, 'testcase').filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failed.map((c) => c.attrs.name)).toEqual(['p95 under 30m']);
    const failure = failed[0]?.children[0];
    expect(failure?.attrs).toMatchObject({ message: 'over budget by 10m', type: 'fail' });
    // 2400 s is 40m 0s; the budget as written.
    expect(failure?.text).toContain('makespan.p95Seconds');
    expect(failure?.text).toContain('budget <= 30m');
  });

  test('a budget operator in the text is escaped as &lt;', () => {
    // The detail text "budget <= 20000" must be escaped inside <system-out>.
    expect(xml).toContain('budget &lt;= 20000');
    expect(findAll(root, 'system-out')[0]?.text).toContain('budget <= 20000');
  });

  test('control characters that XML 1.0 forbids are dropped', () => {
    const x = renderJunit(report([result({ name: 'bell\u0007 here', outcome: 'pass', verdict: 'pass', line: 1 })]));
    expect(findAll(parseXml(x), 'testcase')[0]?.attrs.name).toBe('bell here');
  });

  test('an all-passing report has failures="0" and no failure element', () => {
    const r = parseXml(renderJunit(report([passing])));
    expect(r.attrs.failures).toBe('0');
    expect(findAll(r, 'failure')).toHaveLength(0);
  });
});

describe('renderGithub', () => {
  test('an error annotation for a failing assertion, pointing at its budget line', () => {
    const out = renderGithub(report([passing, failing]));
    const lines = out.trimEnd().split('\n');
    // The passing assertion makes no annotation; then the failure, then the notice.
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=ci\/budget\.yaml,line=12,title=flyscale%3A p95 under 30m::makespan\.p95Seconds = /);
    expect(lines[0]).toContain('budget <= 30m: over budget by 10m');
    expect(lines[1]).toBe('::notice title=flyscale check::2 assertions: 1 passed, 0 warned, 1 failed');
  });

  test('a warn outcome and an inconclusive verdict are warnings', () => {
    const lines = renderGithub(report([warned, inconclusivePass])).trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::warning file=ci\/budget\.yaml,line=20,title=flyscale%3A cost::/);
    expect(lines[1]).toMatch(/^::warning file=ci\/budget\.yaml,line=25,title=flyscale%3A mean::/);
  });

  test('properties escape % : and , ; data escapes % and newlines but keeps : and ,', () => {
    const odd = result({ name: '50%: a, b', outcome: 'fail', verdict: 'fail', line: 3, message: 'line one\nline two, 100%: over' });
    const line = renderGithub(report([odd], 'dir,with:odd%name.yaml')).split('\n')[0] ?? '';
    // file=dir%2Cwith%3Aodd%25name.yaml; title "flyscale: 50%: a, b"
    expect(line.startsWith('::error file=dir%2Cwith%3Aodd%25name.yaml,line=3,title=flyscale%3A 50%25%3A a%2C b::')).toBe(true);
    const message = line.slice(line.indexOf('::', 2) + 2);
    expect(message).toContain('line one%0Aline two, 100%25: over');
    expect(message).not.toMatch(/%(?![0-9A-F]{2})/); // every % is an escape
  });
});
