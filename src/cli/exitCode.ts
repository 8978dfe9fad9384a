// The exit code, in one small pure module: every command result carries its verdict, every
// failure is an error; this maps both. 0 pass, 1 a check failed, 2 bad usage or input, 70 a bug.
import { CommanderError } from 'commander';
import { InputError } from '../config/errors.js';
import type { Severity } from '../core/findings.js';

export const VERDICTS = ['pass', 'fail'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const EXIT_CODES = { pass: 0, fail: 1, badInput: 2, internal: 70 } as const;
export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

/** fail when any finding is an error (a check failed), else pass. */
export function verdictOf(findings: readonly { severity: Severity }[]): Verdict {
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}

export const verdictIf = (passed: boolean): Verdict => (passed ? 'pass' : 'fail');

export function exitCodeOf(verdict: Verdict): ExitCode {
  return EXIT_CODES[verdict];
}

/** Bad input and bad usage are the user's to fix (2); --help and --version are not errors (0); anything else is a bug (70). */
export function exitCodeOfError(error: unknown): ExitCode {
  if (error instanceof InputError) return EXIT_CODES.badInput;
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.pass : EXIT_CODES.badInput;
  return EXIT_CODES.internal;
}

/** The exit code of a command that judges findings: 1 when any is an error. */
export const exitCodeFor = (findings: readonly { severity: Severity }[]): ExitCode => exitCodeOf(verdictOf(findings));
