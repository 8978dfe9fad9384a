// Never a half-written file: write beside the target, then rename over it. A failure at
// any point leaves the previous file as it was and removes the temporary one.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../config/errors.js';

export interface FileSystem {
  writeFileSync: (path: string, text: string, options: { flag: string }) => void;
  renameSync: (from: string, to: string) => void;
  rmSync: (path: string, options: { force: boolean }) => void;
}

export function writeFileAtomic(path: string, text: string, io: FileSystem = fs): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    io.writeFileSync(tmp, text, { flag: 'wx' });
    io.renameSync(tmp, path);
  } catch (error) {
    io.rmSync(tmp, { force: true });
    throw writeProblem(path, error);
  }
}

/** A file that cannot be written is the user's to fix (a missing folder, no permission): exit 2, not a stack trace. */
export function writeProblem(path: string, error: unknown): InputError {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : error instanceof Error ? error.message : String(error);
  const fix = code === 'ENOENT' ? `create the folder ${dirname(path)} first` : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'choose a place you can write to' : 'check the path';
  return new InputError([{ source: path, path: '', problem: `cannot write the file (${code})`, fix }]);
}
