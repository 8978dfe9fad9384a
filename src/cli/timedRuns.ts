// The runs of `measure`: K warm-ups then N timed runs of one command, stopping at the first
// failure unless failures are allowed.
import type { Writable } from 'node:stream';
import { timedRun, type TimedRun } from './timedRun.js';

export interface RunPlan {
  runs: number;
  warmup: number;
  output: Writable | 'ignore';
  cwd: string;
  allowFailure: boolean;
}

export type Timed = { ok: true; seconds: number[]; failures: number } | { ok: false; label: string; how: string };

const how = (r: TimedRun): string => (r.signal !== null ? `was killed by ${r.signal}` : `exited with ${String(r.exitCode)}`);

export async function timeRuns(command: string, args: readonly string[], p: RunPlan): Promise<Timed> {
  const seconds: number[] = [];
  let failures = 0;
  for (let i = 0; i < p.warmup + p.runs; i++) {
    const run = await timedRun(command, args, p.output, p.cwd);
    if (run.exitCode !== 0) {
      if (!p.allowFailure) return { ok: false, label: i < p.warmup ? `warm-up ${i + 1} of ${p.warmup}` : `run ${i - p.warmup + 1} of ${p.runs}`, how: how(run) };
      failures++;
    }
    if (i >= p.warmup) seconds.push(run.seconds);
  }
  return { ok: true, seconds, failures };
}
