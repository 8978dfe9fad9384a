// The only place that touches the terminal and the exit code. Commands (commands.ts) are
// loaded lazily, so `plan` does not pay for the simulator, and return { stdout, stderr,
// verdict }; exitCode.ts turns verdicts and errors into exit codes.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { InputError, formatProblem } from '../config/errors.js';
import { exitCodeOf, exitCodeOfError, type ExitCode } from './exitCode.js';
import { buildProgram } from './program.js';
import { outputWidth } from './outputWidth.js';
import { progressBar } from './progressBar.js';
import type { Terminal } from './result.js';

type Fd = 1 | 2;

/** process.stdout or process.stderr, created on first use; a reader that goes away early is not a failure of ours. */
const streams = new Map<Fd, NodeJS.WriteStream>();
function stream(fd: Fd): NodeJS.WriteStream {
  let s = streams.get(fd);
  if (s === undefined) {
    s = fd === 1 ? process.stdout : process.stderr;
    // `flyscale schema | head`: stop writing and keep the command's exit code, instead of dying on an unhandled EPIPE.
    s.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    streams.set(fd, s);
  }
  return s;
}

/** A character device that is not the null device (`> /dev/null` in a script). */
function maybeTerminal(fd: Fd): boolean {
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== statSync('/dev/null').rdev;
  } catch {
    return true; // cannot tell here: the stream can
  }
}

/**
 * Whether fd is a terminal. A file, a pipe or the null device is told by fstat alone: the
 * stream, and node:tty and node:net behind it, load only for a terminal, which needs them.
 */
const terminals = new Map<Fd, boolean>();
function isTerminal(fd: Fd): boolean {
  let known = terminals.get(fd);
  if (known === undefined) terminals.set(fd, (known = maybeTerminal(fd) && stream(fd).isTTY === true));
  return known;
}

/**
 * Writes text to fd: through the stream on a terminal, else with fs.writeSync (a pipe that
 * does not take it all at once, EAGAIN, hands the rest to the stream, which waits for room).
 */
function writer(fd: Fd): (text: string) => void {
  let closed = false; // the reader went away (EPIPE): stop writing, keep the exit code
  let viaStream = false;
  return (text) => {
    if (closed || text === '') return;
    if (viaStream || isTerminal(fd)) {
      stream(fd).write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let at = 0;
    try {
      while (at < bytes.length) at += writeSync(fd, bytes, at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') closed = true;
      else if (code === 'EAGAIN') {
        viaStream = true;
        stream(fd).write(bytes.subarray(at));
      } else throw error;
    }
  };
}

const writeOut = writer(1);
const writeErr = writer(2);

/** Colour for one stream, decided once here: FORCE_COLOR wins, else a terminal without NO_COLOR or TERM=dumb. */
function colorFor(fd: Fd, env: NodeJS.ProcessEnv): boolean {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0';
  return forced || (env.NO_COLOR === undefined && env.TERM !== 'dumb' && isTerminal(fd));
}

function terminal(): Terminal {
  const env = process.env;
  const interactive = isTerminal(2);
  const progress = interactive ? progressBar({ write: writeErr, now: Date.now, width: outputWidth(env.COLUMNS, process.stderr.columns || 80) }) : () => {};
  return {
    color: colorFor(1, env),
    stderrColor: colorFor(2, env),
    width: outputWidth(env.COLUMNS, isTerminal(1) ? process.stdout.columns : undefined),
    cwd: process.cwd(),
    env,
    interactive,
    progress,
    stdin: () => process.stdin,
  };
}

/** Say what went wrong (commander has already printed its own usage errors) and return the exit code. */
function report(error: unknown): ExitCode {
  const code = exitCodeOfError(error);
  if (error instanceof InputError) writeErr(`flyscale: bad input\n${error.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}\n`);
  else if (code === 70) writeErr(`flyscale: internal error (a bug; please report it)\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return code;
}

/**
 * Runs the command line; resolves to true when every byte of output is out (nothing waits on a
 * stream), so bin/flyscale.cjs may end the process at once instead of tearing the heap down.
 */
export async function main(argv: readonly string[]): Promise<boolean> {
  let pending: Promise<void> | undefined;
  const program = buildProgram(argv, { writeOut, writeErr }, (action) => {
    pending = action(terminal(), { get stderr() { return stream(2); } }).then((result) => {
      if (result.stderr) writeErr(result.stderr);
      writeOut(result.stdout);
      process.exitCode = exitCodeOf(result.verdict);
    });
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    await pending;
  } catch (error) {
    process.exitCode = report(error);
  }
  return [...streams.values()].every((s) => s.writableLength === 0);
}
