// Stream measurement logs line by line (node:readline) into one MeasurementSet, hashing each
// file's bytes on the way, so memory holds the samples and never the file.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError, type InputProblem } from '../config/errors.js';
import { isRecord } from '../core/isRecord.js';
import { createLogParser, detectFormat, type ColumnMapping, type LocatedError, type LogFormat, type LogParser } from '../config/measurements.js';
import { MeasurementSet } from '../core/fit/samples.js';
import type { ProfileSource } from '../render/profileYaml.js';

/** `-` names standard input; errors call it this. */
export const STDIN_LABEL = 'stdin';

export interface ReadLogOptions {
  /** null: by extension, else by the first line (detectFormat). */
  format: LogFormat | null;
  columns: Partial<ColumnMapping>;
  skipBadRows: boolean;
  /** Accepted phase names. */
  phases: readonly string[];
}

export interface ReadSource extends ProfileSource {
  format: LogFormat;
  /** Skipped bad rows, every one (their count is badRows). */
  skipped: LocatedError[];
}

/** Bad rows kept for the report; the count goes on past this. */
const MAX_KEPT = 100;

export const locatedProblem = (e: LocatedError): InputProblem => ({ source: e.file, line: e.line, column: e.column, path: '', problem: e.problem, fix: e.fix });

export async function readLogs(files: readonly string[], options: ReadLogOptions, cwd: string, stdin: () => Readable): Promise<{ set: MeasurementSet; sources: ReadSource[] }> {
  const set = new MeasurementSet();
  const sources: ReadSource[] = [];
  for (const file of files) {
    const label = file === '-' ? STDIN_LABEL : file;
    const input = file === '-' ? stdin() : createReadStream(resolve(cwd, file));
    sources.push(await readOne(label, input, set, options));
  }
  return { set, sources };
}

async function readOne(label: string, input: Readable, set: MeasurementSet, options: ReadLogOptions): Promise<ReadSource> {
  const hash = createHash('sha256');
  input.on('data', (chunk: Buffer | string) => hash.update(chunk));
  const lines = createInterface({ input, crlfDelay: Infinity });
  const skipped: LocatedError[] = [];
  let parser: LogParser | null = null;
  let format: LogFormat | null = options.format;
  let lineNumber = 0;
  let failure: LocatedError | null = null;
  const parserFor = (firstLine: string): LogParser => {
    format ??= detectFormat(label, firstLine);
    return createLogParser(label, format, { columns: options.columns, phases: options.phases, skipBadRows: options.skipBadRows });
  };
  try {
    await new Promise<void>((done, fail) => {
      // readline re-emits its input's errors; either one ends the read.
      input.once('error', fail);
      lines.once('error', fail);
      lines.once('close', done);
      lines.on('line', (line) => {
        if (failure !== null) return;
        lineNumber++;
        parser ??= parserFor(line);
        const outcome = parser.pushLine(line, lineNumber);
        if (outcome.kind === 'record') set.push(outcome.record.phase, outcome.record.seconds, outcome.record.bytes);
        else if (outcome.kind === 'skipped' && skipped.length < MAX_KEPT) skipped.push(outcome.error);
        else if (outcome.kind === 'error') {
          failure = outcome.error;
          lines.close();
          input.destroy();
        }
      });
    });
  } catch (error) {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'unreadable';
    const problem = code === 'ENOENT' ? 'measurement log not found' : `cannot read the measurement log (${code})`;
    throw new InputError([{ source: label, path: '', problem, fix: 'check the path, or pass - to read standard input' }]);
  }
  if (failure !== null) throw new InputError([locatedProblem(failure)]);
  const finished = parser ?? parserFor('');
  const end = finished.finish();
  if (end !== null) throw new InputError([locatedProblem(end)]);
  return { file: label, sha256: hash.digest('hex'), rows: finished.records, badRows: finished.badRows, format: format ?? 'csv', skipped };
}
