// `-` reads standard input for plan and check, as it does for profile fit; `init -` writes
// the starter file to standard output. Problems in piped text are located at <stdin>:line:col.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { BIN } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'flyscale-stdin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: readonly string[], input = ''): { code: number | null; stdout: string; stderr: string } {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !['FORCE_COLOR', 'COLUMNS', 'GITHUB_STEP_SUMMARY'].includes(k)) env[k] = v;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { ...env, NO_COLOR: '1' }, input, encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('init - prints the starter file and writes nothing', () => {
  const r = run(['init', '-']);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^# yaml-language-server: \$schema=/);
  expect(r.stdout).toContain('name: my-pipeline');
  expect(existsSync(join(dir, 'scenario.yaml'))).toBe(false);
  expect(existsSync(join(dir, '-'))).toBe(false);
});

test('plan - gives the same plan as the same text in a file', () => {
  const starter = run(['init', '-']).stdout;
  writeFileSync(join(dir, 'starter.yaml'), starter);
  const piped = run(['plan', '-', '--json'], starter);
  const filed = run(['plan', 'starter.yaml', '--json']);
  expect(piped.code).toBe(filed.code);
  expect(JSON.parse(piped.stdout).scenario.file).toBe('<stdin>');
  // Only the name of the source differs (scenario.file and each input's provenance).
  expect(JSON.parse(piped.stdout)).toEqual(JSON.parse(filed.stdout.replaceAll('starter.yaml', '<stdin>')));
});

test('a problem in a piped scenario is located at <stdin>:line:col', () => {
  const r = run(['plan', '-'], 'workload:\n  items: 100\n  itemz: 4\n');
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/^ {2}<stdin>:3:3: workload\.itemz: unknown key "itemz"/m);
});

test('an empty standard input is bad input, not a plan of the default scenario', () => {
  const r = run(['plan', '-'], '');
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('<stdin>: the file is empty');
});

test('check - reads the budget from standard input; its scenario paths are relative to the working directory', () => {
  writeFileSync(join(dir, 'small.yaml'), 'workload:\n  items: 1000\n  itemRuntime: 1s\n  batchSize: 10\n');
  // 1,000 items / 10 per action = 100 actions: the first assertion holds, the second fails.
  const budget = 'scenarios:\n  small: small.yaml\nassertions:\n  - name: under 200\n    scenario: small\n    assert: fanout.actions <= 200\n  - name: under 50\n    scenario: small\n    assert: fanout.actions <= 50\n';
  writeFileSync(join(dir, 'budget.yaml'), budget);
  const piped = run(['check', '-', '--json'], budget);
  const filed = run(['check', 'budget.yaml', '--json']);
  expect(piped.code).toBe(1);
  expect(filed.code).toBe(1);
  const a = JSON.parse(piped.stdout);
  expect(a.budget).toBe('<stdin>');
  expect(a.assertions.map((x: { value: number; outcome: string }) => [x.value, x.outcome])).toEqual([
    [100, 'pass'],
    [100, 'fail'],
  ]);
  expect(a.assertions).toEqual(JSON.parse(filed.stdout).assertions);
  expect(readFileSync(join(dir, 'budget.yaml'), 'utf8')).toBe(budget);
});

test('a malformed piped budget is located at <stdin>:line:col', () => {
  const r = run(['check', '-'], 'scenarios:\n  a: a.yaml\nassertions: [\n');
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/<stdin>:\d+:\d+: /);
});

test('every scenario command takes - : simulate, sweep, overhead, batch, fanout', () => {
  const text = 'name: piped\nworkload:\n  items: 2000\n  itemRuntime: 100ms\n';
  for (const args of [['simulate', '-', '--runs', '2'], ['sweep', '-', '--batch-size', '50,100', '--runs', '2'], ['overhead', '-'], ['batch', '-'], ['fanout', '-']]) {
    const r = run([...args, '--json'], text);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).scenario).toMatchObject({ name: 'piped', file: '<stdin>' });
  }
});
