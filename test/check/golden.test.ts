// Golden outputs of `flyscale check examples/budget.yaml` in every format, with the exit
// code. Regenerate after an intended change with UPDATE_GOLDEN=1 npx vitest run test/check,
// then read the diff: the numbers must still make sense (fan-out 2,000,000 / 200 = 10,000,
// every assertion of the example passing).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { flyscaleAsync, type Run } from '../cli/run.js';

const FORMATS = ['table', 'json', 'markdown', 'junit', 'github'] as const;
const EXTENSION = { table: 'table.txt', json: 'json', markdown: 'md', junit: 'xml', github: 'github.txt' } satisfies Record<(typeof FORMATS)[number], string>;
const GOLDEN = join(import.meta.dirname, 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

/** The tool version is the only part that changes without a change in behaviour. */
const normalize = (text: string): string => text.replace(/("version": )"[^"]+"/, '$1"<version>"');

const runs = new Map<string, Run>();
beforeAll(async () => {
  const results = await Promise.all(FORMATS.map((f) => flyscaleAsync(['check', 'examples/budget.yaml', '--format', f])));
  FORMATS.forEach((f, i) => runs.set(f, results[i] as Run));
}, 180_000); // five checks with 200-run simulations at once; a loaded CI machine needs the room

describe('check examples/budget.yaml', () => {
  test.each(FORMATS.map((f) => [f]))('--format %s matches its golden file and exits 0', (format) => {
    const run = runs.get(format);
    expect(run?.stderr).toBe('');
    expect(run?.code).toBe(0);
    const file = join(GOLDEN, `budget.${EXTENSION[format]}`);
    const actual = normalize(run?.stdout ?? '');
    if (update || !existsSync(file)) {
      if (!update) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1`);
      writeFileSync(file, actual);
    }
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });

  test('every format tells the same story: 5 assertions, all passing', () => {
    const report = JSON.parse(runs.get('json')?.stdout ?? '{}');
    expect(report.summary).toEqual({ assertions: 5, passed: 5, warned: 0, failed: 0, inconclusive: 0, regressions: 0 });
    // fan-out: 2,000,000 items / batch 200 = 10,000 actions
    expect(report.assertions[0]).toMatchObject({ name: 'fan-out within target', value: 10000, budget: 20000, verdict: 'pass' });
    // 30m = 1800 s, on line 16 of examples/budget.yaml (the "- name:" line). The p95 is far under
    // the budget, so the first batch settles it: 100 replications (n·(1 − 0.95) = 5), of at most 200.
    expect(report.assertions[2]).toMatchObject({ metric: 'makespan.p95Seconds', budget: 1800, runs: 100, seed: 7, line: 16 });
    expect(runs.get('junit')?.stdout).toContain('tests="5" failures="0"');
    expect(runs.get('github')?.stdout).toBe('::notice title=flyscale check::5 assertions: 5 passed, 0 warned, 0 failed\n');
  });
});
