// The only place that touches the terminal and the exit code. Commands (commands.ts) are
// loaded lazily, so `plan` does not pay for the simulator, and return { stdout, stderr,
// verdict }; exitCode.ts turns verdicts and errors into exit codes.
import { InputError, formatProblem } from '../config/errors.js';
import { exitCodeOf, exitCodeOfError, type ExitCode } from './exitCode.js';
import { buildProgram } from './program.js';
import { outputWidth } from './outputWidth.js';
import { progressBar } from './progressBar.js';
import type { Terminal } from './result.js';

/** Colour for one stream, decided once here: FORCE_COLOR wins, else a terminal without NO_COLOR or TERM=dumb. */
function colorFor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv): boolean {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return forced || (isTTY === true && env.NO_COLOR === undefined && env.TERM !== 'dumb');
}

function terminal(): Terminal {
  const env = process.env;
  const color = colorFor(process.stdout.isTTY, env);
  const interactive = process.stderr.isTTY === true;
  const progress = interactive ? progressBar({ write: (text) => process.stderr.write(text), now: Date.now, width: outputWidth(env.COLUMNS, process.stderr.columns || 80) }) : () => {};
  return { color, stderrColor: colorFor(process.stderr.isTTY, env), width: outputWidth(env.COLUMNS, process.stdout.columns), cwd: process.cwd(), env, interactive, progress, stdin: () => process.stdin };
}

/** Say what went wrong (commander has already printed its own usage errors) and return the exit code. */
function report(error: unknown): ExitCode {
  const code = exitCodeOfError(error);
  if (error instanceof InputError) process.stderr.write(`flyscale: bad input\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
  else if (code === 70) process.stderr.write(`flyscale: internal error (a bug; please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return code;
}

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that goes away early (`flyscale schema | head`) is not a failure of ours: stop
  // writing and keep the command's exit code, instead of dying on an unhandled EPIPE.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  let pending: Promise<void> | undefined;
  const program = buildProgram(argv, (action) => {
    pending = action(terminal(), { stderr: process.stderr }).then((result) => {
      if (result.stderr) process.stderr.write(result.stderr);
      process.stdout.write(result.stdout);
      process.exitCode = exitCodeOf(result.verdict);
    });
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await pending;
  } catch (error) {
    process.exitCode = report(error);
  }
}
