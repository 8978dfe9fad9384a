// Scratch directories with scenario and budget files, and JSON read from a run; the
// spawning itself is test/helpers/cli.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Run } from '../helpers/cli.js';

export { BIN, flyscale, flyscaleAsync, ROOT, type Run } from '../helpers/cli.js';

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
