// The range each setting may take, in the unit the core uses (seconds, bytes, per second, a
// plain number). The parsers enforce these bounds and the JSON Schemas are generated from
// them, so an editor and the CLI accept the same values. The bounds keep every estimate
// finite: a value outside them is a typo, not a workload.
import type { Field, ValueKind } from './fields.js';

/** The longest single duration: a year (8760h). Longer is a typo; 1e308s would overflow every sum. */
export const MAX_DURATION_SECONDS = 365 * 24 * 3600;
/** A lognormal wider than this has a mean above 268,000 × its median (e^(σ²/2)): a typo. */
export const MAX_SIGMA = 5;
/** Sizes up to a pebibyte. */
export const MAX_SIZE_BYTES = 1024 ** 5;
/** Bandwidths from 1B/s to 1PiB/s: below, a unit typo (1e-300B/s makes every transfer overflow). */
export const MIN_BANDWIDTH_BYTES_PER_SECOND = 1;
export const MAX_BANDWIDTH_BYTES_PER_SECOND = 1024 ** 5;
/** Rates from one an hour to a billion a second. */
export const MIN_RATE_PER_SECOND = 1 / 3600;
export const MAX_RATE_PER_SECOND = 1e9;
/** Counts up to 10^15: exact as doubles, and their products stay finite. */
export const MAX_COUNT = 1e15;

export interface Bound {
  /** Smallest allowed value, in the core unit; `exclusiveMin` when the value must be above it. */
  min: number;
  exclusiveMin?: boolean;
  max: number;
  /** The bounds as a person writes them, for messages and the schema's descriptions. */
  minText: string;
  maxText: string;
}

const b = (min: number, minText: string, max: number, maxText: string, exclusiveMin = false): Bound => ({ min, minText, max, maxText, ...(exclusiveMin ? { exclusiveMin } : {}) });

export const DURATION = b(0, '0s', MAX_DURATION_SECONDS, '8760h (a year)');
const SIZE = b(0, '0B', MAX_SIZE_BYTES, '1024TiB');
const COUNT = b(1, '1', MAX_COUNT, '10^15');
export const BANDWIDTH = b(MIN_BANDWIDTH_BYTES_PER_SECOND, '1B/s', MAX_BANDWIDTH_BYTES_PER_SECOND, '1024TiB/s');
export const SIGMA = b(0, '0', MAX_SIGMA, String(MAX_SIGMA));

const KIND_BOUNDS: Partial<Record<ValueKind, Bound>> = {
  duration: DURATION,
  transfer: DURATION,
  size: SIZE,
  optionalSize: SIZE,
  rate: b(MIN_RATE_PER_SECOND, '1/h', MAX_RATE_PER_SECOND, '1000000000/s'),
  count: COUNT,
  optionalCount: COUNT,
  batch: COUNT,
  replicas: b(0, '0', MAX_COUNT, '10^15'),
  whole: b(0, '0', MAX_COUNT, '10^15'),
  fraction: b(0, '0', 1, '1'),
  positive: b(0, '0', 1e6, '1000000', true),
  optionalPositive: b(0, '0', 1e6, '1000000', true),
};

/** Per setting, where it differs from its kind. */
const FIELD_BOUNDS: Readonly<Record<string, Bound>> = {
  // Flyte's floor for ReusePolicy.scaledown_ttl and idle_ttl (flyte-sdk).
  'environment.scaledownTtl': b(30, "30s (Flyte's minimum)", MAX_DURATION_SECONDS, '8760h (a year)'),
  'environment.idleTtl': b(30, "30s (Flyte's minimum)", MAX_DURATION_SECONDS, '8760h (a year)'),
  // More retries is a typo or a broken task; the estimate's cost also grows with them.
  'failures.retries': b(0, '0', 100, '100 (with that many failures, fix the failure instead)'),
  // A pool is pods: more than 100,000 is no cluster, and the simulator keeps state per slot.
  'environment.replicas': b(0, '0', 100_000, '100000'),
  'environment.concurrency': b(1, '1', 10_000, '10000'),
  'environment.replicaCpus': b(0.001, '0.001 (one millicore)', 1e6, '1000000'),
  'environment.actionCpu': b(0.001, '0.001 (one millicore)', 1e6, '1000000'),
  'pricing.perReplicaHour': b(0, '0', 1e9, '1000000000', true),
};

export function boundOf(field: Pick<Field, 'section' | 'key' | 'kind'>): Bound | undefined {
  return FIELD_BOUNDS[`${field.section}.${field.key}`] ?? KIND_BOUNDS[field.kind];
}

/** The bound in words: "from 30s (Flyte's minimum) to 8760h (a year)". */
export const boundWords = (bound: Bound): string => `${bound.exclusiveMin ? `above ${bound.minText}` : `from ${bound.minText}`} ${bound.exclusiveMin ? 'and at most' : 'to'} ${bound.maxText}`;

/** A problem when a number in the core unit lies outside the bound; `shown` is the value as written. */
export function outside(bound: Bound, value: number, shown: string, inexact = false): { problem: string; fix: string } | undefined {
  // A value with a unit (1125899906842.624KB is 1024TiB) may land a rounding off the bound.
  const slack = inexact ? 1 + 1e-12 : 1;
  if (value > bound.max * slack || !Number.isFinite(value)) return { problem: `${shown} is above the maximum of ${bound.maxText}`, fix: `write at most ${bound.maxText.replace(/ \(.*\)$/, '')}` };
  if (bound.exclusiveMin ? value <= bound.min : value < bound.min / slack) return { problem: `${shown} is ${bound.exclusiveMin ? 'not above' : 'below the minimum of'} ${bound.minText}`, fix: `write ${bound.exclusiveMin ? 'more than' : 'at least'} ${bound.minText.replace(/ \(.*\)$/, '')}` };
  return undefined;
}

/** A stream of runs (docs/streams.md): its rate, its length in runs, and the day a shape repeats over. */
export const ARRIVAL_RATE = KIND_BOUNDS.rate ?? b(MIN_RATE_PER_SECOND, '1/h', MAX_RATE_PER_SECOND, '1000000000/s');
/** The simulator keeps a latency per run of each replication: ten million runs is 80 MB of them. */
export const MAX_STREAM_RUNS = 10_000_000;
export const STREAM_RUNS = b(1, '1', MAX_STREAM_RUNS, '10000000');
export const DAY_SECONDS = 24 * 3600;
