// The `inputs` block of every report: each resolved setting in core units, and where it came from.
import { mean, type Dist } from '../core/distribution.js';
import type { Phase } from '../core/model.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export const INPUT_UNITS = ['bytes', 'perSecond'] as const;
export type InputUnit = (typeof INPUT_UNITS)[number];

export interface ReportInput {
  value: JsonValue;
  /** The unit of a plain-number value (sizes, rates); durations name theirs inside the value. */
  unit?: InputUnit;
  source: string;
}

const isDist = (x: unknown): x is Dist => typeof x === 'object' && x !== null && 'kind' in x;
const isPhase = (x: unknown): x is Phase => typeof x === 'object' && x !== null && 'latency' in x && 'bandwidthBytesPerSecond' in x;

export function describeDist(d: Dist): JsonValue {
  switch (d.kind) {
    case 'fixed':
      return { dist: 'fixed', valueSeconds: d.value };
    case 'uniform':
      return { dist: 'uniform', minSeconds: d.min, maxSeconds: d.max };
    case 'exponential':
      return { dist: 'exponential', meanSeconds: d.mean };
    case 'lognormal':
      return { dist: 'lognormal', medianSeconds: Math.exp(d.mu), sigma: d.sigma, meanSeconds: mean(d) };
    case 'empirical':
      return { dist: 'empirical', samples: d.samples.length, meanSeconds: mean(d) };
  }
}

function describe(value: unknown): JsonValue {
  if (isPhase(value)) return { latency: describeDist(value.latency), bandwidthBytesPerSecond: value.bandwidthBytesPerSecond };
  if (isDist(value)) return describeDist(value);
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, describe(v)]));
  return String(value);
}

/** Section, then key: `inputs.environment.replicas.source`, as jq and the docs spell it. */
export type ReportInputs = Record<string, Record<string, ReportInput>>;

/**
 * Nested by section, in the registry's order, so the block reads the same every time. The
 * settings and the unit of each path come from config, which the report layer does not import.
 */
export function reportInputs(settings: ReadonlyMap<string, { value: unknown; source: string }>, unitOf: (path: string) => InputUnit | undefined): ReportInputs {
  const out: ReportInputs = {};
  for (const [path, setting] of settings) {
    const unit = unitOf(path);
    const [section, key] = splitPath(path);
    const entries = (out[section] ??= {});
    entries[key] = { value: describe(setting.value), ...(unit && setting.value !== null ? { unit } : {}), source: setting.source };
  }
  return out;
}

function splitPath(path: string): [string, string] {
  const dot = path.indexOf('.');
  return dot < 0 ? ['other', path] : [path.slice(0, dot), path.slice(dot + 1)];
}
