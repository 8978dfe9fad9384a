// Golden tests of CLI output: stdout compared byte for byte with test/golden/files/<name>,
// plus the exit code. To accept new output after an intended change:
//
//   npm run build && UPDATE_GOLDEN=1 npx vitest run test/golden
//
// then review the diff of test/golden/files/ before committing it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flyscale, ROOT } from '../helpers/cli.js';

const FILES = fileURLToPath(new URL('./files/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The tool's version would churn every golden file on a release: pin it to a placeholder. */
const normalise = (stdout: string): string => stdout.replaceAll(`"version": "${VERSION}"`, '"version": "<version>"');

const CASES: { name: string; args: string[]; exit: number }[] = [
  { name: 'plan.txt', args: ['plan'], exit: 0 },
  { name: 'plan.json', args: ['plan', '--json'], exit: 0 },
  { name: 'plan.md', args: ['plan', '--format', 'markdown'], exit: 0 },
  // 1,000,000 actions: over the hard limit, a failed check
  { name: 'plan-batch-1.txt', args: ['plan', '--batch-size', '1'], exit: 1 },
  { name: 'plan-batch-1.json', args: ['plan', '--batch-size', '1', '--json'], exit: 1 },
  { name: 'plan-flyte-oss.txt', args: ['plan', '--profile', 'flyte-oss'], exit: 0 },
  { name: 'overhead-explain.txt', args: ['overhead', '--explain'], exit: 0 },
  { name: 'batch.txt', args: ['batch'], exit: 0 },
  { name: 'batch.json', args: ['batch', '--json'], exit: 0 },
  // 45,000 actions: above the recommended 40,000, under the hard 50,000: a warning, exit 0
  { name: 'fanout-actions-45000.txt', args: ['fanout', '--actions', '45000'], exit: 0 },
  // 1,000,000 / 10 = 100,000 actions: over the hard limit, exit 1
  { name: 'fanout-batch-10.txt', args: ['fanout', '--batch-size', '10'], exit: 1 },
];

describe('golden CLI output (NO_COLOR=1)', () => {
  if (UPDATE) mkdirSync(FILES, { recursive: true });

  it.each(CASES)('flyscale $args → $name, exit $exit', ({ name, args, exit }) => {
    const run = flyscale(args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(exit);
    const path = join(FILES, name);
    const got = normalise(run.stdout);
    if (UPDATE) writeFileSync(path, got);
    expect(existsSync(path), `${name} is missing: run with UPDATE_GOLDEN=1 to create it`).toBe(true);
    expect(got).toBe(readFileSync(path, 'utf8'));
  });

  it('the JSON files are JSON, and their status matches the exit code', () => {
    for (const { name, exit } of CASES.filter((c) => c.name.startsWith('plan') && c.name.endsWith('.json'))) {
      const report = JSON.parse(readFileSync(join(FILES, name), 'utf8')) as { fanout: { status: string }; findings: { severity: string }[] };
      expect(report.findings.some((f) => f.severity === 'error')).toBe(exit === 1);
    }
  });

  it('the warning and the error are in the fan-out goldens', () => {
    expect(readFileSync(join(FILES, 'fanout-actions-45000.txt'), 'utf8')).toMatch(/status\s+│ warn \(aboveRecommended\)/);
    expect(readFileSync(join(FILES, 'fanout-batch-10.txt'), 'utf8')).toMatch(/100,000 actions exceed the hard limit/);
  });
});
