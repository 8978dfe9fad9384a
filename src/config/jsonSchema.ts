// JSON Schemas for profile and scenario files, generated from the field registry so editors
// complete exactly what the validator accepts.
import { bandwidthPattern, durationPattern, numberBound, pairPattern, ratePattern, sizePattern } from './boundSchema.js';
import { BANDWIDTH, boundOf, boundWords, DURATION, SIGMA, type Bound } from './bounds.js';
import { FIELDS, fieldPath, PROFILE_SECTIONS, SECTIONS, SINGLE_DURATIONS, type Field, type Section } from './fields.js';

type Schema = Record<string, unknown>;

const DURATION_STRING: Schema = { type: 'string', pattern: durationPattern(DURATION), examples: ['120ms', '1.5s', '2m'] };
const DURATION_VALUE: Schema = {
  oneOf: [
    DURATION_STRING,
    { type: 'array', items: DURATION_STRING, minItems: 1, description: 'measured samples' },
    { type: 'object', properties: { median: DURATION_STRING, p95: DURATION_STRING }, required: ['median', 'p95'], additionalProperties: false },
    {
      type: 'object',
      required: ['dist'],
      properties: {
        dist: { enum: ['fixed', 'uniform', 'exponential', 'lognormal', 'empirical'] },
        value: DURATION_STRING,
        min: DURATION_STRING,
        max: DURATION_STRING,
        mean: DURATION_STRING,
        median: DURATION_STRING,
        p95: DURATION_STRING,
        sigma: { type: 'number', ...numberBound(SIGMA) },
        samples: { type: 'array', items: DURATION_STRING, minItems: 1 },
      },
      additionalProperties: false,
    },
  ],
};
const TRANSFER: Schema = {
  oneOf: [
    { $ref: '#/definitions/duration' },
    { type: 'object', properties: { latency: { $ref: '#/definitions/duration' }, bandwidth: { type: 'string', pattern: bandwidthPattern(BANDWIDTH), examples: ['80MB/s'] } }, required: ['latency', 'bandwidth'], additionalProperties: false },
  ],
};
/** Shared once per file and referenced, so the schema stays small. */
const DEFINITIONS: Schema = { duration: DURATION_VALUE, transfer: TRANSFER };

const nullable = (schema: Schema): Schema => ({ oneOf: [schema, { type: 'null' }] });

/** The schema of one setting, with the bound the CLI enforces (bounds.ts). */
function fieldSchema(field: Field): Schema {
  const bound = boundOf(field);
  const integer = (): Schema => ({ type: 'integer', ...(bound ? numberBound(bound) : {}) });
  const number = (): Schema => ({ type: 'number', ...(bound ? numberBound(bound) : {}) });
  const unit = (pattern: (b: Bound) => string, examples: string[]): Schema => ({ type: 'string', ...(bound ? { pattern: pattern(bound) } : {}), examples });
  switch (field.kind) {
    case 'duration': {
      if (!SINGLE_DURATIONS.includes(fieldPath(field))) return { $ref: '#/definitions/duration' };
      // One fixed time: a duration, or { dist: fixed, value: <duration> }.
      const single = unit(durationPattern, ['30s', '5m']);
      return { oneOf: [single, { type: 'object', properties: { dist: { const: 'fixed' }, value: single }, required: ['dist', 'value'], additionalProperties: false }] };
    }
    case 'transfer':
      return { $ref: '#/definitions/transfer' };
    case 'size':
      return unit(sizePattern, ['1KB', '10MiB']);
    case 'optionalSize':
      return nullable(unit(sizePattern, ['512MiB', '4GiB']));
    case 'rate':
      return unit(ratePattern, ['100/s']);
    case 'count':
    case 'whole':
      return integer();
    case 'optionalCount':
      return nullable(integer());
    case 'fraction':
    case 'positive':
      return number();
    case 'optionalPositive':
      return nullable(number());
    case 'boolean':
      return { type: 'boolean' };
    case 'replicas': {
      // [min, max], "MIN:MAX" or {min, max}: min from 0, max from 1. That max ≥ min is the CLI's alone.
      const min = integer();
      const max = { ...min, minimum: 1 };
      return {
        oneOf: [
          max,
          { type: 'array', items: [min, max], minItems: 2, maxItems: 2 },
          { type: 'string', pattern: pairPattern(bound ?? DURATION) },
          { type: 'object', properties: { min, max }, required: ['min', 'max'], additionalProperties: false },
        ],
      };
    }
    case 'batch':
      return { oneOf: [integer(), { const: 'auto' }] };
    case 'data':
      return { enum: ['inline', 'reference'] };
    case 'pattern':
      return { enum: ['task', 'trace'] };
  }
}

function sectionSchema(section: Section): Schema {
  const properties: Record<string, Schema> = {};
  for (const f of FIELDS.filter((x) => x.section === section)) {
    const bound = boundOf(f);
    const range = bound && f.kind !== 'boolean' ? `; ${boundWords(bound)}` : '';
    properties[f.key] = { ...fieldSchema(f), description: f.help + (f.default !== null ? ` (default ${JSON.stringify(f.default)})` : '') + range };
  }
  return { type: 'object', properties, additionalProperties: false };
}

function fileSchema(title: string, sections: readonly Section[], extra: Record<string, Schema>): Schema {
  const properties: Record<string, Schema> = { name: { type: 'string' }, description: { type: 'string' }, ...extra };
  for (const s of sections) properties[s] = sectionSchema(s);
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, type: 'object', properties, additionalProperties: false, definitions: DEFINITIONS };
}

export function profileSchema(): Schema {
  return fileSchema('flyscale profile', PROFILE_SECTIONS, {});
}

export function scenarioSchema(): Schema {
  const inlineProfile = fileSchema('inline profile', PROFILE_SECTIONS, {});
  delete inlineProfile.$schema;
  delete inlineProfile.definitions;
  return fileSchema('flyscale scenario', SECTIONS, {
    profile: { oneOf: [{ type: 'string', description: 'a built-in profile (default, flyte-oss, flyte-v1) or a path' }, inlineProfile] },
  });
}
