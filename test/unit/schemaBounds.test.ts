// The JSON Schemas and the CLI agree on every bound: for each setting, values at, just inside
// and just outside each end of its bound (bounds.ts), in every unit, are accepted by the
// scenario schema (checked with Ajv, an independent validator) exactly when the CLI's parser
// accepts them. Exponent forms are left out: the schema asks for plain decimals (boundSchema.ts).
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { boundOf, MAX_SIGMA } from '../../src/config/bounds.js';
import { FIELDS, fieldPath, SINGLE_DURATIONS, type Field } from '../../src/config/fields.js';
import { scenarioSchema } from '../../src/config/jsonSchema.js';
import { parseField } from '../../src/config/layer.js';
import { DURATION_SECONDS, SIZE_BYTES } from '../../src/core/units.js';

const ajv = new Ajv({ strict: false, allErrors: false });
const validate = ajv.compile(scenarioSchema());
const schemaAccepts = (field: Field, value: unknown): boolean => validate({ [field.section]: { [field.key]: value } });
const cliAccepts = (field: Field, value: unknown): boolean => !('problem' in parseField(field, value, 'test', () => ({})));

/** A plain decimal for x, to 12 places at most (the precision the patterns use). */
const decimal = (x: number): string => {
  const text = x.toFixed(12).replace(/\.?0+$/, '');
  return text === '' ? '0' : text;
};
/** Points around a bound end: the end itself and 0.1% (or one unit) to either side. */
const around = (x: number): number[] => [x, x * 1.001 + (x === 0 ? 1e-3 : 0), x * 0.999 - (x === 0 ? 1e-3 : 0)].filter((v) => v >= 0);

function samples(field: Field): unknown[] {
  const bound = boundOf(field);
  if (bound === undefined) return [];
  const ends = [...around(bound.min), ...around(bound.max), (bound.min + bound.max) / 2];
  const inUnits = (factors: Readonly<Record<string, number>>, suffix: (u: string) => string): string[] =>
    Object.entries(factors).flatMap(([unit, factor]) => ends.map((x) => `${decimal(x / factor)}${suffix(unit)}`));
  switch (field.kind) {
    case 'duration':
    case 'transfer': {
      const strings = inUnits(DURATION_SECONDS, (u) => u);
      if (SINGLE_DURATIONS.includes(fieldPath(field))) return [...strings, ...strings.map((value) => ({ dist: 'fixed', value }))];
      return [...strings, ...strings.map((s) => [s]), ...[0, 1, MAX_SIGMA, MAX_SIGMA + 0.01, 1000].map((sigma) => ({ dist: 'lognormal', median: '1s', sigma }))];
    }
    case 'size':
    case 'optionalSize':
      return inUnits(SIZE_BYTES, (u) => u);
    case 'rate':
      return inUnits({ s: 1, m: 1 / 60, h: 1 / 3600 }, (u) => `/${u}`);
    case 'replicas':
      return [...ends.map(Math.round), ...ends.map((x) => [0, Math.round(x)]), ...ends.map((x) => `1:${Math.round(x)}`)];
    case 'count':
    case 'whole':
    case 'optionalCount':
    case 'batch':
      return [...ends.map(Math.round), ...ends.map(Math.round).map((x) => x + 1), ...ends.map(Math.round).map((x) => x - 1)];
    default:
      return ends;
  }
}

const bounded = FIELDS.filter((f) => boundOf(f) !== undefined);

describe('the scenario schema and the CLI accept the same values at every bound', () => {
  it.each(bounded.map((f) => [fieldPath(f), f] as const))('%s', (_path, field) => {
    const disagreements = samples(field).filter((v) => schemaAccepts(field, v) !== cliAccepts(field, v));
    expect(disagreements.map((v) => [v, schemaAccepts(field, v), cliAccepts(field, v)])).toEqual([]);
  });

  it('bandwidths at their bounds, in every unit', () => {
    const field = FIELDS.find((f) => f.key === 'upload');
    if (!field) throw new Error('no upload field');
    const values = Object.entries(SIZE_BYTES).flatMap(([unit, factor]) => [1, 1.001, 0.999, 1024 ** 5, 1024 ** 5 * 1.001].map((x) => ({ latency: '10ms', bandwidth: `${decimal(x / factor)}${unit}/s` })));
    expect(values.filter((v) => schemaAccepts(field, v) !== cliAccepts(field, v))).toEqual([]);
  });

  it('the TTL of the issue: scaledownTtl 10s is rejected by both, 30s accepted by both', () => {
    const ttl = FIELDS.find((f) => f.key === 'scaledownTtl');
    if (!ttl) throw new Error('no scaledownTtl field');
    expect([schemaAccepts(ttl, '10s'), cliAccepts(ttl, '10s')]).toEqual([false, false]);
    expect([schemaAccepts(ttl, '30s'), cliAccepts(ttl, '30s')]).toEqual([true, true]);
    expect([schemaAccepts(ttl, '0.5m'), cliAccepts(ttl, '0.5m')]).toEqual([true, true]);
  });
});
