// JSON Schemas for profile and scenario files, generated from the field registry so editors
// complete exactly what the validator accepts.
import { FIELDS, PROFILE_SECTIONS, SECTIONS, type Section, type ValueKind } from './fields.js';

type Schema = Record<string, unknown>;

const DURATION_STRING: Schema = { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?(e[+-]?\\d+)?|\\.\\d+)\\s*(ms|s|m|h)\\s*$', examples: ['120ms', '1.5s', '2m'] };
const SIZE: Schema = { type: 'string', pattern: '^\\s*(\\d+(\\.\\d+)?|\\.\\d+)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\\s*$', examples: ['1KB', '10MiB'] };
const DURATION: Schema = {
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
        sigma: { type: 'number', minimum: 0 },
        samples: { type: 'array', items: DURATION_STRING, minItems: 1 },
      },
      additionalProperties: false,
    },
  ],
};
const COUNT: Schema = { type: 'integer', minimum: 1 };
const TRANSFER: Schema = {
  oneOf: [{ $ref: '#/definitions/duration' }, { type: 'object', properties: { latency: { $ref: '#/definitions/duration' }, bandwidth: { type: 'string', pattern: '/\\s*s\\s*$', examples: ['80MB/s'] } }, required: ['latency', 'bandwidth'], additionalProperties: false }],
};
/** Shared once per file and referenced, so the schema stays small. */
const DEFINITIONS: Schema = { duration: DURATION, transfer: TRANSFER };

const KIND_SCHEMAS: Record<ValueKind, Schema> = {
  duration: { $ref: '#/definitions/duration' },
  transfer: { $ref: '#/definitions/transfer' },
  size: SIZE,
  rate: { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*/\\s*(s|m|h)\\s*$', examples: ['100/s'] },
  count: COUNT,
  whole: { type: 'integer', minimum: 0 },
  fraction: { type: 'number', minimum: 0, maximum: 1 },
  positive: { type: 'number', exclusiveMinimum: 0 },
  boolean: { type: 'boolean' },
  replicas: {
    oneOf: [
      { type: 'integer', minimum: 1 },
      { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 2, maxItems: 2 },
      { type: 'string', pattern: '^\\s*\\d+\\s*:\\s*\\d+\\s*$' },
      { type: 'object', properties: { min: { type: 'integer', minimum: 0 }, max: COUNT }, required: ['min', 'max'], additionalProperties: false },
    ],
  },
  batch: { oneOf: [COUNT, { const: 'auto' }] },
  data: { enum: ['inline', 'reference'] },
  pattern: { enum: ['task', 'trace'] },
  optionalCount: { oneOf: [COUNT, { type: 'null' }] },
  optionalSize: { oneOf: [SIZE, { type: 'null' }] },
  optionalPositive: { oneOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }] },
};

function sectionSchema(section: Section): Schema {
  const properties: Record<string, Schema> = {};
  for (const f of FIELDS.filter((x) => x.section === section)) {
    properties[f.key] = { ...KIND_SCHEMAS[f.kind], description: f.help + (f.default !== null ? ` (default ${JSON.stringify(f.default)})` : '') };
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
