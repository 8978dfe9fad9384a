// Spawn the built binary (run `npm run build` first; `npm test` does) with a clean,
// colourless environment, and make scratch directories with scenario and budget files.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(ROOT, 'bin', 'flyscale.cjs');

/** The test's environment without anything that changes output (colour, CI), plus NO_COLOR. */
function environment(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['FORCE_COLOR', 'GITHUB_STEP_SUMMARY', 'GITHUB_ACTIONS', 'CI', 'COLUMNS'].includes(k)) env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function flyscale(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: run npm run build');
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: environment(options.env), encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** JSON from stdout; fails loudly with stderr when the run did not produce any. */
export function json<T = Record<string, unknown>>(run: Run): T {
  try {
    return JSON.parse(run.stdout) as T;
  } catch {
    throw new Error(`expected JSON on stdout (exit ${run.code}); stderr:\n${run.stderr}\nstdout:\n${run.stdout.slice(0, 500)}`);
  }
}

/** A scratch directory holding the given files; `cleanup` removes it. */
export function scratch(files: Record<string, string> = {}): { dir: string; path: (name: string) => string; write: (name: string, text: string) => void; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'flyscale-e2e-'));
  const write = (name: string, text: string): void => writeFileSync(join(dir, name), text);
  for (const [name, text] of Object.entries(files)) write(name, text);
  return { dir, path: (name) => join(dir, name), write, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A scenario where every phase takes 0 s and the enqueue rate never binds, on a warm fixed
 * pool of `replicas` × `concurrency` slots with a fixed item runtime: the makespan is exactly
 * waves × slot time (MODEL §5).
 */
export function fixedScenario(o: { items: number; itemRuntime: string; replicas: number | string; concurrency: number; batchSize?: number; name?: string; extra?: string }): string {
  return [
    `name: ${o.name ?? 'fixed-pool'}`,
    'profile: default',
    'phases:',
    '  upload: 0s',
    '  download: 0s',
    '  enqueue: 0s',
    '  create: 0s',
    '  dispatch: 0s',
    'limits:',
    '  enqueueRate: 1000000/s',
    'workload:',
    `  items: ${o.items}`,
    `  itemRuntime: ${o.itemRuntime}`,
    `  batchSize: ${o.batchSize ?? 1}`,
    'environment:',
    `  replicas: ${o.replicas}`,
    `  concurrency: ${o.concurrency}`,
    '  parentStart: 0s',
    ...(o.extra ? [o.extra] : []),
    '',
  ].join('\n');
}

/** As flyscale(), without blocking, so several runs can overlap. */
export function flyscaleAsync(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: environment(options.env) });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}
