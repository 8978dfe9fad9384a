// A file's text as JSON records: a JSON array, one object (pretty-printed, as to_json writes
// it), or JSON Lines. What a terminal capture adds (ANSI colour escapes, soft line breaks at the
// console width) is removed when the text does not parse without it; when even that fails,
// the error says how to capture the output cleanly.
import type { RecordPlace } from '../../core/import/types.js';

export interface SourceRecord {
  value: unknown;
  place: RecordPlace;
}

export interface LocatedProblem {
  file: string;
  line: number;
  column: number;
  problem: string;
  fix: string;
}

export type SplitResult = { ok: true; records: number; cleaned: { escapes: number; lineBreaks: number } } | { ok: false; error: LocatedProblem };

/** Each record as it is parsed: memory holds one line's objects at a time, not the file's. */
export type OnRecord = (record: SourceRecord) => void;

const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g;
export const CLEAN_CAPTURE =
  'capture it without a terminal in the way: COLUMNS=100000 TERM=dumb flyte -of json-raw get action RUN > actions.json, or export the run with the Python snippet in docs/importing.md';

/** 1-based line and column of a character offset. */
function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

function parseError(file: string, text: string, error: unknown, fix: string): LocatedProblem {
  const message = error instanceof Error ? error.message : String(error);
  const end = text.trimEnd().length;
  const position = /position (\d+)/.exec(message);
  // Without a position V8 quotes the text around the error: find it.
  const quoted = /, (?:\.\.\.)?"([\s\S]*?)"(?:\.\.\.)? is not valid JSON/.exec(message)?.[1];
  const near = quoted !== undefined ? text.indexOf(quoted) : -1;
  const offset = position?.[1] !== undefined ? Number(position[1]) : near >= 0 ? near : end;
  const truncated = /end of JSON input|Unterminated string/.test(message) || offset >= end;
  const said = message.replace(/\r?\n/g, '\\n');
  const problem = truncated ? `the JSON ends early (the file looks truncated): ${said}` : `not valid JSON: ${said}`;
  return { file, ...locate(text, offset), problem, fix: truncated ? 'export the run again and check that the copy finished' : fix };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false; error: unknown } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

export function splitRecords(file: string, raw: string, onRecord: OnRecord): SplitResult {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  let escapes = 0;
  if (text.includes('\u001b')) {
    text = text.replace(ANSI, () => {
      escapes++;
      return '';
    });
  }
  const start = text.search(/\S/);
  if (start < 0) return { ok: false, error: { file, line: 1, column: 1, problem: 'the file is empty', fix: 'export the run again: one JSON object per action (docs/importing.md)' } };
  const whole = tryParse(text);
  if (whole.ok) {
    const { value } = whole;
    if (Array.isArray(value)) value.forEach((v, i) => onRecord({ value: v, place: { file, line: 0, path: `[${i}]` } }));
    else onRecord({ value, place: { file, line: locate(text, start).line, path: '' } });
    return { ok: true, records: Array.isArray(value) ? value.length : 1, cleaned: { escapes, lineBreaks: 0 } };
  }
  if (text[start] === '[') {
    // A soft line break is a raw newline, which JSON never has inside a string: drop them all.
    const lineBreaks = (text.match(/\r?\n/g) ?? []).length;
    const joined = tryParse(text.replace(/\r?\n/g, ''));
    if (joined.ok && Array.isArray(joined.value)) {
      joined.value.forEach((v, i) => onRecord({ value: v, place: { file, line: 0, path: `[${i}]` } }));
      return { ok: true, records: joined.value.length, cleaned: { escapes, lineBreaks } };
    }
    return { ok: false, error: parseError(file, text, whole.error, escapes > 0 || lineBreaks > 1 ? CLEAN_CAPTURE : 'fix the JSON at this place') };
  }
  // JSON Lines: every non-blank line one object.
  const lines = text.split('\n');
  const first = tryParse(lines.find((l) => l.trim() !== '') ?? '');
  if (!first.ok) return { ok: false, error: parseError(file, text, whole.error, 'write one JSON object per action, or one per line (JSON Lines)') };
  let records = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const parsed = tryParse(line);
    if (!parsed.ok) {
      const last = lines.slice(i + 1).every((l) => l.trim() === '');
      const message = parsed.error instanceof Error ? parsed.error.message : String(parsed.error);
      const position = /position (\d+)/.exec(message);
      const problem = last ? `the last line ends early (the file looks truncated): ${message}` : `not valid JSON: ${message}`;
      return { ok: false, error: { file, line: i + 1, column: position?.[1] !== undefined ? Number(position[1]) + 1 : 1, problem, fix: last ? 'export the run again and check that the copy finished' : 'write one JSON object per line' } };
    }
    records++;
    onRecord({ value: parsed.value, place: { file, line: i + 1, path: '' } });
  }
  return { ok: true, records, cleaned: { escapes, lineBreaks: 0 } };
}
