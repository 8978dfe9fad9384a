// The exit code as one small pure function of what a command found.
import type { Finding } from '../core/findings.js';
import type { ExitCode } from './result.js';

/** 1 when any finding is an error (a check failed), else 0. Bad input never gets here: it is 2. */
export function exitCodeFor(findings: readonly Pick<Finding, 'severity'>[]): ExitCode {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
