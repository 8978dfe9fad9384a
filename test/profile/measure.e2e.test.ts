// flyscale measure, end to end: rows in the log format, the child's output kept off stdout,
// failures and a missing command. No assertion on how long anything took beyond > 0.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flyscale, STACK_FRAME, tempDir } from './cli.js';

const node = process.execPath;
const rowsOf = (csv: string): string[] => csv.trimEnd().split('\n');

describe('measure', () => {
  it('writes a header and one runtime row per timed run, none for warm-ups', () => {
    const r = flyscale(['measure', '--runs', '3', '--warmup', '2', '--', node, '-e', "console.log('from the child')"]);
    expect(r.status).toBe(0);
    const [header, ...rows] = rowsOf(r.stdout);
    expect(header).toBe('phase,seconds');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const [phase, seconds] = row.split(',');
      expect(phase).toBe('runtime');
      expect(Number(seconds)).toBeGreaterThan(0);
    }
    // The child's stdout goes to our stderr, five times (2 warm-ups + 3 runs).
    expect(r.stderr.match(/^from the child$/gm)).toHaveLength(5);
    expect(r.stderr).toMatch(/--item-runtime '\[[\d.]+m?s, [\d.]+m?s, [\d.]+m?s\]'/);
  });

  it('--quiet discards the output; --phase names the rows', () => {
    const r = flyscale(['measure', '--runs', '2', '--quiet', '--phase', 'create', '--', node, '-e', "console.log('child says hi'); console.error('child warns')"]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/^child (says hi|warns)$/m);
    expect(r.stdout).not.toContain('child');
    expect(rowsOf(r.stdout).slice(1).every((row) => row.startsWith('create,'))).toBe(true);
  });

  it('--out writes the rows atomically, refuses to overwrite, and profile fit reads them', () => {
    const dir = tempDir();
    const out = join(dir, 'runtime.csv');
    const r = flyscale(['measure', '--runs', '6', '--out', out, '--quiet', '--', node, '-e', '0']);
    expect(r.status).toBe(0);
    expect(rowsOf(readFileSync(out, 'utf8'))).toHaveLength(7);
    expect(flyscale(['measure', '--runs', '1', '--out', out, '--', node, '-e', '0']).status).toBe(2);
    const fit = flyscale(['profile', 'fit', out, '--json']);
    expect(fit.status).toBe(0);
    expect(JSON.parse(fit.stdout).phases.runtime).toMatchObject({ n: 6, destination: 'workload.itemRuntime' });
  });

  it('its --item-runtime suggestion is accepted by plan', () => {
    const r = flyscale(['measure', '--runs', '3', '--quiet', '--', node, '-e', '0']);
    const flag = /--item-runtime '([^']+)'/.exec(r.stderr)?.[1];
    expect(flag).toBeDefined();
    expect(flyscale(['plan', '--item-runtime', flag ?? '', '--json']).status).not.toBe(2);
  });

  it('a failing command exits 1 and writes nothing, unless --allow-failure', () => {
    const dir = tempDir();
    const out = join(dir, 'never.csv');
    const failing = flyscale(['measure', '--runs', '3', '--out', out, '--', node, '-e', 'process.exit(3)']);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain('exited with 3 on run 1 of 3');
    expect(existsSync(out)).toBe(false);
    const allowed = flyscale(['measure', '--runs', '2', '--allow-failure', '--', node, '-e', 'process.exit(3)']);
    expect(allowed.status).toBe(0);
    expect(rowsOf(allowed.stdout)).toHaveLength(3);
    expect(allowed.stderr).toContain('2 runs exited non-zero');
  });

  it('a missing command or a bad --runs exits 2 without a stack trace', () => {
    const missing = flyscale(['measure', '--runs', '2', '--', 'flyscale-no-such-command']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('flyscale-no-such-command: command not found');
    expect(missing.stderr).not.toMatch(STACK_FRAME);
    for (const runs of ['0', 'three', '1.5']) expect(flyscale(['measure', '--runs', runs, '--', node, '-e', '0']).status).toBe(2);
  });
});
