// The end-to-end tests of profile and measure: the one spawn helper (test/helpers/cli.ts)
// with a fixed SOURCE_DATE_EPOCH, so every fit writes the same date.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flyscale as spawnCli } from '../helpers/cli.js';

export { ROOT } from '../helpers/cli.js';
/** 2025-06-01T00:00:00Z: every fit in these tests writes this date. */
export const EPOCH = '1748736000';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function flyscale(args: readonly string[], options: { cwd?: string; input?: string } = {}): Ran {
  const r = spawnCli(args, { ...options, env: { SOURCE_DATE_EPOCH: EPOCH } });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'flyscale-profile-'));

export function writeTemp(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A Node stack frame, as an uncaught error would print it. */
export const STACK_FRAME = /\n\s+at .+\(?.*:\d+:\d+\)?/;
