// What every command returns; only main.ts turns it into output and an exit code.

/** 0: ran, every check passed; 1: ran, a check failed; 2: bad usage or input (MODEL §7). */
export type ExitCode = 0 | 1 | 2;

export interface CommandResult {
  stdout: string;
  /** Notes for a person (progress, warnings); never part of a JSON report. */
  stderr?: string;
  exitCode: ExitCode;
}

export const FORMATS = ['table', 'json', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface Terminal {
  color: boolean;
  width: number;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal: progress bars may be drawn there. */
  interactive: boolean;
  /** Report progress of long work; main.ts draws it on stderr only when that is a terminal. */
  progress: (label: string, done: number, total: number) => void;
}
