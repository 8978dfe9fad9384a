// One observation of a measurement log, from its cells, whatever the file format.
import { parseDuration } from '../core/units.js';
import { closest } from './suggest.js';
import { MAX_DURATION_SECONDS } from './bounds.js';

/** The logical columns of a log; a mapping gives the name each has in a file. */
export const LOG_COLUMNS = ['phase', 'seconds', 'duration', 'bytes', 'timestamp'] as const;
export type LogColumn = (typeof LOG_COLUMNS)[number];
export type ColumnMapping = Record<LogColumn, string>;

export interface Measurement {
  phase: string;
  seconds: number;
  /** Bytes moved, for transfers; null when the row gives none. */
  bytes: number | null;
  /** As written in the log; flyscale keeps it for provenance only. */
  timestamp: string | null;
}

/** A cell's value (a string from CSV/TSV, any JSON value from JSON Lines) and its 1-based column. */
export interface Cell {
  raw: unknown;
  column: number;
}

export const DEFAULT_COLUMNS: ColumnMapping = { phase: 'phase', seconds: 'seconds', duration: 'duration', bytes: 'bytes', timestamp: 'timestamp' };

export type RowCells = Record<LogColumn, Cell | undefined>;

export type RowResult = { ok: true; record: Measurement } | { ok: false; column: number; problem: string; fix: string };

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const isBlank = (cell: Cell | undefined): boolean =>
  cell === undefined || cell.raw === null || cell.raw === undefined || (typeof cell.raw === 'string' && cell.raw.trim() === '');

function toNumber(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  if (!NUMBER_RE.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null; // 1e400 is not a number of seconds
}

/** A number too large for a double (1e400): written as a number, read as Infinity. */
const tooLarge = (raw: unknown): boolean => typeof raw === 'string' && NUMBER_RE.test(raw.trim());

const show = (raw: unknown): string => (typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw));

export function readRow(cells: RowCells, names: ColumnMapping, phases: readonly string[] | null): RowResult {
  const phaseCell = cells.phase;
  if (phaseCell === undefined || isBlank(phaseCell)) {
    return {
      ok: false,
      column: phaseCell?.column ?? 1,
      problem: `${names.phase} is empty`,
      fix: 'name the phase of every row: upload, download, enqueue, create, runtime, ...',
    };
  }
  const phase = String(phaseCell.raw).trim();
  if (phases !== null && !phases.includes(phase)) {
    const near = closest(phase, phases);
    return {
      ok: false,
      column: phaseCell.column,
      problem: `${names.phase} ${show(phase)} is not a known phase`,
      fix: `${near === undefined ? '' : `did you mean "${near}"? `}known phases: ${phases.join(', ')}`,
    };
  }

  let seconds: number;
  const secondsCell = cells.seconds;
  const durationCell = cells.duration;
  if (secondsCell !== undefined && !isBlank(secondsCell)) {
    const value = toNumber(secondsCell.raw);
    if (value === null) {
      return {
        ok: false,
        column: secondsCell.column,
        problem: `${names.seconds} ${show(secondsCell.raw)} is not ${tooLarge(secondsCell.raw) ? 'a finite number' : 'a number'}`,
        fix: `write plain seconds (0.12), or put durations with a unit (120ms) in a ${names.duration} column`,
      };
    }
    seconds = value;
  } else if (durationCell !== undefined && !isBlank(durationCell)) {
    const parsed = parseDuration(typeof durationCell.raw === 'string' ? durationCell.raw.trim() : durationCell.raw);
    if (!parsed.ok) return { ok: false, column: durationCell.column, problem: `${names.duration} ${parsed.problem}`, fix: parsed.fix };
    seconds = parsed.value;
  } else {
    const column = (secondsCell ?? durationCell)?.column ?? 1;
    return {
      ok: false,
      column,
      problem: `no ${names.seconds} or ${names.duration} value`,
      fix: 'give the time of every row: seconds (0.12) or a duration (120ms)',
    };
  }
  // Only the seconds column can be negative: parseDuration accepts no sign.
  if (seconds < 0) {
    return {
      ok: false,
      column: secondsCell?.column ?? 1,
      problem: `${names.seconds} is ${seconds}; a duration cannot be negative`,
      fix: 'check the clock source of this row, or remove it',
    };
  }

  if (seconds > MAX_DURATION_SECONDS) {
    return {
      ok: false,
      column: (secondsCell !== undefined && !isBlank(secondsCell) ? secondsCell : durationCell)?.column ?? 1,
      problem: `${show((secondsCell !== undefined && !isBlank(secondsCell) ? secondsCell : durationCell)?.raw)} is longer than a year`,
      fix: 'check the unit of this row (seconds, not milliseconds?), or remove it',
    };
  }

  let bytes: number | null = null;
  const bytesCell = cells.bytes;
  if (bytesCell !== undefined && !isBlank(bytesCell)) {
    bytes = toNumber(bytesCell.raw);
    if (bytes === null || bytes < 0) {
      return {
        ok: false,
        column: bytesCell.column,
        problem: `${names.bytes} ${show(bytesCell.raw)} is not ${bytes === null ? (tooLarge(bytesCell.raw) ? 'a finite number' : 'a number') : 'a count of bytes (it is negative)'}`,
        fix: 'write bytes as a plain number without a unit: 12000000 for 12 MB, or leave it empty',
      };
    }
  }
  const timestampCell = cells.timestamp;
  const timestamp = timestampCell === undefined || isBlank(timestampCell) ? null : String(timestampCell.raw).trim();
  return { ok: true, record: { phase, seconds, bytes, timestamp } };
}
