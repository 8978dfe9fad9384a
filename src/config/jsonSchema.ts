// JSON Schemas for profile and scenario files, generated from the field registry so editors
// complete exactly what the validator accepts.
import { bandwidthPattern, durationPattern, numberBound, pairPattern, ratePattern, sizePattern } from './boundSchema.js';
import { BANDWIDTH, boundOf, boundWords, DURATION, SIGMA, type Bound } from './bounds.js';
import { STEP_KINDS } from '../core/workflow/types.js';
import { arrivalsSchema } from './arrivalsSchema.js';
import { FIELD_BY_PATH, FIELDS, fieldPath, PROFILE_SECTIONS, SECTIONS, SINGLE_DURATIONS, type Field, type Section } from './fields.js';
import { ENV_FIELDS, STEP_FIELDS, WORKFLOW_SECTIONS } from './workflowKeys.js';

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

/** A field as a property: its schema, its help, its default and its range. */
function fieldProperty(f: Field): Schema {
  const bound = boundOf(f);
  const range = bound && f.kind !== 'boolean' ? `; ${boundWords(bound)}` : '';
  return { ...fieldSchema(f), description: f.help + (f.default !== null ? ` (default ${JSON.stringify(f.default)})` : '') + range };
}

function sectionSchema(section: Section): Schema {
  const properties: Record<string, Schema> = {};
  for (const f of FIELDS.filter((x) => x.section === section)) properties[f.key] = fieldProperty(f);
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
    arrivals: arrivalsSchema({ $ref: '#/definitions/duration' }),
  });
}

/** A workflow file: the run-wide sections, environments and steps, their fields from the registry. */
export function workflowSchema(): Schema {
  const props = (fields: readonly Field[]): Record<string, Schema> => Object.fromEntries(fields.map((f) => [f.key, fieldProperty(f)]));
  const memoryField = FIELD_BY_PATH.get('workload.taskMemory');
  const COUNT: Schema = { type: 'integer', minimum: 1 };
  const name = { type: 'string', description: 'the name of an environment under environments' };
  const environment: Schema = { type: 'object', properties: { ...props(ENV_FIELDS), memory: { ...(memoryField ? fieldSchema(memoryField) : {}), description: 'memory of one container; a step asking for more cannot run here' } }, additionalProperties: false };
  const step: Schema = {
    type: 'object',
    required: ['kind'],
    properties: {
      kind: { enum: [...STEP_KINDS], description: 'map: a fan-out of items; task: one action; trace: @flyte.trace calls in the parent; local: work inside the parent' },
      environment: { ...name, description: 'where a map or task runs' },
      after: { type: 'array', items: { type: 'string' }, description: 'steps that must end first' },
      parents: { ...COUNT, description: 'sub-parents a map splits its items over (nested fan-out)' },
      parentEnvironment: { ...name, description: "where the sub-parents run (default: the driver's environment)" },
      runtime: { $ref: '#/definitions/duration', description: 'the runtime of a task, trace call or local step' },
      concurrency: { ...COUNT, description: 'trace calls running at once in the parent (asyncio)' },
      ...props(STEP_FIELDS),
    },
    additionalProperties: false,
  };
  const base = scenarioSchema();
  const scenarioProps = isSchema(base.properties) ? base.properties : {};
  const shared = Object.fromEntries(WORKFLOW_SECTIONS.map((s) => [s, sectionSchema(s)]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'flyscale workflow',
    type: 'object',
    required: ['steps'],
    properties: {
      name: { type: 'string' },
      description: { type: 'string' },
      profile: scenarioProps.profile ?? { type: 'string' },
      driver: { type: 'object', properties: { environment: name, start: { ...DURATION_STRING, description: 'time before the driver submits anything, its container start included' } }, additionalProperties: false },
      environments: { type: 'object', additionalProperties: environment },
      steps: { type: 'object', minProperties: 1, additionalProperties: step },
      arrivals: arrivalsSchema({ $ref: '#/definitions/duration' }),
      ...shared,
    },
    additionalProperties: false,
    definitions: DEFINITIONS,
  };
}

const isSchema = (x: unknown): x is Record<string, Schema> => typeof x === 'object' && x !== null;
