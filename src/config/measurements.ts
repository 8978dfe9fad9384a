// Measurement logs, one line at a time: CSV or TSV with a header row, or JSON Lines. The CLI
// reads a file with readline and pushes each line, so memory does not grow with the file.
// The parser itself is logParser.ts, its steps logCells.ts; this module holds the vocabulary.
import { FIELDS } from './fields.js';
import type { ColumnMapping, Measurement } from './measurementRow.js';

export { DEFAULT_COLUMNS, LOG_COLUMNS, type ColumnMapping, type LogColumn, type Measurement } from './measurementRow.js';
export { createLogParser } from './logParser.js';

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

