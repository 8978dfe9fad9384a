// flyscale measure: time a command N times after K warm-ups and write the runtimes as a
// measurement log (phase,seconds), which `profile fit` reads and `--item-runtime` accepts.
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { InputError } from '../../config/errors.js';
import { MEASURED_PHASES, RUNTIME_PHASE } from '../../config/measurements.js';
import { measureSummary, measurementCsv, shellQuoted } from '../../render/measureText.js';
import { plural } from '../../core/units.js';
import { writeFileAtomic } from '../atomicWrite.js';
import { refuseOverwrite, wholeNumber } from '../flags.js';
import type { MeasureOptions } from '../options.js';
import type { CommandResult, Terminal } from '../result.js';
import { timeRuns } from '../timedRuns.js';

export async function runMeasure(argv: readonly string[], options: MeasureOptions, term: Terminal, childOutput: Writable): Promise<CommandResult> {
  const runs = wholeNumber(options.runs, '--runs', { min: 1, example: '3' });
  const warmup = wholeNumber(options.warmup ?? '0', '--warmup', { min: 0, example: '3' });
  const phase = options.phase ?? RUNTIME_PHASE;
  if (!MEASURED_PHASES.includes(phase)) throw new InputError([{ source: '--phase', path: '', problem: `"${phase}" is not a phase profile fit reads`, fix: `use one of ${MEASURED_PHASES.join(', ')}` }]);
  const out = options.out ?? null;
  const target = out === null ? null : resolve(term.cwd, out);
  if (out !== null && target !== null) refuseOverwrite(target, out, options.force);
  const [command, ...args] = argv;
  if (command === undefined) throw new InputError([{ source: 'measure', path: '', problem: 'no command to time', fix: 'put it after --: flyscale measure --runs 5 -- python item.py' }]);
  const shown = shellQuoted(argv);
  const timed = await timeRuns(command, args, { runs, warmup, output: options.quiet === true ? 'ignore' : childOutput, cwd: term.cwd, allowFailure: options.allowFailure === true });
  if (!timed.ok) return { stdout: '', stderr: `flyscale measure: \`${shown}\` ${timed.how} on ${timed.label}; nothing written (--allow-failure keeps timing)\n`, verdict: 'fail' };
  const csv = measurementCsv(phase, timed.seconds);
  if (target !== null) writeFileAtomic(target, csv);
  const stderr = measureSummary({ shown, runs, warmup, seconds: timed.seconds, failures: timed.failures, out });
  return { stdout: target === null ? csv : `wrote ${out} (${plural(runs, 'row')})\n`, stderr, verdict: 'pass' };
}
