// One parser per kind of value in the field registry. Each returns the core value or a
// problem with its fix; the caller adds the file, line and key path.
import type { Dist } from '../core/distribution.js';
import { DATA_MODES, PATTERNS, type DataMode, type Pattern, type Phase } from '../core/model.js';
import { parseRate, parseSize } from '../core/units.js';
import { isRecord } from '../core/isRecord.js';
import { parseDurationValue, parseTransferValue, type ValueResult } from './durationValue.js';
import { boundOf, outside } from './bounds.js';
import type { Field, ValueKind } from './fields.js';

export interface Replicas {
  min: number;
  max: number;
}

export interface KindValue {
  duration: Dist;
  transfer: Phase;
  size: number;
  rate: number;
  count: number;
  whole: number;
  fraction: number;
  positive: number;
  boolean: boolean;
  replicas: Replicas;
  batch: number | null;
  data: DataMode;
  pattern: Pattern;
  optionalCount: number | null;
  optionalSize: number | null;
  optionalPositive: number | null;
}

type Parser<T> = (raw: unknown) => ValueResult<T>;

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });
const bad = (problem: string, fix: string): { ok: false; subpath: string; problem: string; fix: string } => ({ ok: false, subpath: '', problem, fix });
const show = (raw: unknown): string => (typeof raw === 'string' ? `"${raw}"` : JSON.stringify(raw) ?? String(raw));

/** Text a YAML reader takes for Infinity or NaN: the document keeps it as written (document.ts). */
const NON_FINITE = /^[-+]?(\.inf|\.nan|(\d+\.?\d*|\.\d+)e[+-]?\d+)$/i;
const notANumber = (raw: unknown): string => (typeof raw === 'string' && NON_FINITE.test(raw.trim()) ? `${show(raw)} is not a finite number` : `${show(raw)} is not a number`);

function integer(min: number, example: string): Parser<number> {
  return (raw) => {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) return bad(notANumber(raw), `write a whole number such as ${example}`);
    if (!Number.isInteger(raw)) return bad(`${raw} is not a whole number`, `write a whole number such as ${example}`);
    if (raw < min) return bad(`${raw} is below ${min}`, `write a whole number ≥ ${min}`);
    return ok(raw);
  };
}

const number = (check: (x: number) => boolean, what: string, example: string): Parser<number> => (raw) => {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return bad(notANumber(raw), `write ${example}`);
  return check(raw) ? ok(raw) : bad(`${show(raw)} is not ${what}`, `write ${example}`);
};

function optional<T>(parser: Parser<T>): Parser<T | null> {
  return (raw) => (raw === null || raw === 'none' ? ok(null) : parser(raw));
}

function fromUnits(parse: (raw: unknown) => { ok: true; value: number } | { ok: false; problem: string; fix: string }): Parser<number> {
  return (raw) => {
    const r = parse(raw);
    return r.ok ? r : bad(r.problem, r.fix);
  };
}

function oneOf<T extends string>(options: readonly T[]): Parser<T> {
  return (raw) => {
    const found = options.find((o) => o === raw);
    return found !== undefined ? ok(found) : bad(`${show(raw)} is not one of ${options.join(', ')}`, `write ${options.join(' or ')}`);
  };
}

const count = integer(1, '1000');
const replicasFix = 'write a count (4) for a fixed pool, or [min, max] / "MIN:MAX" to autoscale, e.g. [5, 20]';

function replicas(raw: unknown): ValueResult<Replicas> {
  let pair: unknown[] | undefined;
  if (typeof raw === 'number') pair = [raw, raw];
  else if (Array.isArray(raw)) pair = raw;
  else if (typeof raw === 'string' && /^\s*\d+\s*:\s*\d+\s*$/.test(raw)) pair = raw.split(':').map((x) => Number(x.trim()));
  else if (isRecord(raw) && Object.keys(raw).every((k) => k === 'min' || k === 'max')) pair = [raw.min, raw.max];
  if (pair?.length !== 2) return bad(`${show(raw)} is not a replica count or range`, replicasFix);
  const min = integer(0, '2')(pair[0]);
  if (!min.ok) return { ...min, subpath: 'min' };
  const max = integer(1, '20')(pair[1]);
  if (!max.ok) return { ...max, subpath: 'max' };
  if (max.value < min.value) return bad(`max replicas (${max.value}) is below min (${min.value})`, 'make max ≥ min, e.g. [5, 20]');
  return ok({ min: min.value, max: max.value });
}

function batch(raw: unknown): ValueResult<number | null> {
  if (raw === 'auto' || raw === null) return ok(null);
  const r = count(raw);
  return r.ok ? r : bad(r.problem, 'write a whole number of items ≥ 1, or auto');
}

function boolean(raw: unknown): ValueResult<boolean> {
  return typeof raw === 'boolean' ? ok(raw) : bad(`${show(raw)} is not true or false`, 'write true or false');
}

export const PARSERS: { [K in ValueKind]: Parser<KindValue[K]> } = {
  duration: parseDurationValue,
  transfer: parseTransferValue,
  size: fromUnits(parseSize),
  rate: (raw) => {
    const r = fromUnits(parseRate)(raw);
    return r.ok && r.value <= 0 ? bad(`${show(raw)} is no rate at all`, 'write a rate above 0, e.g. 100/s') : r;
  },
  count,
  whole: integer(0, '0'),
  fraction: number((x) => x >= 0 && x <= 1, 'a fraction between 0 and 1', 'a number from 0 to 1, e.g. 0.25'),
  positive: number((x) => x > 0, 'a number above 0', 'a number above 0, e.g. 10'),
  boolean,
  replicas,
  batch,
  data: oneOf(DATA_MODES),
  pattern: oneOf(PATTERNS),
  optionalCount: optional(count),
  optionalSize: optional(fromUnits(parseSize)),
  optionalPositive: optional(number((x) => x > 0, 'a number above 0', 'a number above 0, e.g. 4')),
};

/**
 * The setting's bound (bounds.ts) on a parsed value, or undefined when it is within. Durations
 * are bounded value by value as they parse; here only a single fixed duration is compared
 * with a setting's own minimum (the TTLs).
 */
const UNIT_KINDS: readonly ValueKind[] = ['duration', 'transfer', 'size', 'optionalSize', 'rate'];

export function boundProblem(field: Field, value: unknown, raw: unknown): { subpath: string; problem: string; fix: string } | undefined {
  const bound = boundOf(field);
  if (bound === undefined) return undefined;
  const check = (x: number, subpath = ''): { subpath: string; problem: string; fix: string } | undefined => {
    const out = outside(bound, x, show(raw), UNIT_KINDS.includes(field.kind));
    return out && { subpath, ...out };
  };
  if (typeof value === 'number') return check(value);
  if (isRecord(value)) {
    if (field.kind === 'replicas' && typeof value.min === 'number' && typeof value.max === 'number') return check(value.min, 'min') ?? check(value.max, 'max');
    if (field.kind === 'duration' && value.kind === 'fixed' && typeof value.value === 'number') return check(value.value);
  }
  return undefined;
}
