// --out is written atomically: an interrupted write leaves the previous report as it was
// and no temporary file behind. A real directory, with the failure injected into the write.
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { writeFileAtomic, type FileSystem } from '../../src/cli/atomicWrite.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'flyscale-atomic-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const PREVIOUS = '{"previous": true}\n';
const NEXT = `{"next": "${'x'.repeat(10_000)}"}\n`;

describe('writeFileAtomic', () => {
  test('writes the new text and leaves only the target', () => {
    const target = join(dir, 'report.json');
    writeFileSync(target, PREVIOUS);
    writeFileAtomic(target, NEXT);
    expect(readFileSync(target, 'utf8')).toBe(NEXT);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  test('creates the target when there was none', () => {
    const target = join(dir, 'new.json');
    writeFileAtomic(target, NEXT);
    expect(readFileSync(target, 'utf8')).toBe(NEXT);
  });

  test('a write that stops half way and throws: previous report intact, no temporary file', () => {
    const target = join(dir, 'report.json');
    writeFileSync(target, PREVIOUS);
    const writes: string[] = [];
    const io: FileSystem = {
      // Write the first half for real, then fail as a full disk would.
      writeFileSync: (path, text, options) => {
        writes.push(path);
        fs.writeFileSync(path, text.slice(0, text.length / 2), options);
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
      renameSync: fs.renameSync,
      rmSync: fs.rmSync,
    };
    expect(() => writeFileAtomic(target, NEXT, io)).toThrow(/ENOSPC/);
    expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual(['report.json']);
    // It wrote beside the target (same directory, so the rename cannot cross devices), never to it.
    expect(writes).toHaveLength(1);
    expect(writes[0]).not.toBe(target);
    expect(writes[0]?.startsWith(dir)).toBe(true);
  });

  test('a rename that fails: previous report intact, the written temporary file removed', () => {
    const target = join(dir, 'report.json');
    writeFileSync(target, PREVIOUS);
    const io: FileSystem = {
      writeFileSync: fs.writeFileSync,
      renameSync: () => {
        throw new Error('EXDEV: cross-device link not permitted');
      },
      rmSync: fs.rmSync,
    };
    expect(() => writeFileAtomic(target, NEXT, io)).toThrow(/EXDEV/);
    expect(readFileSync(target, 'utf8')).toBe(PREVIOUS);
    expect(readdirSync(dir)).toEqual(['report.json']);
  });
});
