// Run a command once, without a shell, and time it from spawn to exit with the monotonic clock.
import { spawn, type ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { InputError } from '../config/errors.js';
import { isRecord } from '../core/isRecord.js';

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
    // Interrupted, we take the child with us instead of leaving it running on its own, then
    // let the signal end this process as it would have (nothing is written: --out is atomic).
    const forward = (signal: NodeJS.Signals): void => {
      child.kill(signal);
      stopForwarding();
      process.kill(process.pid, signal);
    };
    const stopForwarding = (): void => {
      process.removeListener('SIGINT', forward);
      process.removeListener('SIGTERM', forward);
    };
    process.once('SIGINT', forward);
    process.once('SIGTERM', forward);
    child.once('error', (error) => {
      stopForwarding();
      const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'unknown';
      const problem = code === 'ENOENT' ? 'command not found' : `cannot run the command (${code})`;
      fail(new InputError([{ source: command, path: '', problem, fix: 'check the name and PATH; measure runs it without a shell, so write pipes or globs as: -- sh -c "..."' }]));
    });
    child.once('exit', (exitCode: number | null, signal: NodeJS.Signals | null) => {
      stopForwarding();
      done({ seconds: Number(process.hrtime.bigint() - start) / 1e9, exitCode, signal });
    });
  });
}
