// Run a command once, without a shell, and time it from spawn to exit with the monotonic clock.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { InputError } from '../config/errors.js';
import { isRecord } from '../config/durationValue.js';

export interface TimedRun {
  seconds: number;
  /** null when a signal ended it. */
  exitCode: number | null;
  signal: string | null;
}

/** `output`: where the child's stdout and stderr go (never our stdout), or 'ignore'. */
export function timedRun(command: string, args: readonly string[], output: Writable | 'ignore', cwd: string): Promise<TimedRun> {
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    const child: ChildProcess = spawn(command, [...args], { cwd, shell: false, stdio: ['ignore', output, output] });
    child.once('error', (error) => {
      const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'unknown';
      const problem = code === 'ENOENT' ? 'command not found' : `cannot run the command (${code})`;
      fail(new InputError([{ source: command, path: '', problem, fix: 'check the name and PATH; measure runs it without a shell, so write pipes or globs as: -- sh -c "..."' }]));
    });
    child.once('exit', (exitCode: number | null, signal: NodeJS.Signals | null) => {
      done({ seconds: Number(process.hrtime.bigint() - start) / 1e9, exitCode, signal });
    });
  });
}
