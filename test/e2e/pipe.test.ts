// `flyscale schema | head -1`: the reader goes away before flyscale has written everything.
// A closed pipe is not a bug in flyscale and must not print a stack trace.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, STACK_LINE } from '../helpers/cli.js';

function runWithClosedStdout(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', COLUMNS: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end of stdout at once: every write of the child then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a closed stdout', () => {
  it.each([['schema'], ['plan', '--json']])('flyscale %s exits quietly', async (...args) => {
    const run = await runWithClosedStdout(args);
    expect(run.stderr).not.toMatch(STACK_LINE);
    expect(run.stderr).not.toContain('EPIPE');
    expect(run.code).toBe(0);
  });
});
