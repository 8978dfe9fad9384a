// Spawn the built binary (npm run build first): the end-to-end tests of profile and measure.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/flyscale.cjs');
/** 2025-06-01T00:00:00Z: every fit in these tests writes this date. */
export const EPOCH = '1748736000';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function flyscale(args: readonly string[], options: { cwd?: string; input?: string } = {}): Ran {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, NO_COLOR: '1', COLUMNS: '' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'flyscale-profile-'));

export function writeTemp(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A Node stack frame, as an uncaught error would print it. */
export const STACK_FRAME = /\n\s+at .+\(?.*:\d+:\d+\)?/;
