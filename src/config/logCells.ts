// The steps of reading one line of a measurement log into cells: the header's column
// positions, a delimited row's cells by those positions, a JSON Lines row's cells by key.
// Each returns the cells or a problem at a column; logParser.ts decides what a problem costs.
import { isRecord } from '../core/isRecord.js';
import { LOG_COLUMNS, type Cell, type ColumnMapping, type LogColumn, type RowCells } from './measurementRow.js';

export type HeaderIndex = Record<LogColumn, number>;

/** A problem at a 1-based column of the line. */
export interface CellProblem {
  ok: false;
  column: number;
  problem: string;
  fix: string;
}

export const JSON_EXAMPLE = '{"phase": "upload", "seconds": 0.12, "bytes": 1000000}';
export const QUOTE_FIX = 'quote the whole field and double any quote inside it: "say ""hi"""';

/** Where each column stands in the header; `mapped` are the columns the user named, which must exist. */
export function headerIndex(fields: readonly string[], names: ColumnMapping, mapped: Partial<ColumnMapping> | undefined): { ok: true; index: HeaderIndex } | CellProblem {
  const trimmed = fields.map((f) => f.trim());
  const listed = trimmed.join(', ');
  const index: HeaderIndex = { phase: -1, seconds: -1, duration: -1, bytes: -1, timestamp: -1 };
  for (const column of LOG_COLUMNS) {
    index[column] = trimmed.indexOf(names[column]);
    if (index[column] < 0 && mapped?.[column] !== undefined) {
      return { ok: false, column: 1, problem: `the header has no column "${names[column]}", mapped to ${column}`, fix: `map to one of: ${listed}` };
    }
  }
  if (index.phase < 0) {
    return { ok: false, column: 1, problem: `the header has no "${names.phase}" column (columns: ${listed})`, fix: `name a column ${names.phase}, or map one to phase (e.g. { phase: 'step' })` };
  }
  if (index.seconds < 0 && index.duration < 0) {
    const problem = `the header has neither a "${names.seconds}" nor a "${names.duration}" column (columns: ${listed})`;
    return { ok: false, column: 1, problem, fix: `add one, or map a column to seconds (e.g. { seconds: 'elapsed' })` };
  }
  return { ok: true, index };
}

/** A delimited row's cells by the header's positions; a row of another width is a problem. */
export function delimitedCells(split: { fields: readonly string[]; columns: readonly number[] }, text: string, index: HeaderIndex, headerWidth: number, sep: string): { ok: true; cells: RowCells } | CellProblem {
  if (split.fields.length !== headerWidth) {
    // Past the end when a field is missing; at the first extra field otherwise.
    const column = split.fields.length < headerWidth ? text.length + 1 : (split.columns[headerWidth] ?? 1);
    return { ok: false, column, problem: `the row has ${split.fields.length} fields; the header has ${headerWidth}`, fix: `check for a missing ${sep}, or quote a field that contains a ${sep}` };
  }
  const cell = (i: number): Cell | undefined => (i < 0 ? undefined : { raw: split.fields[i], column: split.columns[i] ?? 1 });
  return { ok: true, cells: { phase: cell(index.phase), seconds: cell(index.seconds), duration: cell(index.duration), bytes: cell(index.bytes), timestamp: cell(index.timestamp) } };
}

/** A JSON Lines row's cells by key, each at the column of its value as written. */
export function jsonCells(text: string, names: ColumnMapping): { ok: true; cells: RowCells } | CellProblem {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const column = position?.[1] !== undefined ? Number(position[1]) + 1 : 1;
    return { ok: false, column, problem: `not valid JSON: ${message}`, fix: `write one JSON object per line: ${JSON_EXAMPLE}` };
  }
  if (!isRecord(value)) return { ok: false, column: 1, problem: 'a JSON Lines row must be an object', fix: `write one JSON object per line: ${JSON_EXAMPLE}` };
  const row = value;
  const cell = (column: LogColumn): Cell | undefined => {
    const key = names[column];
    if (!Object.hasOwn(row, key)) return undefined;
    const at = valueColumn(text, key);
    // JSON.parse reads 1e400 as Infinity: keep the number as written, for the message.
    const raw = row[key];
    const written = typeof raw === 'number' && !Number.isFinite(raw) ? /^[-+\d.eE]+/.exec(text.slice(at - 1))?.[0] : undefined;
    return { raw: written ?? raw, column: at };
  };
  return { ok: true, cells: { phase: cell('phase'), seconds: cell('seconds'), duration: cell('duration'), bytes: cell('bytes'), timestamp: cell('timestamp') } };
}

/** 1-based column of the value of `"key":` in a JSON line (1 when not found as written). */
function valueColumn(text: string, key: string): number {
  const quoted = JSON.stringify(key);
  const at = text.indexOf(quoted);
  if (at < 0) return 1;
  const gap = /^\s*:\s*/.exec(text.slice(at + quoted.length));
  return at + quoted.length + (gap?.[0].length ?? 0) + 1;
}
