// Never a half-written file: write beside the target, then rename over it. A failure at
// any point leaves the previous file as it was and removes the temporary one.
import * as fs from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
    throw error;
  }
}
