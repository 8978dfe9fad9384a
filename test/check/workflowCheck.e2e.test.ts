// flyscale check on a workflow's simulated metrics: end-to-end latency, a step's simulated end,
// the run's replica-seconds, run until settled as a scenario's are. Fixed times make the
// expected values hand calculations; one uniform runtime makes a verdict that needs runs.
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckReport } from '../../src/report/checkReport.js';
import { flyscale, json, scratch } from '../cli/run.js';

/** u = d = e = 1s, t = 10s: a task on pods pays 2u + 2d + e + t = 15s besides its runtime. */
const PROFILE = ['profile:', '  phases: { upload: 1s, download: 1s, enqueue: 1s, create: 10s, dispatch: 0s }', 'driver: { start: 7s }', 'environments:', '  pods: { podPerTask: true }', 'steps:'];

const dir = scratch({
  // a: 7 → 7 + 15 + 5 = 27s; b: 27 → 27 + 15 + 10 = 52s, every replication alike.
  'chain.yaml': [...PROFILE, '  a: { kind: task, environment: pods, runtime: 5s }', '  b: { kind: task, environment: pods, after: [a], runtime: 10s }', ''].join('\n'),
  // One task of uniform 0–20s runtime: latency 7 + 15 + U(0, 20), mean 32s, sd 20/√12 = 5.77s.
  'uniform.yaml': [...PROFILE, '  a: { kind: task, environment: pods, runtime: { dist: uniform, min: 0s, max: 20s } }', ''].join('\n'),
});
afterAll(() => dir.cleanup());

function budget(file: string, assertions: string[]): string {
  dir.write(file, ['scenarios:', '  chain: chain.yaml', '  uniform: uniform.yaml', '  plain: plain.yaml', 'assertions:', ...assertions, ''].join('\n'));
  return file;
}
dir.write('plain.yaml', 'workload: { items: 10, itemRuntime: 1s, batchSize: 1 }\n');

const check = (...args: string[]) => flyscale(['check', ...args], { cwd: dir.dir });
const report = (file: string): CheckReport => json<CheckReport>(check(file, '--format', 'json'));

describe('check on simulated workflow metrics', () => {
  test('budgets that hold pass, with the hand-worked values', () => {
    const r = report(
      budget('pass.yaml', [
        '  - { name: p99, scenario: chain, simulate: { runs: 100, seed: 3 }, assert: latency.p99Seconds <= 1m }',
        '  - { name: mean, scenario: chain, simulate: { runs: 100, seed: 3 }, assert: makespan.meanSeconds <= 52s }',
        '  - { name: b ends, scenario: chain, simulate: { runs: 100, seed: 3 }, assert: steps.b.end.meanSeconds <= 52s }',
        '  - { name: b starts, scenario: chain, simulate: { runs: 100, seed: 3 }, assert: steps.b.start.meanSeconds == 27s }',
        '  - { name: actions, scenario: chain, assert: actions.total <= 3 }',
      ]),
    );
    expect(r.passed).toBe(true);
    expect(r.assertions.map((a) => [a.name, a.verdict, a.value])).toEqual([
      ['p99', 'pass', 52],
      ['mean', 'pass', 52],
      ['b ends', 'pass', 52],
      ['b starts', 'pass', 27],
      // the driver and two tasks
      ['actions', 'pass', 3],
    ]);
    // No spread: a mean settles at the first batch of 10; a p99 needs n·0.01 ≥ 5, capped at runs: 100.
    expect(r.assertions.map((a) => a.runs)).toEqual([100, 10, 10, 10, null]);
    expect(r.assertions[0]?.ci95).toEqual([52, 52]);
  });

  test('a budget that does not hold fails, over by the hand-worked difference', () => {
    const f = budget('fail.yaml', ['  - { name: mean, scenario: chain, simulate: { runs: 100, seed: 3 }, assert: latency.meanSeconds <= 50s }', '  - { name: a ends, scenario: chain, simulate: { runs: 100, seed: 3 }, assert: steps.a.end.meanSeconds < 27s }']);
    const r = check(f);
    expect(r.code).toBe(1);
    const rep = report(f);
    expect(rep.assertions.map((a) => [a.verdict, a.value])).toEqual([
      ['fail', 52],
      ['fail', 27],
    ]);
    expect(r.stdout).toContain('over budget by 2s');
  });

  test('a close budget is inconclusive on a few runs and settled by more', () => {
    // Mean 32s, budget 33s. At 10 runs the half-width is about t(9)·5.77/√10 = 4.1s, so the
    // interval straddles 33s; it clears it at about (1.96 · 5.77 / 1)² ≈ 128 runs.
    const few = report(budget('few.yaml', ['  - { name: mean, scenario: uniform, simulate: { runs: 10, seed: 5 }, assert: latency.meanSeconds <= 33s }']));
    expect(few.assertions[0]?.verdict).toBe('inconclusive');
    expect(few.assertions[0]?.runs).toBe(10);
    const many = report(budget('many.yaml', ['  - { name: mean, scenario: uniform, simulate: { runs: 5000, seed: 5 }, assert: latency.meanSeconds <= 33s }']));
    const a = many.assertions[0];
    expect(a?.verdict).toBe('pass');
    expect(a?.runs).toBeGreaterThan(10);
    expect(a?.runs).toBeLessThan(5000);
    // The interval holds the true mean of 32s and lies below the budget.
    expect(a?.ci95?.[0]).toBeLessThan(32);
    expect(a?.ci95?.[1]).toBeGreaterThan(32);
    expect(a?.ci95?.[1]).toBeLessThan(33);
    // The same replications as simulate's with the same seed: its mean over that many runs.
    const sim = JSON.parse(flyscale(['simulate', dir.path('uniform.yaml'), '--runs', String(a?.runs), '--seed', '5', '--json']).stdout);
    expect(a?.value).toBeCloseTo(sim.makespan.meanSeconds, 9);
  });

  test('bad input: a simulated workflow metric without simulate:, one on a plain scenario, a step the run lacks', () => {
    const without = check(budget('nosim.yaml', ['  - { name: p99, scenario: chain, assert: latency.p99Seconds <= 1m }']));
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('latency.p99Seconds is a simulated metric; add simulate:');
    const plain = check(budget('plain-p99.yaml', ['  - { name: p99, scenario: plain, simulate: { runs: 10 }, assert: latency.p99Seconds <= 1m }']));
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('latency.p99Seconds has no value for scenario plain');
    expect(plain.stderr).toContain('a metric of a workflow file');
    // chain has steps a and b: c is named as the missing step, at the assert: value (line 6, column 65);
    // one letter from "a", it is the nearest name.
    const step = check(budget('nostep.yaml', ['  - { name: c, scenario: chain, simulate: { runs: 10 }, assert: steps.c.end.meanSeconds <= 1m }']));
    expect(step.code).toBe(2);
    expect(step.stderr).toContain('nostep.yaml:6:65: assertions.0.assert: workflow chain has no step "c"; did you mean "a"? its steps are a, b');
    // A typo of a step, in a plan metric as in a simulated one, with did-you-mean, before anything is simulated.
    const typo = check(budget('typo.yaml', ['  - name: b end', '    scenario: chain', '    assert: steps.bb.endSeconds <= 30m', '  - name: b sim', '    scenario: chain', '    simulate: { runs: 10 }', '    assert: steps.bb.end.meanSeconds <= 30m']));
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('typo.yaml:8:13: assertions.0.assert: workflow chain has no step "bb"; did you mean "b"? its steps are a, b');
    expect(typo.stderr).toContain('typo.yaml:12:13: assertions.1.assert: workflow chain has no step "bb"; did you mean "b"?');
    expect(typo.stderr).not.toContain('a metric of a workflow file');
    const price = check(budget('price.yaml', ['  - { name: cost, scenario: chain, simulate: { runs: 10 }, assert: cost.mean <= 1 }']));
    expect(price.code).toBe(2);
    expect(price.stderr).toContain('cost.mean needs a price, and scenario chain has none');
  });
});
