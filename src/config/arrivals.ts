// The `arrivals` block of a scenario or workflow file (docs/streams.md), with the stream flags
// of simulate over it: every value through the parsers of the other settings, every problem
// with its file, line, key path (or its flag) and the fix.
import { mean } from '../core/distribution.js';
import { rateShape } from '../core/stream/rateShape.js';
import { formatRate } from '../core/stream/formatRate.js';
import { isRecord } from '../core/isRecord.js';
import type { ArrivalProcess, ArrivalsSpec, RatePoint } from '../core/stream/arrivalsSpec.js';
import { formatSeconds } from '../core/units.js';
import { ARRIVAL_KEY_SPECS, ARRIVAL_KEYS, LENGTH_KEYS, PROCESS_KEYS, type ArrivalFlags, type ArrivalKey } from './arrivalsKeys.js';
import { ARRIVAL_RATE, DAY_SECONDS, MAX_STREAM_RUNS, outside, STREAM_RUNS } from './bounds.js';
import { parseFlagValue, type SourceDoc } from './document.js';
import { parseDurationValue } from './durationValue.js';
import type { InputProblem } from './errors.js';
import { readShape } from './arrivalShape.js';
import { closest, unknownKeyFix } from './suggest.js';
import { PARSERS } from './values.js';
import { stringify } from 'yaml';

/** A value of the block and where it was written: a key of the file, or a flag (with its text as typed). */
interface Entry {
  raw: unknown;
  flag: string | null;
  typed?: string;
}

export interface ArrivalsRead {
  arrivals: ArrivalsSpec | null;
  problems: InputProblem[];
  /** Where each key given came from (`flag --rate`, `workflow nightly.yaml`), for the report's inputs. */
  sources: ArrivalSources;
}

export type ArrivalSources = Partial<Record<ArrivalKey, string>>;

/** A value as written: a string quoted, a mapping or list in YAML's flow form (`{ median: 1h, p95: 2h }`). */
const show = (raw: unknown): string => (typeof raw === 'string' ? `"${raw}"` : stringify(raw, { collectionStyle: 'flow' }).trim());

/** The arrivals of the file at `prefix` (the top level: []), with the stream flags over them; `origin` names the file in sources. */
export function readArrivals(doc: SourceDoc, prefix: readonly string[], flags: ArrivalFlags, origin = `scenario ${doc.source}`): ArrivalsRead {
  const problems: InputProblem[] = [];
  const sources: ArrivalSources = {};
  const base = [...prefix, 'arrivals'];
  const block = valueAt(doc.data, base);
  const flagged = ARRIVAL_KEYS.filter((k) => flags[k] !== undefined);
  if (block === undefined && flagged.length === 0) return { arrivals: null, problems, sources };
  const fileProblem = (path: readonly (string | number)[], problem: string, fix: string, key = false): void => {
    problems.push({ source: doc.source, path: [...base, ...path].join('.').replace(/\.(\d+)(?=\.|$)/g, '[$1]'), problem, fix, ...(doc.locate([...base, ...path], key) ?? {}) });
  };
  const entries = new Map<ArrivalKey, Entry>();
  // The keys an unknown key is a typo of: their absence is that key's problem, not another one.
  const meant = new Set<string>();
  if (block !== undefined && !isRecord(block)) fileProblem([], 'expected a mapping of arrival settings', 'write arrivals: { rate: 3/s, duration: 1h, warmup: 5m }');
  if (isRecord(block)) {
    for (const [key, raw] of Object.entries(block)) {
      const known = ARRIVAL_KEYS.find((k) => k === key);
      if (known === undefined) {
        fileProblem([key], `unknown key "${key}"`, unknownKeyFix(key, ARRIVAL_KEYS), true);
        meant.add(closest(key, ARRIVAL_KEYS) ?? '');
      } else entries.set(known, { raw, flag: null });
    }
  }
  // A flag replaces its alternatives from the file: --rate wins over interarrival: and shape:.
  for (const key of flagged) {
    const group: readonly ArrivalKey[] = PROCESS_KEYS.some((k) => k === key) ? PROCESS_KEYS : LENGTH_KEYS.some((k) => k === key) ? LENGTH_KEYS : [key];
    for (const other of group) if (entries.get(other)?.flag === null) entries.delete(other);
    entries.set(key, { raw: parseFlagValue(flags[key] ?? ''), flag: ARRIVAL_KEY_SPECS[key].flag, typed: flags[key] ?? '' });
  }
  // A stream made by flags alone has no block to point at: its problems name the flag given.
  const missing = (group: readonly ArrivalKey[], problem: string, fileFix: string, flagFix: string) => (): void => {
    if (group.some((k) => meant.has(k))) return;
    const flag = flagged.map((k) => ARRIVAL_KEY_SPECS[k].flag).find((f) => f !== null);
    if (block === undefined && flag !== undefined) problems.push({ source: flag, path: '', problem, fix: flagFix });
    else fileProblem([], problem, fileFix);
  };
  const report = (key: ArrivalKey, problem: string, fix: string, sub: readonly (string | number)[] = []): void => {
    const entry = entries.get(key);
    if (entry?.flag) problems.push({ source: entry.flag, path: '', problem, fix });
    else fileProblem([key, ...sub], problem, fix);
  };
  const named = (key: ArrivalKey): string => entries.get(key)?.flag ?? `${key}:`;

  const process = readProcess(entries, report, named, missing(PROCESS_KEYS, 'no rate of arrivals', 'add rate: 3/s (Poisson) or interarrival: 500ms', 'add --rate 3/s (Poisson) or --interarrival 500ms'));
  const length = readLength(entries, report, named, missing(LENGTH_KEYS, 'the stream has no end', 'add runs: 10000 or duration: 1h', 'add --stream-runs 10000 or --stream-duration 1h'));
  const warmupSeconds = entries.has('warmup') ? singleSeconds(entries.get('warmup'), (p, f) => report('warmup', p, f), 0) : 0;
  if (problems.length || process === null || length === null || warmupSeconds === null) return { arrivals: null, problems, sources };

  const ratePerSecond = process.process.kind === 'poisson' ? process.process.ratePerSecond : 1 / mean(process.process.interarrival);
  const spanSeconds = length.durationSeconds ?? (length.runs ?? 0) / ratePerSecond;
  const expectedRuns = length.runs ?? spanSeconds * ratePerSecond;
  if (expectedRuns > MAX_STREAM_RUNS) report('duration', `at ${formatRate(ratePerSecond)} a stream of ${formatSeconds(spanSeconds)} is about ${Math.round(expectedRuns).toLocaleString('en-US')} runs, more than the ${MAX_STREAM_RUNS.toLocaleString('en-US')} one replication holds`, 'shorten the stream or lower the rate; the percentiles settle long before that');
  if (warmupSeconds >= spanSeconds) report('warmup', `the warm-up (${formatSeconds(warmupSeconds)}) is as long as the stream (${length.durationSeconds !== null ? formatSeconds(spanSeconds) : `${length.runs ?? 0} runs take about ${formatSeconds(spanSeconds)}`}): no run would be measured`, `make the warm-up shorter than the stream, or the stream longer (${named(length.durationSeconds !== null ? 'duration' : 'runs')})`);
  if (problems.length) return { arrivals: null, problems, sources };
  for (const [key, entry] of entries) sources[key] = entry.flag !== null ? `flag ${entry.flag}` : origin;
  return { arrivals: { process: process.process, ...length, warmupSeconds, shape: process.shape, periodSeconds: DAY_SECONDS }, problems, sources };
}

type Report = (key: ArrivalKey, problem: string, fix: string, sub?: readonly (string | number)[]) => void;

function readProcess(entries: ReadonlyMap<ArrivalKey, Entry>, report: Report, named: (k: ArrivalKey) => string, missing: () => void): { process: ArrivalProcess; shape: readonly RatePoint[] | null } | null {
  const given = PROCESS_KEYS.filter((k) => entries.has(k));
  if (given.length === 0) {
    missing();
    return null;
  }
  const [first, second] = given;
  if (first !== undefined && second !== undefined) {
    const why = second === 'shape' ? 'a shape gives the rate through the day' : 'the runs arrive either at a Poisson rate or with given interarrival times';
    report(second, `both ${named(first)} and ${named(second)} are given: ${why}`, `keep one of ${named(first)} and ${named(second)}`);
    return null;
  }
  if (first === 'rate') {
    const raw = entries.get('rate')?.raw;
    const r = PARSERS.rate(raw);
    if (!r.ok) return fail(report, 'rate', `${r.problem}`, r.fix.replace('100/s', '3/s'));
    const out = outside(ARRIVAL_RATE, r.value, show(raw), true);
    if (out) return fail(report, 'rate', out.problem, out.fix);
    return { process: { kind: 'poisson', ratePerSecond: r.value }, shape: null };
  }
  if (first === 'interarrival') {
    const d = parseDurationValue(entries.get('interarrival')?.raw);
    if (!d.ok) return fail(report, 'interarrival', d.problem, d.fix, d.subpath ? d.subpath.split('.') : []);
    const m = mean(d.value);
    if (!(m > 0)) return fail(report, 'interarrival', 'a mean interarrival time of 0s would start every run at once', 'write a time above 0, e.g. 500ms');
    if (1 / m > ARRIVAL_RATE.max) return fail(report, 'interarrival', `a mean interarrival of ${formatSeconds(m)} is more than ${ARRIVAL_RATE.maxText} runs`, 'write a longer time between runs');
    return { process: { kind: 'interarrival', interarrival: d.value }, shape: null };
  }
  const shape = readShape(entries.get('shape')?.raw, (problem, fix, sub) => report('shape', problem, fix, sub));
  if (shape === null) return null;
  // The process's rate is the shape's mean over a day (the engine follows the shape itself).
  return { process: { kind: 'poisson', ratePerSecond: rateShape(shape, DAY_SECONDS).meanRatePerSecond }, shape };
}

function readLength(entries: ReadonlyMap<ArrivalKey, Entry>, report: Report, named: (k: ArrivalKey) => string, missing: () => void): { runs: number | null; durationSeconds: number | null } | null {
  const hasRuns = entries.has('runs');
  const hasDuration = entries.has('duration');
  if (!hasRuns && !hasDuration) {
    missing();
    return null;
  }
  if (hasRuns && hasDuration) return fail(report, 'duration', `both ${named('runs')} and ${named('duration')} are given`, `keep one: the stream ends after a number of runs or after a time`);
  if (hasRuns) {
    const raw = entries.get('runs')?.raw;
    const n = PARSERS.count(typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw);
    if (!n.ok) return fail(report, 'runs', n.problem, n.fix.replace('1000', '10000'));
    const out = outside(STREAM_RUNS, n.value, String(raw));
    if (out) return fail(report, 'runs', `${out.problem} runs in one replication`, `${out.fix}; the percentiles settle long before that`);
    return { runs: n.value, durationSeconds: null };
  }
  const seconds = singleSeconds(entries.get('duration'), (p, f) => report('duration', p, f), 1e-9);
  return seconds === null ? null : { runs: null, durationSeconds: seconds };
}

/** One fixed duration of at least `min` seconds (a distribution is not a length of time). */
function singleSeconds(entry: Entry | undefined, problem: (problem: string, fix: string) => void, min: number): number | null {
  const raw = entry?.raw;
  const written = entry?.typed !== undefined ? `"${entry.typed}"` : show(raw);
  const d = parseDurationValue(raw);
  if (!d.ok) return failWith(problem, d.problem, d.fix);
  if (d.value.kind !== 'fixed') return failWith(problem, `${written} is a distribution, not one length of time`, 'write a single duration such as 5m or 1h');
  if (d.value.value < min) return failWith(problem, `${written} is no time at all`, 'write a duration above 0s, e.g. 1h');
  return d.value.value;
}

function fail(report: Report, key: ArrivalKey, problem: string, fix: string, sub: readonly (string | number)[] = []): null {
  report(key, problem, fix, sub);
  return null;
}

function failWith(problem: (p: string, f: string) => void, text: string, fix: string): null {
  problem(text, fix);
  return null;
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const step of path) node = isRecord(node) ? node[step] : undefined;
  return node;
}
