// flyscale measure: time a command N times after K warm-ups and write the runtimes as a
// measurement log (phase,seconds), which `profile fit` reads and `--item-runtime` accepts.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { InputError } from '../../config/errors.js';
import { MEASURED_PHASES, RUNTIME_PHASE } from '../../config/measurements.js';
import { sortedQuantile } from '../../core/distribution.js';
import { formatSeconds, plural } from '../../core/units.js';
import { durationText } from '../../render/yamlValues.js';
import { writeFileAtomic } from '../atomicWrite.js';
import type { CommandResult, Terminal } from '../result.js';
import { timedRun, type TimedRun } from '../timedRun.js';

/** Up to this many runs, the summary suggests an --item-runtime of the samples themselves. */
const INLINE_SAMPLES = 30;

function whole(options: Record<string, unknown>, key: string, flag: string, min: number): number {
  const raw = options[key];
  const value = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim()) || value < min) {
    throw new InputError([{ source: flag, path: '', problem: `${String(raw)} is not a whole number ≥ ${min}`, fix: `write e.g. ${flag} ${Math.max(min, 3)}` }]);
  }
  return value;
}

const failed = (r: TimedRun): boolean => r.exitCode !== 0;
const how = (r: TimedRun): string => (r.signal !== null ? `was killed by ${r.signal}` : `exited with ${String(r.exitCode)}`);

export async function runMeasure(argv: readonly string[], options: Record<string, unknown>, term: Terminal, childOutput: Writable): Promise<CommandResult> {
  const runs = whole(options, 'runs', '--runs', 1);
  const warmup = whole(options, 'warmup', '--warmup', 0);
  const phase = typeof options.phase === 'string' ? options.phase : RUNTIME_PHASE;
  if (!MEASURED_PHASES.includes(phase)) {
    throw new InputError([{ source: '--phase', path: '', problem: `"${phase}" is not a phase profile fit reads`, fix: `use one of ${MEASURED_PHASES.join(', ')}` }]);
  }
  const out = typeof options.out === 'string' ? options.out : null;
  const target = out === null ? null : resolve(term.cwd, out);
  if (target !== null && existsSync(target) && options.force !== true) {
    throw new InputError([{ source: out ?? '--out', path: '', problem: 'the file exists', fix: 'pass --force to overwrite it, or name another file' }]);
  }
  const [command, ...args] = argv;
  if (command === undefined) throw new InputError([{ source: 'measure', path: '', problem: 'no command to time', fix: 'put it after --: flyscale measure --runs 5 -- python item.py' }]);
  const output = options.quiet === true ? 'ignore' : childOutput;
  const shown = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  const allowFailure = options.allowFailure === true;

  const seconds: number[] = [];
  let failures = 0;
  for (let i = 0; i < warmup + runs; i++) {
    const run = await timedRun(command, args, output, term.cwd);
    const label = i < warmup ? `warm-up ${i + 1} of ${warmup}` : `run ${i - warmup + 1} of ${runs}`;
    if (failed(run)) {
      if (!allowFailure) return { stdout: '', stderr: `flyscale measure: \`${shown}\` ${how(run)} on ${label}; nothing written (--allow-failure keeps timing)\n`, exitCode: 1 };
      failures++;
    }
    if (i >= warmup) seconds.push(run.seconds);
  }

  const csv = `phase,seconds\n${seconds.map((x) => `${phase},${x.toFixed(6)}`).join('\n')}\n`;
  if (target !== null) writeFileAtomic(target, csv);
  const sorted = [...seconds].sort((a, b) => a - b);
  const total = seconds.reduce((a, b) => a + b, 0);
  const lines = [
    `flyscale measure: ${runs} run${runs === 1 ? '' : 's'} of \`${shown}\` after ${warmup} warm-up${warmup === 1 ? '' : 's'}: ` +
      `mean ${formatSeconds(total / runs)}, p50 ${formatSeconds(sortedQuantile(sorted, 0.5))}, min ${formatSeconds(sorted[0] ?? Number.NaN)}, max ${formatSeconds(sorted[sorted.length - 1] ?? Number.NaN)}`,
  ];
  if (failures > 0) lines.push(`  ${failures} run${failures === 1 ? '' : 's'} exited non-zero (kept: --allow-failure)`);
  if (out !== null) lines.push(`  next: flyscale profile fit ${out}`);
  if (runs <= INLINE_SAMPLES) lines.push(`  as a workload setting: --item-runtime '[${seconds.map(durationText).join(', ')}]'`);
  const stdout = target === null ? csv : `wrote ${out} (${plural(runs, 'row')})\n`;
  return { stdout, stderr: `${lines.join('\n')}\n`, exitCode: 0 };
}
