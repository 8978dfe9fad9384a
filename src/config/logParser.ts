// A measurement log, one line at a time: the first line's encoding check, a quoted record
// that spans lines, the header, then rows (logCells.ts reads each into cells, measurementRow.ts
// into a measurement). The CLI pushes lines from readline, so memory does not grow with the file.
import { splitRecord } from './delimited.js';
import { delimitedCells, headerIndex, jsonCells, JSON_EXAMPLE, QUOTE_FIX, type CellProblem, type HeaderIndex } from './logCells.js';
import { DEFAULT_COLUMNS, readRow, type ColumnMapping, type RowCells } from './measurementRow.js';
import type { LineOutcome, LocatedError, LogFormat, LogParser, LogParserOptions } from './measurements.js';

/** A record (a row with quoted line breaks) may span this many lines or characters at most. */
const MAX_RECORD_LINES = 1000;
const MAX_RECORD_CHARS = 1 << 20;

interface ParserState {
  header: { index: HeaderIndex; width: number } | null;
  /** The start of a record whose quoted field continues on the next line. */
  pending: { text: string; line: number; column: number } | null;
  sawLine: boolean;
  records: number;
  badRows: number;
}

export function createLogParser(file: string, format: LogFormat, options: LogParserOptions = {}): LogParser {
  const names: ColumnMapping = { ...DEFAULT_COLUMNS, ...options.columns };
  const phases = options.phases ?? null;
  const skip = options.skipBadRows ?? false;
  const delimiter = format === 'tsv' ? '\t' : ',';
  const sep = format === 'tsv' ? 'tab' : 'comma';
  const state: ParserState = { header: null, pending: null, sawLine: false, records: 0, badRows: 0 };

  const located = (line: number, column: number, problem: string, fix: string): LocatedError => ({ file, line, column, problem, fix });
  const at = (line: number, p: CellProblem): LocatedError => located(line, p.column, p.problem, p.fix);
  const fatal = (error: LocatedError): LineOutcome => ({ kind: 'error', error });
  /** A bad row stops the read, or with skipBadRows is counted and passed over. */
  const bad = (error: LocatedError): LineOutcome => {
    if (!skip) return { kind: 'error', error };
    state.badRows++;
    return { kind: 'skipped', error };
  };
  const finishRow = (cells: RowCells, line: number): LineOutcome => {
    const row = readRow(cells, names, phases);
    if (!row.ok) return bad(located(line, row.column, row.problem, row.fix));
    state.records++;
    return { kind: 'record', record: row.record };
  };

  function readDelimited(text: string, line: number): LineOutcome {
    const split = splitRecord(text, delimiter);
    if (split.kind === 'open') {
      state.pending = { text, line, column: split.column };
      return { kind: 'none' };
    }
    if (split.kind === 'bad') {
      const error = located(line, split.column, split.problem, QUOTE_FIX);
      return state.header === null ? fatal(error) : bad(error);
    }
    if (state.header === null) {
      const found = headerIndex(split.fields, names, options.columns);
      if (!found.ok) return fatal(at(line, found));
      state.header = { index: found.index, width: split.fields.length };
      return { kind: 'none' };
    }
    const row = delimitedCells(split, text, state.header.index, state.header.width, sep);
    return row.ok ? finishRow(row.cells, line) : bad(at(line, row));
  }

  function readJson(text: string, line: number): LineOutcome {
    const row = jsonCells(text, names);
    return row.ok ? finishRow(row.cells, line) : bad(at(line, row));
  }

  /** The rest of a record that a quoted line break left open. */
  function continueRecord(open: NonNullable<ParserState['pending']>, line: string, lineNumber: number): LineOutcome {
    state.pending = null;
    // A quoted field may span lines, but not without end: past the cap it is a stray quote,
    // and re-reading an ever longer record would take time and memory that grow with the file.
    if (lineNumber - open.line >= MAX_RECORD_LINES || open.text.length + line.length > MAX_RECORD_CHARS) {
      return fatal(located(open.line, open.column, `a quoted field runs past ${MAX_RECORD_LINES} lines without closing`, 'close the quote; a quote inside a quoted field is written ""'));
    }
    return readDelimited(`${open.text}\n${line}`, open.line);
  }

  return {
    pushLine(raw: string, lineNumber: number): LineOutcome {
      let line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!state.sawLine) {
        if (line.startsWith('\uFFFD\uFFFD') || line.includes('\u0000')) {
          return fatal(located(1, 1, 'the file is not UTF-8 text (it looks like UTF-16, as Excel\'s "Unicode Text" saves it)', 'save it as CSV UTF-8 and fit that'));
        }
        line = line.replace(/^\uFEFF/, '');
        state.sawLine = true;
      }
      if (state.pending !== null) return continueRecord(state.pending, line, lineNumber);
      if (line.trim() === '') return { kind: 'none' };
      return format === 'jsonl' ? readJson(line, lineNumber) : readDelimited(line, lineNumber);
    },
    finish: () => endOfFile(state, format, located),
    get records(): number {
      return state.records;
    },
    get badRows(): number {
      return state.badRows;
    },
  };
}

/** After the last line: a record left open, or a file with nothing to fit, is a problem. */
function endOfFile(state: ParserState, format: LogFormat, located: (line: number, column: number, problem: string, fix: string) => LocatedError): LocatedError | null {
  const open = state.pending;
  if (open !== null) return located(open.line, open.column, 'a quoted field is never closed', 'close the quote; a quote inside a quoted field is written ""');
  if (state.records > 0) return null;
  if (state.badRows > 0) return located(1, 1, `every row was bad (${state.badRows} skipped); nothing to fit`, 'fix the rows reported above');
  if (format !== 'jsonl' && state.header !== null) return located(1, 1, 'the file has a header but no observations', 'add one row per observation under the header');
  const fix = format === 'jsonl' ? `write one JSON object per line: ${JSON_EXAMPLE}` : 'write a header row (phase,seconds,bytes) and one row per observation';
  return located(1, 1, 'the file is empty', fix);
}
