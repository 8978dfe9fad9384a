// The files of a Flyte run as named on the command line: files, or folders of .json / .jsonl
// files (sorted by name); each read whole and hashed (SHA-256 of its bytes).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../config/errors.js';
import type { RunText } from '../config/flyteRun/readRun.js';

export interface RunFile extends RunText {
  sha256: string;
}

const RECORD_FILE = /\.(json|jsonl|ndjson)$/i;

function readOne(label: string, path: string): RunFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : 'unreadable';
    throw new InputError([{ source: label, path: '', problem: code === 'ENOENT' ? 'file or folder not found' : `cannot read it (${code})`, fix: 'check the path' }]);
  }
  return { file: label, text: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function readRunFiles(names: readonly string[], cwd: string): RunFile[] {
  const out: RunFile[] = [];
  for (const name of names) {
    const path = resolve(cwd, name);
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // readOne reports it.
    }
    if (!folder) {
      out.push(readOne(name, path));
      continue;
    }
    const inside = readdirSync(path).filter((f) => RECORD_FILE.test(f)).sort();
    if (inside.length === 0) throw new InputError([{ source: name, path: '', problem: 'the folder has no .json or .jsonl files', fix: 'name the files, or export the run into this folder (docs/importing.md)' }]);
    for (const f of inside) out.push(readOne(join(name, f), join(path, f)));
  }
  return out;
}
