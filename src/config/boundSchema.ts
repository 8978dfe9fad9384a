// The bounds of bounds.ts in JSON Schema terms: minimum/maximum for plain numbers, and for
// values with a unit a pattern per unit (decimalPattern.ts), so an editor rejects what the
// CLI rejects (scaledownTtl: 10s). Exponent forms (1e3ms) are left to the CLI: a pattern
// cannot compare them, so the schema asks for plain decimals where a bound applies.
import { DURATION_SECONDS, RATE_SECONDS, SIZE_BYTES } from '../core/units.js';
import { atLeast, atMost } from './decimalPattern.js';
import type { Bound } from './bounds.js';

type Schema = Record<string, unknown>;

/** A plain number within the bound (integer counts add `type: integer` themselves). */
export function numberBound(bound: Bound): Schema {
  return { ...(bound.exclusiveMin ? { exclusiveMinimum: bound.min } : { minimum: bound.min }), maximum: bound.max };
}

/** A string "<decimal><unit>" within the bound; `inUnit` turns a core-unit value into the unit's. */
function unitPattern(bound: Bound, units: readonly string[], inUnit: (x: number, unit: string) => number, suffix: (unit: string) => string): string {
  const alts = units.map((unit) => {
    const low = bound.min > 0 ? `(?=${atLeast(inUnit(bound.min, unit))}\\s*${suffix(unit)}\\s*$)` : '';
    return `${low}${atMost(inUnit(bound.max, unit))}\\s*${suffix(unit)}`;
  });
  return `^\\s*(${alts.join('|')})\\s*$`;
}

const per = (table: Readonly<Record<string, number>>) => (x: number, unit: string): number => x / (table[unit] ?? 1);
const DURATION_UNITS = Object.keys(DURATION_SECONDS);
const SIZE_UNITS = Object.keys(SIZE_BYTES);
/** `min` before `m`, so the pattern's alternatives try the longer unit first. */
const RATE_UNITS = ['s', 'min', 'm', 'h'];

export const durationPattern = (bound: Bound): string => unitPattern(bound, DURATION_UNITS, per(DURATION_SECONDS), (u) => u);
export const sizePattern = (bound: Bound): string => unitPattern(bound, SIZE_UNITS, per(SIZE_BYTES), (u) => u);
/** A rate in the core unit is per second: n per hour is n/3600 per second, so x per second is 3600x per hour. */
export const ratePattern = (bound: Bound): string => unitPattern(bound, RATE_UNITS, (x, u) => x * (RATE_SECONDS[u as keyof typeof RATE_SECONDS] ?? 1), (u) => `\\/\\s*${u}`);
export const bandwidthPattern = (bound: Bound): string => unitPattern(bound, SIZE_UNITS, per(SIZE_BYTES), (u) => `${u}\\s*\\/\\s*s`);

/** "MIN:MAX" replicas: two whole numbers within the bound. */
export const pairPattern = (bound: Bound): string => `^(?=[\\d\\s:]*$)\\s*${atMost(bound.max)}\\s*:\\s*(?=${atLeast(1)}\\s*$)${atMost(bound.max)}\\s*$`;
