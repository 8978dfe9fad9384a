// The workflow schema, checked with Ajv (an independent validator): the examples pass, and the
// mistakes the CLI refuses (an unknown key, a kind outside the list) fail.
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workflowSchema } from '../../src/config/jsonSchema.js';

const validate = new Ajv({ strict: false }).compile(workflowSchema());

describe('schemas/workflow.schema.json', () => {
  it('accepts every example workflow', () => {
    for (const name of readdirSync('examples/workflows')) expect(validate(parse(readFileSync(`examples/workflows/${name}`, 'utf8'))), name).toBe(true);
  });
  it('refuses an unknown step key, an unknown kind and a pool key on a step', () => {
    const step = (extra: Record<string, unknown>) => ({ environments: { cpu: { podPerTask: true } }, steps: { a: { kind: 'task', environment: 'cpu', ...extra } } });
    expect(validate(step({}))).toBe(true);
    expect(validate(step({ itemRuntme: '1s' }))).toBe(false);
    expect(validate(step({ kind: 'job' }))).toBe(false);
    expect(validate(step({ replicas: 2 }))).toBe(false);
  });
});
