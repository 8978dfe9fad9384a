// Bad input is data: each problem says where (file, line:col, key path), what was wrong and
// the fix. The CLI maps InputError to exit code 2 in one place.

export interface InputProblem {
  /** File the value came from, or a flag such as `--items`. */
  source: string;
  line?: number;
  column?: number;
  /** Dotted key path, e.g. `workload.itemRuntime`. */
  path: string;
  problem: string;
  fix: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];

  constructor(problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

export function formatProblem(p: InputProblem): string {
  const where = p.line !== undefined ? `${p.source}:${p.line}:${p.column ?? 1}` : p.source;
  const key = p.path ? ` ${p.path}:` : '';
  return `${where}:${key} ${p.problem}; ${p.fix}`;
}
