import { describe, expect, it } from 'vitest';
import {
  createLogParser,
  detectFormat,
  MEASURED_PHASES,
  TRANSFER_PHASES,
  type LocatedError,
  type LogFormat,
  type LogParserOptions,
  type Measurement,
} from '../../src/config/measurements.js';

interface Parsed {
  records: Measurement[];
  errors: LocatedError[];
  skipped: LocatedError[];
  finish: LocatedError | null;
  badRows: number;
}

function parse(text: string, format: LogFormat, options: LogParserOptions = {}): Parsed {
  const parser = createLogParser('log.txt', format, options);
  const out: Parsed = { records: [], errors: [], skipped: [], finish: null, badRows: 0 };
  text.split('\n').forEach((line, i) => {
    const outcome = parser.pushLine(line, i + 1);
    if (outcome.kind === 'record') out.records.push(outcome.record);
    if (outcome.kind === 'error') out.errors.push(outcome.error);
    if (outcome.kind === 'skipped') out.skipped.push(outcome.error);
  });
  out.finish = parser.finish();
  out.badRows = parser.badRows;
  return out;
}

/** The one error of a log, without its prose. */
function where(text: string, format: LogFormat = 'csv', options: LogParserOptions = {}): { line: number; column: number; problem: string } {
  const { errors, finish } = parse(text, format, options);
  const error = errors[0] ?? finish;
  if (error === null || error === undefined) throw new Error('expected an error');
  expect(error.file).toBe('log.txt');
  expect(error.fix.length).toBeGreaterThan(0);
  return { line: error.line, column: error.column, problem: error.problem };
}

describe('reading logs', () => {
  it('reads CSV with a header, optional bytes and timestamps, CRLF and a BOM', () => {
    const text = '\uFEFFtimestamp,phase,seconds,bytes\r\n2025-01-01T00:00:00Z,upload,0.125,1000000\r\n,enqueue,0.2,\r\n';
    const { records, errors, finish } = parse(text, 'csv');
    expect(errors).toEqual([]);
    expect(finish).toBeNull();
    expect(records).toEqual([
      { phase: 'upload', seconds: 0.125, bytes: 1e6, timestamp: '2025-01-01T00:00:00Z' },
      { phase: 'enqueue', seconds: 0.2, bytes: null, timestamp: null },
    ]);
  });

  it('handles quoted CSV fields: delimiters, doubled quotes and newlines inside quotes', () => {
    const text = ['timestamp,phase,seconds', '"Jan 1, 10:00","upload","0.5"', '"say ""hi""",create,25', '"two', 'lines",runtime,2'].join('\n');
    const { records, errors } = parse(text, 'csv');
    expect(errors).toEqual([]);
    expect(records.map((r) => [r.timestamp, r.phase, r.seconds])).toEqual([
      ['Jan 1, 10:00', 'upload', 0.5],
      ['say "hi"', 'create', 25],
      ['two\nlines', 'runtime', 2],
    ]);
  });

  it('reads TSV with a duration column', () => {
    const { records } = parse('phase\tduration\ncreate\t25s\nenqueue\t170ms', 'tsv');
    expect(records.map((r) => r.seconds)).toEqual([25, 0.17]);
  });

  it('reads JSON Lines with seconds, durations and bytes', () => {
    const text = '{"phase":"upload","seconds":0.1,"bytes":2000}\n\n{"phase":"create","duration":"1.5m","timestamp":1700000000}';
    const { records } = parse(text, 'jsonl');
    expect(records).toEqual([
      { phase: 'upload', seconds: 0.1, bytes: 2000, timestamp: null },
      { phase: 'create', seconds: 90, bytes: null, timestamp: '1700000000' },
    ]);
  });

  it('maps column names in CSV and in JSON Lines', () => {
    const columns = { phase: 'step', seconds: 'elapsed', bytes: 'size' };
    expect(parse('step,elapsed,size,host\nupload,0.3,10,a', 'csv', { columns }).records).toEqual([
      { phase: 'upload', seconds: 0.3, bytes: 10, timestamp: null },
    ]);
    expect(parse('{"step":"enqueue","elapsed":0.4}', 'jsonl', { columns }).records[0]?.seconds).toBe(0.4);
  });

  it('detects the format by extension, then by the first line', () => {
    expect(detectFormat('a.CSV', '{')).toBe('csv');
    expect(detectFormat('a.ndjson', '')).toBe('jsonl');
    expect(detectFormat('-', '{"phase": "x"}')).toBe('jsonl');
    expect(detectFormat('-', 'phase\tseconds')).toBe('tsv');
    expect(detectFormat('-', 'phase,seconds')).toBe('csv');
  });

  it('knows the profile phases, runtime, and which phases are transfers', () => {
    expect(MEASURED_PHASES).toEqual(expect.arrayContaining(['upload', 'downloadOutputs', 'enqueue', 'create', 'dispatch', 'runtime']));
    expect(TRANSFER_PHASES).toEqual(['upload', 'download', 'uploadInputs', 'downloadInputs', 'uploadOutputs', 'downloadOutputs']);
  });
});

describe('bad rows name the file, line and column', () => {
  const head = 'phase,seconds,bytes\n';
  it.each([
    // "upload," is 7 characters, so seconds starts at column 8.
    ['a missing value', `${head}upload,,5`, { line: 2, column: 8, problem: 'no seconds or duration value' }],
    ['a negative value', `${head}enqueue,0.1,\nupload,-0.5,5`, { line: 3, column: 8, problem: 'seconds is -0.5; a duration cannot be negative' }],
    ['a value with a unit in seconds', `${head}upload,120ms,5`, { line: 2, column: 8, problem: 'seconds "120ms" is not a number' }],
    // "upload,0.1," is 11 characters: bytes at 12.
    ['bytes that are not a number', `${head}upload,0.1,12MB`, { line: 2, column: 12, problem: 'bytes "12MB" is not a number' }],
    ['negative bytes', `${head}upload,0.1,-3`, { line: 2, column: 12, problem: 'bytes "-3" is not a count of bytes (it is negative)' }],
    ['an empty phase', `${head},0.1,3`, { line: 2, column: 1, problem: 'phase is empty' }],
    ['a missing field', `${head}upload,0.1`, { line: 2, column: 11, problem: 'the row has 2 fields; the header has 3' }],
    ['an extra field', `${head}upload,0.1,3,4`, { line: 2, column: 14, problem: 'the row has 4 fields; the header has 3' }],
    // The closing quote of "a" is followed by x at column 4.
    ['text after a closing quote', `${head}"a"x,0.1,3`, { line: 2, column: 4, problem: 'unexpected "x" after a closing quote' }],
    ['an empty file', '', { line: 1, column: 1, problem: 'the file is empty' }],
    ['a header without rows', 'phase,seconds\n\n', { line: 1, column: 1, problem: 'the file has a header but no observations' }],
    ['a quote never closed', `${head}upload,"0.1,3\nmore`, { line: 2, column: 8, problem: 'a quoted field is never closed' }],
    ['a header without phase', 'step,seconds\nx,1', { line: 1, column: 1, problem: 'the header has no "phase" column (columns: step, seconds)' }],
  ])('%s', (_, text, expected) => {
    expect(where(text)).toEqual(expected);
  });

  it('an unknown phase, with a suggestion, when a phase list is given', () => {
    const { errors } = parse(`phase,seconds\nuplaod,0.1`, 'csv', { phases: MEASURED_PHASES });
    expect(errors[0]).toMatchObject({ line: 2, column: 1, problem: 'phase "uplaod" is not a known phase' });
    expect(errors[0]?.fix).toMatch(/^did you mean "upload"\? known phases: upload, download/);
    expect(parse(`phase,seconds\nmyStep,0.1`, 'csv').records).toHaveLength(1);
  });

  it('JSON Lines: invalid JSON at its position, bad values at their key', () => {
    // {"phase":"upload",} — the stray } is at index 18, column 19.
    expect(where('{"phase":"upload",}', 'jsonl')).toMatchObject({ line: 1, column: 19 });
    // {"phase": "create", "duration": 0.5}: the value 0.5 starts at column 33.
    expect(where('{"phase": "create", "duration": 0.5}', 'jsonl')).toEqual({ line: 1, column: 33, problem: 'duration 0.5 has no unit' });
    expect(where('\n[1,2]', 'jsonl')).toEqual({ line: 2, column: 1, problem: 'a JSON Lines row must be an object' });
    expect(where('', 'jsonl')).toEqual({ line: 1, column: 1, problem: 'the file is empty' });
  });

  it('with skipBadRows, counts bad rows and keeps going; a file of only bad rows is still an error', () => {
    const { records, errors, skipped, badRows, finish } = parse('phase,seconds\nupload,-1\nupload,0.2\nupload,x', 'csv', { skipBadRows: true });
    expect(errors).toEqual([]);
    expect(records).toHaveLength(1);
    expect(badRows).toBe(2);
    expect(skipped.map((e) => e.line)).toEqual([2, 4]);
    expect(finish).toBeNull();
    expect(parse('phase,seconds\nupload,-1', 'csv', { skipBadRows: true }).finish?.problem).toBe('every row was bad (1 skipped); nothing to fit');
  });

  it('a mapped column missing from the header stops at the header even with skipBadRows', () => {
    const { errors } = parse('phase,seconds\nupload,1', 'csv', { columns: { bytes: 'size' }, skipBadRows: true });
    expect(errors[0]).toMatchObject({ line: 1, column: 1, problem: 'the header has no column "size", mapped to bytes' });
  });
});

describe('logs that are not what they seem', () => {
  it('a stray quote stops after 1,000 lines at the quote, instead of re-reading an ever longer record', () => {
    // the quote opens at line 2, column 1; every later line joins the record until the cap
    const text = ['phase,seconds', '"upload,0.1', ...Array.from({ length: 1500 }, () => 'upload,0.1')].join('\n');
    // (the CLI stops at the first error; this helper reads on, so later rows still parse)
    const { errors } = parse(text, 'csv');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 1 });
    expect(errors[0]?.problem).toContain('runs past 1000 lines');
  });

  it('a number too large for a double (1e400) is a bad value, not Infinity seconds', () => {
    const bad = where('phase,seconds\nruntime,1e400\n');
    expect(bad).toMatchObject({ line: 2, column: 9 });
  });

  it('a UTF-16 file (Excel "Unicode Text") is named as such at 1:1', () => {
    // FF FE read as UTF-8 become two replacement characters; the ASCII letters carry NULs
    const bad = where('\uFFFD\uFFFDp\u0000h\u0000a\u0000s\u0000e\u0000\n');
    expect(bad).toMatchObject({ line: 1, column: 1 });
    expect(bad.problem).toContain('not UTF-8');
  });
});
