// Run the built binary (bin/flyscale.cjs → dist/) as a user would: the one spawn helper of
// the end-to-end tests. `npm test` builds first; in a worktree run `npm run build` before
// `npx vitest run`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/flyscale.cjs', import.meta.url));

if (!existsSync(fileURLToPath(new URL('../../dist/bundle/flyscale.cjs', import.meta.url)))) {
  throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you)');
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface SpawnOptions {
  cwd?: string;
  /** Added to the cleaned environment. */
  env?: Record<string, string>;
  /** Standard input; empty when not given, so nothing waits on a terminal. */
  input?: string;
}

/** The test's environment without anything that changes output (colour, CI), plus NO_COLOR. */
function environment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['FORCE_COLOR', 'GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS', 'CI', 'COLUMNS'].includes(k)) env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export function flyscale(args: readonly string[], options: SpawnOptions = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: environment(options.env), input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As flyscale(), without blocking, so several runs can overlap. */
export function flyscaleAsync(args: readonly string[], options: Omit<SpawnOptions, 'input'> = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: environment(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Lines of a Node stack trace ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at\s/m;
