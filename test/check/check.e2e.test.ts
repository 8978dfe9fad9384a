// flyscale check end to end: exit codes for pass, warn, fail, inconclusive under each policy
// and bad input; baselines (a real regression flagged, seed noise not); --out and the GitHub
// step summary.
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import type { CheckReport } from '../../src/report/checkReport.js';
import { fixedScenario, flyscale, json, scratch } from '../cli/run.js';

const random = (replicas: number): string => fixedScenario({ items: 200, itemRuntime: '{ median: 1s, p95: 3s }', replicas, concurrency: 2 });

const dir = scratch({
  // Exact: 240 actions on 4 × 3 slots of 2 s → 20 waves × 2 s = 40 s; fan-out 240 actions.
  'fixed.yaml': fixedScenario({ items: 240, itemRuntime: '2s', replicas: 4, concurrency: 3 }),
  'four.yaml': random(4),
  'two.yaml': random(2),
});
afterAll(() => dir.cleanup());

interface A {
  name: string;
  assert: string;
  level?: 'error' | 'warn';
  simulate?: string;
  scenario?: string;
  extra?: string;
}

/** A budget file with one scenario `pool` and the given assertions. */
function budget(file: string, assertions: A[], scenarioFile = 'fixed.yaml'): string {
  const text = [
    'scenarios:',
    `  pool: ${scenarioFile}`,
    'assertions:',
    ...assertions.flatMap((a) => [
      `  - name: ${a.name}`,
      `    scenario: ${a.scenario ?? 'pool'}`,
      ...(a.simulate ? [`    simulate: ${a.simulate}`] : []),
      `    assert: ${a.assert}`,
      ...(a.level ? [`    level: ${a.level}`] : []),
      ...(a.extra ? [a.extra] : []),
    ]),
    '',
  ].join('\n');
  dir.write(file, text);
  return file;
}

const check = (...args: string[]) => flyscale(['check', ...args], { cwd: dir.dir });
const report = (...args: string[]): CheckReport => json<CheckReport>(check(...args, '--format', 'json'));

describe('exit codes', () => {
  test('every assertion within budget: 0', () => {
    // fan-out 240 ≤ 1000; exact simulated mean 40 s ≤ 1m
    const f = budget('pass.yaml', [
      { name: 'fan-out', assert: 'fanout.actions <= 1000' },
      { name: 'mean', assert: 'makespan.meanSeconds <= 1m', simulate: '{ runs: 5 }' },
    ]);
    const r = check(f);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/2 assertions: 2 passed, 0 warned, 0 failed/);
  });

  test('an error-level assertion failing: 1', () => {
    // 240 actions > 100
    const f = budget('fail.yaml', [
      { name: 'fan-out', assert: 'fanout.actions <= 100' },
      { name: 'ok', assert: 'fanout.actions <= 1000' },
    ]);
    const r = check(f);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL/);
    const j = report(f);
    expect(j.passed).toBe(false);
    expect(j.assertions.map((a) => [a.name, a.verdict, a.outcome])).toEqual([
      ['fan-out', 'fail', 'fail'],
      ['ok', 'pass', 'pass'],
    ]);
    // over by 240 − 100 = 140, and the difference names what it counts
    expect(j.assertions[0]?.message).toBe('over budget by 140 actions');
  });

  test('only a warn-level assertion failing: 0, with a warning', () => {
    // exact makespan 40 s > 30 s
    const f = budget('warn.yaml', [{ name: 'fast', assert: 'makespan.meanSeconds <= 30s', simulate: '{ runs: 3 }', level: 'warn' }]);
    const r = check(f);
    expect(r.code).toBe(0);
    const j = report(f);
    expect(j.summary).toMatchObject({ passed: 0, warned: 1, failed: 0 });
    expect(j.assertions[0]).toMatchObject({ verdict: 'fail', outcome: 'warn', value: 40 });
  });

  test('a far budget is settled by the first batch: 10 replications, not simulate.runs', () => {
    const f = budget('far.yaml', [{ name: 'mean', assert: 'makespan.meanSeconds <= 1h', simulate: '{ runs: 200, seed: 1 }' }], 'four.yaml');
    expect(report(f).assertions[0]).toMatchObject({ verdict: 'pass', runs: 10 });
  });

  describe('inconclusive: a budget inside the 95% interval', () => {
    // A first run gives the mean and its interval; the budget goes at mean + 0.49 × half-width,
    // strictly inside. A simulated assertion runs until settled, at most simulate.runs: with
    // runs 10 (the first batch) both stop at 10 replications, the same ones. Runs to settle =
    // ceil(10 × (half / (0.49 half))²) = ceil(10 / 0.2401) = ceil(41.65) = 42 (the 6-decimal
    // rounding of the budget moves this by far less than 0.35).
    const first = budget('probe.yaml', [{ name: 'mean', assert: 'makespan.meanSeconds <= 1h', simulate: '{ runs: 10, seed: 1 }' }], 'four.yaml');
    const probe = report(first).assertions[0];
    const [lo, hi] = probe?.ci95 ?? [0, 0];
    const half = (hi - lo) / 2;
    const limit = (probe?.value ?? 0) + 0.49 * half;
    const f = budget('inconclusive.yaml', [{ name: 'mean', assert: `makespan.meanSeconds <= ${limit.toFixed(6)}s`, simulate: '{ runs: 10, seed: 1 }' }], 'four.yaml');

    test('the probe has a real interval (the scenario is random)', () => {
      expect(half).toBeGreaterThan(0.01);
    });

    test('the verdict is inconclusive and says about how many runs would settle it', () => {
      const a = report(f).assertions[0];
      expect(a).toMatchObject({ verdict: 'inconclusive', runsToSettle: 42, runs: 10 });
      expect(a?.message).toMatch(/about 42 runs would settle it/);
    });

    test.each([
      ['fail', 1, 'fail'],
      ['warn', 0, 'warn'],
      ['pass', 0, 'pass'],
    ] as const)('--inconclusive %s: exit %d, outcome %s', (policy, code, outcome) => {
      const r = check(f, '--inconclusive', policy);
      expect(r.code).toBe(code);
      expect(report(f, '--inconclusive', policy).assertions[0]?.outcome).toBe(outcome);
    });

    test('the default policy is warn', () => {
      expect(check(f).code).toBe(0);
      expect(report(f).inconclusive).toBe('warn');
    });
  });
});

describe('closed form or simulated', () => {
  test('a closed-form metric on an assertion with simulate: is read from the plan, with no runs, seed or interval', () => {
    const f = budget('closed.yaml', [{ name: 'fan-out', assert: 'fanout.actions <= 1000', simulate: '{ runs: 3, seed: 9 }' }]);
    expect(report(f).assertions[0]).toMatchObject({ value: 240, ci95: null, runs: null, seed: null });
  });

  test('a simulated metric records its runs and seed', () => {
    const f = budget('simulated.yaml', [{ name: 'mean', assert: 'makespan.meanSeconds <= 1m', simulate: '{ runs: 3, seed: 9 }' }]);
    expect(report(f).assertions[0]).toMatchObject({ value: 40, ci95: [40, 40], runs: 3, seed: 9 });
  });
});

describe('bad input: exit 2 naming the budget file and line, no stack trace', () => {
  const cases: Array<[string, string, RegExp]> = [
    // [what, budget text, expected stderr]; assertions start on line 4, "assert:" on line 6
    ['an unknown metric', 'scenarios:\n  pool: fixed.yaml\nassertions:\n  - name: x\n    scenario: pool\n    assert: fanout.acions <= 5\n', /bad\.yaml:6:13: assertions\.0\.assert: unknown metric "fanout\.acions"; did you mean "fanout\.actions"\?/],
    ['a bad operator', 'scenarios:\n  pool: fixed.yaml\nassertions:\n  - name: x\n    scenario: pool\n    assert: fanout.actions => 5\n', /bad\.yaml:6:13: .*"=>" is not an operator/],
    ['a value without a unit', 'scenarios:\n  pool: fixed.yaml\nassertions:\n  - name: x\n    scenario: pool\n    assert: estimate.makespanSeconds <= 30\n', /bad\.yaml:6:13: .*30 has no unit/],
    ['duplicate names', 'scenarios:\n  pool: fixed.yaml\nassertions:\n  - name: x\n    assert: fanout.actions <= 5\n  - name: x\n    assert: fanout.actions <= 6\n', /bad\.yaml:6:11: .*duplicate assertion name "x" \(first at line 4\)/],
    ['a scenario that does not exist', 'scenarios:\n  pool: fixed.yaml\nassertions:\n  - name: x\n    scenario: poll\n    assert: fanout.actions <= 5\n', /bad\.yaml:5:15: .*no scenario named "poll"; did you mean "pool"\?/],
  ];
  test.each(cases)('%s', (_what, text, message) => {
    dir.write('bad.yaml', text);
    const r = check('bad.yaml');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^flyscale: bad input\n/);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a cost assertion on a scenario without a price fails before anything is simulated', () => {
    const f = budget('noprice.yaml', [
      { name: 'fan-out', assert: 'fanout.actions <= 1000' },
      { name: 'cost', assert: 'cost.mean <= 5', simulate: '{ runs: 5 }' },
    ]);
    const r = check(f);
    expect(r.code).toBe(2);
    // the second assertion starts on line 7 of the generated file (scenarios: 2 lines, assertions: 1, first: 3)
    expect(r.stderr).toContain('noprice.yaml:7:1: assertions.1.assert: cost.mean needs a price, and scenario pool has none');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  test('a scenario file that is missing is bad input too', () => {
    dir.write('nofile.yaml', 'scenarios:\n  pool: missing.yaml\nassertions:\n  - name: x\n    assert: fanout.actions <= 5\n');
    const r = check('nofile.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.yaml/);
  });

  test.each([
    [['nowhere.yaml'], /budget file not found/],
    [['pass.yaml', '--inconclusive', 'maybe'], /--inconclusive/],
    [['pass.yaml', '--max-regression', 'ten'], /--max-regression/],
    [['pass.yaml', '--baseline', 'nowhere.json'], /baseline not found/],
    [['pass.yaml', '--format', 'xml'], /format/],
  ])('flags and files: %j', (args, message) => {
    budget('pass.yaml', [{ name: 'fan-out', assert: 'fanout.actions <= 1000' }]);
    const r = check(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--baseline', () => {
  const mean = (scenarioFile: string, seed: number, file: string): string =>
    budget(file, [{ name: 'mean makespan', assert: 'makespan.meanSeconds <= 1h', simulate: `{ runs: 20, seed: ${seed} }`, extra: '    maxRegression: 1%' }], scenarioFile);

  // The baseline: 4 replicas, seed 1, written with --out.
  const base = check(mean('four.yaml', 1, 'base.yaml'), '--out', 'base.json');
  const baseReport = JSON.parse(readFileSync(dir.path('base.json'), 'utf8')) as CheckReport;

  test('the baseline run passes and writes its report', () => {
    expect(base.code).toBe(0);
    expect(baseReport.assertions[0]?.ci95).not.toBeNull();
  });

  test('fewer replicas (4 → 2) roughly double the makespan: a regression, exit 1 at level error', () => {
    const f = mean('two.yaml', 1, 'fewer.yaml');
    const r = check(f, '--baseline', 'base.json');
    expect(r.code).toBe(1);
    const a = report(f, '--baseline', 'base.json').assertions[0];
    // Half the slots: at least +50% (a bound well below the ~+100% expected).
    expect(a?.baseline?.change).toBeGreaterThan(0.5);
    expect(a).toMatchObject({ verdict: 'pass', outcome: 'fail', baseline: { regressed: true, withinNoise: false, threshold: 0.01 } });
    expect(a?.message).toMatch(/regressed \+\d+\.\d% against the baseline/);
  });

  test('the same scenario with another seed: a change beyond the 1% threshold but within noise is not flagged', () => {
    // Find a seed whose mean is higher than the baseline's by more than 1% (so only the noise
    // rule can keep it from being flagged).
    let found: CheckReport['assertions'][number] | undefined;
    for (let seed = 2; seed <= 12 && !found; seed++) {
      const a = report(mean('four.yaml', seed, 'reseed.yaml'), '--baseline', 'base.json').assertions[0];
      if ((a?.baseline?.change ?? 0) > 0.01) found = a;
    }
    expect(found, 'no seed in 2..12 moved the mean up by more than 1%').toBeDefined();
    const a = found as NonNullable<typeof found>;
    // The noise rule worked from the two reports: se = half-width / 1.96 for each,
    // noise = 1.96 · √(se₁² + se₂²); the difference of the means must be within it.
    const se = (ci: [number, number] | null): number => (ci ? (ci[1] - ci[0]) / 2 / 1.96 : 0);
    const noise = 1.96 * Math.hypot(se(a.ci95), se(baseReport.assertions[0]?.ci95 ?? null));
    expect(Math.abs(a.value - (baseReport.assertions[0]?.value ?? 0))).toBeLessThanOrEqual(noise);
    expect(a).toMatchObject({ outcome: 'pass', baseline: { regressed: false, withinNoise: true } });
    expect(a.message).toMatch(/within the simulation's noise/);
  });

  test('a baseline entry of the same name that measured another metric is not compared', () => {
    // base.json holds "mean makespan" as makespan.meanSeconds; this one asserts the p95 under that name.
    const f = budget('renamed.yaml', [{ name: 'mean makespan', assert: 'makespan.p95Seconds <= 1h', simulate: '{ runs: 20, seed: 1 }' }], 'two.yaml');
    const a = report(f, '--baseline', 'base.json').assertions[0];
    expect(a?.baseline).toBeNull();
    expect(a?.outcome).toBe('pass');
    expect(a?.message).toContain('not compared with the baseline, which measured makespan.meanSeconds');
  });

  test('--max-regression applies when the assertion sets none', () => {
    const f = budget('flag.yaml', [{ name: 'mean makespan', assert: 'makespan.meanSeconds <= 1h', simulate: '{ runs: 20, seed: 1 }' }], 'two.yaml');
    const a = report(f, '--baseline', 'base.json', '--max-regression', '500%').assertions[0];
    // +~100% is under 500%: not a regression.
    expect(a?.baseline).toMatchObject({ threshold: 5, regressed: false });
  });
});

describe('--out and the GitHub step summary', () => {
  test('--out is written when the check fails, as valid JSON equal to --format json', () => {
    const f = budget('failing.yaml', [{ name: 'fan-out', assert: 'fanout.actions <= 100' }]);
    const r = check(f, '--out', 'out.json');
    expect(r.code).toBe(1);
    const written = JSON.parse(readFileSync(dir.path('out.json'), 'utf8')) as CheckReport;
    expect(written).toMatchObject({ command: 'check', passed: false, summary: { failed: 1 } });
    expect(written).toEqual(report(f));
    // No temporary file left beside it.
    expect(readdirSync(dir.dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('--format github: an annotation at the line, and the Markdown appended to $GITHUB_STEP_SUMMARY', () => {
    const f = budget('gh.yaml', [
      { name: 'ok', assert: 'fanout.actions <= 1000' },
      { name: 'fan-out', assert: 'fanout.actions <= 100' },
    ]);
    dir.write('summary.md', 'earlier step\n');
    const r = flyscale(['check', f, '--format', 'github'], { cwd: dir.dir, env: { GITHUB_STEP_SUMMARY: dir.path('summary.md') } });
    expect(r.code).toBe(1);
    // The second assertion's "- name:" is line 7 (3 header lines, 3 lines for the first).
    expect(r.stdout).toMatch(/^::error file=gh\.yaml,line=7,title=flyscale%3A fan-out::fanout\.actions = 240, budget <= 100: over budget by 140 actions$/m);
    const summary = readFileSync(dir.path('summary.md'), 'utf8');
    expect(summary.startsWith('earlier step\n')).toBe(true);
    expect(summary).toContain('## flyscale check: gh.yaml');
    expect(summary).toContain('| fan-out | fanout.actions | 240 | <= 100 | FAIL |');
    // The details are a Markdown list, not lines that run together into one paragraph.
    expect(summary).toContain('### Details\n\n- fan-out: over budget by 140 actions\n');
  });

  test('$GITHUB_STEP_SUMMARY without a final newline: the appended summary still starts on a line of its own', () => {
    const f = budget('gh2.yaml', [{ name: 'ok', assert: 'fanout.actions <= 1000' }]);
    dir.write('summary3.md', '| a | b |\n| --- | --- |\n| earlier | table |');
    flyscale(['check', f, '--format', 'github'], { cwd: dir.dir, env: { GITHUB_STEP_SUMMARY: dir.path('summary3.md') } });
    // A blank line ends the earlier table; the heading cannot be read as one of its rows.
    expect(readFileSync(dir.path('summary3.md'), 'utf8')).toMatch(/^\| earlier \| table \|\n\n## flyscale check: gh2\.yaml\n/m);
  });

  test('other formats leave $GITHUB_STEP_SUMMARY alone', () => {
    const f = budget('quiet.yaml', [{ name: 'ok', assert: 'fanout.actions <= 1000' }]);
    dir.write('summary2.md', 'untouched\n');
    flyscale(['check', f, '--format', 'json'], { cwd: dir.dir, env: { GITHUB_STEP_SUMMARY: dir.path('summary2.md') } });
    expect(readFileSync(dir.path('summary2.md'), 'utf8')).toBe('untouched\n');
  });
});
