// Run the built binary (bin/flyscale.cjs → dist/) as a user would. `npm test` builds first;
// in a worktree run `npm run build` before `npx vitest run`.
import { spawnSync } from 'node:child_process';
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

/** Spawn the CLI with colour off and no FORCE_COLOR leaking in from the test runner. */
export function flyscale(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'FORCE_COLOR' && k !== 'COLUMNS') env[k] = v; // COLUMNS sets the width
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...env, NO_COLOR: '1', ...options.env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Lines of a Node stack trace ("    at fn (file:1:2)"). */
export const STACK_LINE = /^\s+at\s/m;
