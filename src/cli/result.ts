// What every command returns; only main.ts turns it into output, and exitCode.ts into an exit code.
import type { Readable } from 'node:stream';
import type { Verdict } from './exitCode.js';

export interface CommandResult {
  stdout: string;
  /** Notes for a person (progress, warnings); never part of a JSON report. */
  stderr?: string;
  /** pass: ran and every check held; fail: ran and a check failed (exit 1). */
  verdict: Verdict;
}

export interface Terminal {
  /** Colour on stdout, decided once in main.ts (NO_COLOR, FORCE_COLOR, a terminal). */
  color: boolean;
  /** Colour on stderr, by the same rule for that stream. */
  stderrColor: boolean;
  width: number;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal: progress bars may be drawn there. */
  interactive: boolean;
  /** Report progress of long work; main.ts draws it on stderr only when that is a terminal. */
  progress: (label: string, done: number, total: number) => void;
  /** Standard input, for a `-` file argument (read whole by stdin.ts, streamed by readLogs.ts); absent where there is none to read. */
  stdin?: () => Readable;
}
