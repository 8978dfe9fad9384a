// A budget assertion: `<metric path> <op> <value>`, e.g. `makespan.p95Seconds <= 30m`.
import { parseBandwidth, parseDuration, parseSize, type Parsed } from '../units.js';

export const OPERATORS = ['<=', '>=', '==', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface Assertion {
  metric: string;
  op: Operator;
  /** The budget in the metric's unit (seconds, bytes, a plain number). */
  value: number;
  /** The value as written, for messages. */
  written: string;
}

/** The unit a metric path is in, read from its name: every quantity names its unit (docs/reference.md). */
export type MetricUnit = 'seconds' | 'bytes' | 'bytesPerSecond' | 'number';

/** The innermost path segment that names a unit decides: `replicaSeconds.billed.mean` is in seconds. */
export function unitOf(metric: string): MetricUnit {
  for (const segment of metric.split('.').reverse()) {
    if (/BytesPerSecond$/.test(segment)) return 'bytesPerSecond';
    if (/PerSecond$/.test(segment)) return 'number';
    if (/Seconds$/.test(segment)) return 'seconds';
    if (/Bytes$/.test(segment)) return 'bytes';
  }
  return 'number';
}

// The value may not start with = < >, so `x <=` (no value) is not read as `x < "="`.
const SPLIT = /^\s*([A-Za-z][\w.[\]]*)\s*(<=|>=|==|<|>)\s*([^=<>\s].*?)?\s*$/;
/** A plain decimal number: digits, an optional fraction and exponent; no hex, no Infinity. */
const PLAIN_NUMBER = /^[+-]?(\d[\d_]*(\.\d+)?|\.\d+)(e[+-]?\d+)?$/i;

/** On a bad value, `metric` is the metric as written, so a caller can check the name first. */
export type AssertionParse = { ok: true; value: Assertion } | { ok: false; part: 'form' | 'operator' | 'value'; problem: string; fix: string; metric?: string };

export function parseAssertion(text: string): AssertionParse {
  const match = SPLIT.exec(text);
  if (!match) {
    // ≤ and ≥ as escapes: the CLI bundle stays ASCII, which V8 holds and reads at half the cost (scripts/build.mjs).
    const op = /\s(=>|=<|=|!=|\u2264|\u2265|<>)\s/.exec(text);
    if (op) return { ok: false, part: 'operator', problem: `"${op[1]}" is not an operator`, fix: `use one of ${OPERATORS.join(' ')}` };
    return { ok: false, part: 'form', problem: `"${text}" is not an assertion`, fix: 'write <metric> <op> <value>, e.g. fanout.actions <= 20000 or makespan.p95Seconds <= 30m' };
  }
  const [, metric = '', opText = '', written = ''] = match;
  if (written === '') return { ok: false, part: 'value', problem: `"${text}" has no value after ${opText}`, fix: `write a budget, e.g. ${metric} ${opText} ${unitOf(metric) === 'seconds' ? '30m' : '20000'}`, metric };
  const op = OPERATORS.find((o) => o === opText);
  if (op === undefined) return { ok: false, part: 'operator', problem: `"${opText}" is not an operator`, fix: `use one of ${OPERATORS.join(' ')}` };
  const value = parseValue(unitOf(metric), written);
  if (!value.ok) return { ok: false, part: 'value', problem: value.problem, fix: value.fix, metric };
  return { ok: true, value: { metric, op, value: value.value, written } };
}

function parseValue(unit: MetricUnit, written: string): Parsed<number> {
  switch (unit) {
    case 'seconds': {
      const d = parseDuration(/^[\d.]+$/.test(written) ? Number(written) : written);
      return d.ok ? d : { ok: false, problem: d.problem.includes('too large') ? d.problem : `${written} ${d.problem.includes('no unit') ? 'has no unit, and the metric is a duration' : 'is not a duration'}`, fix: d.fix };
    }
    case 'bytes': {
      const s = parseSize(/^[\d.]+$/.test(written) ? Number(written) : written);
      return s.ok ? s : { ok: false, problem: s.problem.includes('too large') ? s.problem : `${written} ${s.problem.includes('no unit') ? 'has no unit, and the metric is a size' : 'is not a size'}`, fix: s.fix };
    }
    case 'bytesPerSecond': {
      const b = parseBandwidth(/^[\d.]+$/.test(written) ? Number(written) : written);
      return b.ok ? b : { ok: false, problem: b.problem.includes('too large') ? b.problem : `${written} is not a bandwidth`, fix: b.fix };
    }
    case 'number': {
      const n = PLAIN_NUMBER.test(written) ? Number(written.replace(/_/g, '')) : Number.NaN;
      return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, problem: Number.isNaN(n) ? `${written} is not a number` : `${written} is too large to be a number`, fix: 'write a plain number, e.g. 20000' };
    }
  }
}

export function holds(actual: number, op: Operator, budget: number): boolean {
  switch (op) {
    case '<':
      return actual < budget;
    case '<=':
      return actual <= budget;
    case '>':
      return actual > budget;
    case '>=':
      return actual >= budget;
    case '==':
      return actual === budget;
  }
}
