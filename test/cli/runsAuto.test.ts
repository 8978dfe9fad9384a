// simulate --runs auto (the default): replications until the mean makespan is settled.
import { describe, expect, test } from 'vitest';
import { flyscale } from '../helpers/cli.js';

const json = (args: string[]) => {
  const r = flyscale(['simulate', 'examples/scaling-guide.yaml', '--json', ...args]);
  expect(r.code).toBe(0);
  return { text: r.stdout, report: JSON.parse(r.stdout) };
};

describe('simulate --runs auto', () => {
  test('stops once the 95% interval is within 1% of the mean, and says so', () => {
    const { report } = json([]);
    expect(report.stopping.rule).toBe('auto');
    expect(report.stopping.reason).toBe('precision');
    const [lo, hi] = report.makespan.ci95Seconds;
    expect((hi - lo) / 2 / report.makespan.meanSeconds).toBeLessThanOrEqual(0.01);
    expect(report.stopping.relativeHalfWidth).toBeCloseTo((hi - lo) / 2 / report.makespan.meanSeconds, 9);
    expect(report.runs).toBeGreaterThanOrEqual(10);
    const text = flyscale(['simulate', 'examples/scaling-guide.yaml']).stdout;
    expect(text).toContain(`${report.runs} replications (settled: mean makespan ±`);
  });

  test('the same bytes with one or three worker threads', () => {
    expect(json(['--workers', '3', '--precision', '0.5%']).text).toBe(json(['--workers', '1', '--precision', '0.5%']).text);
  });

  test('--max-runs stops first and the report says why', () => {
    const { report } = json(['--precision', '0.0001', '--max-runs', '12']);
    expect(report.runs).toBe(12);
    expect(report.stopping.reason).toBe('maxRuns');
  });

  test('a count is a fixed number of runs', () => {
    const { report } = json(['--runs', '7']);
    expect(report.runs).toBe(7);
    expect(report.stopping).toMatchObject({ rule: 'fixed', reason: 'fixed', precision: null });
  });

  test('auto is for simulate: plan --simulate and sweep take a count', () => {
    const r = flyscale(['plan', '--simulate', '--runs', 'auto']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--runs');
  });

  test.each([
    [['--precision', '2'], '--precision'],
    [['--runs', '20', '--precision', '1%'], '--precision applies only with --runs auto'],
    [['--runs', 'often'], '--runs'],
  ])('bad input %j exits 2 naming the flag', (args, message) => {
    const r = flyscale(['simulate', 'examples/scaling-guide.yaml', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
