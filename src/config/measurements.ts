// Measurement logs, one line at a time: CSV or TSV with a header row, or JSON Lines. The CLI
// reads a file with readline and pushes each line, so memory does not grow with the file.
import { splitRecord } from './delimited.js';
import { FIELDS } from './fields.js';
import { isRecord } from '../core/isRecord.js';
import { LOG_COLUMNS, readRow, type Cell, type ColumnMapping, type LogColumn, type Measurement, type RowCells } from './measurementRow.js';


/** A record (a row with quoted line breaks) may span this many lines or characters at most. */
const MAX_RECORD_LINES = 1000;
const MAX_RECORD_CHARS = 1 << 20;
export { LOG_COLUMNS, type ColumnMapping, type LogColumn, type Measurement } from './measurementRow.js';

/** Item runtime: measured like a phase, but it belongs to the workload, not the profile. */
export const RUNTIME_PHASE = 'runtime';
/** Phases a profile file defines, in the field registry's order. */
export const PROFILE_PHASES: readonly string[] = FIELDS.filter((f) => f.section === 'phases').map((f) => f.key);
/** Phases that may take the form latency + bytes / bandwidth. */
export const TRANSFER_PHASES: readonly string[] = FIELDS.filter((f) => f.section === 'phases' && f.kind === 'transfer').map((f) => f.key);
/** Every phase name flyscale knows in a log. */
export const MEASURED_PHASES: readonly string[] = [...PROFILE_PHASES, RUNTIME_PHASE];

import { LOG_FORMATS, type LogFormat } from '../core/fit/logFormat.js';

export { LOG_FORMATS, type LogFormat };

export const DEFAULT_COLUMNS: ColumnMapping = { phase: 'phase', seconds: 'seconds', duration: 'duration', bytes: 'bytes', timestamp: 'timestamp' };

/** By extension (.csv, .tsv, .jsonl, .ndjson), else by the first line: `{` JSON, a tab TSV, else CSV. */
export function detectFormat(fileName: string, firstLine: string): LogFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.tsv') || lower.endsWith('.tab')) return 'tsv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  const text = firstLine.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) return 'jsonl';
  return text.includes('\t') ? 'tsv' : 'csv';
}

export interface LocatedError {
  file: string;
  /** 1-based; for an empty file, 1. */
  line: number;
  /** 1-based character column. */
  column: number;
  problem: string;
  fix: string;
}

export type LineOutcome =
  | { kind: 'record'; record: Measurement }
  /** A header, a blank line, or the first line of a record that continues (a quoted newline). */
  | { kind: 'none' }
  /** Stop: exit 2 with this error. */
  | { kind: 'error'; error: LocatedError }
  /** A bad row in skipBadRows mode: counted in badRows; the caller may show it and go on. */
  | { kind: 'skipped'; error: LocatedError };

export interface LogParserOptions {
  /** File column (or JSON key) for each logical column; unmapped ones keep their own name. */
  columns?: Partial<ColumnMapping>;
  /** Accepted phase names; null or absent accepts any name (custom phases). */
  phases?: readonly string[] | null;
  /** Count bad rows instead of stopping at the first. Header and empty-file errors still stop. */
  skipBadRows?: boolean;
}

export interface LogParser {
  pushLine(line: string, lineNumber: number): LineOutcome;
  /** After the last line: an error when the file held no observation or ended inside quotes. */
  finish(): LocatedError | null;
  readonly records: number;
  readonly badRows: number;
}

type HeaderIndex = Record<LogColumn, number>;

const JSON_EXAMPLE = '{"phase": "upload", "seconds": 0.12, "bytes": 1000000}';
const QUOTE_FIX = 'quote the whole field and double any quote inside it: "say ""hi"""';

export function createLogParser(file: string, format: LogFormat, options: LogParserOptions = {}): LogParser {
  const names: ColumnMapping = { ...DEFAULT_COLUMNS, ...options.columns };
  const phases = options.phases ?? null;
  const skip = options.skipBadRows ?? false;
  const delimiter = format === 'tsv' ? '\t' : ',';
  const sep = format === 'tsv' ? 'tab' : 'comma';
  let header: HeaderIndex | null = null;
  let headerWidth = 0;
  let pending: { text: string; line: number; column: number } | null = null;
  let sawLine = false;
  let records = 0;
  let badRows = 0;

  const located = (line: number, column: number, problem: string, fix: string): LocatedError => ({ file, line, column, problem, fix });
  const fatal = (error: LocatedError): LineOutcome => ({ kind: 'error', error });
  const bad = (error: LocatedError): LineOutcome => {
    if (!skip) return { kind: 'error', error };
    badRows++;
    return { kind: 'skipped', error };
  };
  const finishRow = (cells: RowCells, line: number): LineOutcome => {
    const row = readRow(cells, names, phases);
    if (!row.ok) return bad(located(line, row.column, row.problem, row.fix));
    records++;
    return { kind: 'record', record: row.record };
  };

  function readHeader(fields: readonly string[], line: number): LineOutcome {
    const trimmed = fields.map((f) => f.trim());
    const listed = trimmed.join(', ');
    const index: HeaderIndex = { phase: -1, seconds: -1, duration: -1, bytes: -1, timestamp: -1 };
    for (const column of LOG_COLUMNS) {
      index[column] = trimmed.indexOf(names[column]);
      if (index[column] < 0 && options.columns?.[column] !== undefined) {
        return fatal(located(line, 1, `the header has no column "${names[column]}", mapped to ${column}`, `map to one of: ${listed}`));
      }
    }
    if (index.phase < 0) {
      const problem = `the header has no "${names.phase}" column (columns: ${listed})`;
      return fatal(located(line, 1, problem, `name a column ${names.phase}, or map one to phase (e.g. { phase: 'step' })`));
    }
    if (index.seconds < 0 && index.duration < 0) {
      const problem = `the header has neither a "${names.seconds}" nor a "${names.duration}" column (columns: ${listed})`;
      return fatal(located(line, 1, problem, `add one, or map a column to seconds (e.g. { seconds: 'elapsed' })`));
    }
    header = index;
    headerWidth = fields.length;
    return { kind: 'none' };
  }

  function readDelimited(text: string, line: number): LineOutcome {
    const split = splitRecord(text, delimiter);
    if (split.kind === 'open') {
      pending = { text, line, column: split.column };
      return { kind: 'none' };
    }
    if (split.kind === 'bad') {
      const error = located(line, split.column, split.problem, QUOTE_FIX);
      return header === null ? fatal(error) : bad(error);
    }
    if (header === null) return readHeader(split.fields, line);
    const index: HeaderIndex = header;
    if (split.fields.length !== headerWidth) {
      // Past the end when a field is missing; at the first extra field otherwise.
      const column = split.fields.length < headerWidth ? text.length + 1 : (split.columns[headerWidth] ?? 1);
      const problem = `the row has ${split.fields.length} fields; the header has ${headerWidth}`;
      return bad(located(line, column, problem, `check for a missing ${sep}, or quote a field that contains a ${sep}`));
    }
    const cell = (i: number): Cell | undefined => (i < 0 ? undefined : { raw: split.fields[i], column: split.columns[i] ?? 1 });
    const cells: RowCells = {
      phase: cell(index.phase),
      seconds: cell(index.seconds),
      duration: cell(index.duration),
      bytes: cell(index.bytes),
      timestamp: cell(index.timestamp),
    };
    return finishRow(cells, line);
  }

  function readJson(text: string, line: number): LineOutcome {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const position = /position (\d+)/.exec(message);
      const column = position?.[1] !== undefined ? Number(position[1]) + 1 : 1;
      return bad(located(line, column, `not valid JSON: ${message}`, `write one JSON object per line: ${JSON_EXAMPLE}`));
    }
    if (!isRecord(value)) return bad(located(line, 1, 'a JSON Lines row must be an object', `write one JSON object per line: ${JSON_EXAMPLE}`));
    const cell = (column: LogColumn): Cell | undefined => {
      const key = names[column];
      if (!Object.hasOwn(value, key)) return undefined;
      const at = valueColumn(text, key);
      // JSON.parse reads 1e400 as Infinity: keep the number as written, for the message.
      const raw = value[key];
      const written = typeof raw === 'number' && !Number.isFinite(raw) ? /^[-+\d.eE]+/.exec(text.slice(at - 1))?.[0] : undefined;
      return { raw: written ?? raw, column: at };
    };
    const cells: RowCells = {
      phase: cell('phase'),
      seconds: cell('seconds'),
      duration: cell('duration'),
      bytes: cell('bytes'),
      timestamp: cell('timestamp'),
    };
    return finishRow(cells, line);
  }

  return {
    pushLine(raw: string, lineNumber: number): LineOutcome {
      let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!sawLine && (line.startsWith('\uFFFD\uFFFD') || line.includes('\u0000'))) {
        return fatal(located(1, 1, 'the file is not UTF-8 text (it looks like UTF-16, as Excel\'s "Unicode Text" saves it)', 'save it as CSV UTF-8 and fit that'));
      }
      if (!sawLine) line = line.replace(/^\uFEFF/, '');
      sawLine = true;
      if (pending !== null) {
        const { text, line: start, column } = pending;
        pending = null;
        // A quoted field may span lines, but not without end: past the cap it is a stray quote,
        // and re-reading an ever longer record would take time and memory that grow with the file.
        if (lineNumber - start >= MAX_RECORD_LINES || text.length + line.length > MAX_RECORD_CHARS) {
          return fatal(located(start, column, `a quoted field runs past ${MAX_RECORD_LINES} lines without closing`, 'close the quote; a quote inside a quoted field is written ""'));
        }
        return readDelimited(`${text}\n${line}`, start);
      }
      if (line.trim() === '') return { kind: 'none' };
      return format === 'jsonl' ? readJson(line, lineNumber) : readDelimited(line, lineNumber);
    },
    finish(): LocatedError | null {
      const open: { line: number; column: number } | null = pending;
      if (open !== null) {
        return located(open.line, open.column, 'a quoted field is never closed', 'close the quote; a quote inside a quoted field is written ""');
      }
      if (records > 0) return null;
      if (badRows > 0) return located(1, 1, `every row was bad (${badRows} skipped); nothing to fit`, 'fix the rows reported above');
      if (format !== 'jsonl' && header !== null) {
        return located(1, 1, 'the file has a header but no observations', 'add one row per observation under the header');
      }
      const fix =
        format === 'jsonl' ? `write one JSON object per line: ${JSON_EXAMPLE}` : 'write a header row (phase,seconds,bytes) and one row per observation';
      return located(1, 1, 'the file is empty', fix);
    },
    get records(): number {
      return records;
    },
    get badRows(): number {
      return badRows;
    },
  };
}

/** 1-based column of the value of `"key":` in a JSON line (1 when not found as written). */
function valueColumn(text: string, key: string): number {
  const quoted = JSON.stringify(key);
  const at = text.indexOf(quoted);
  if (at < 0) return 1;
  const gap = /^\s*:\s*/.exec(text.slice(at + quoted.length));
  return at + quoted.length + (gap?.[0].length ?? 0) + 1;
}
