import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { budgetSchema } from '../../src/config/budgetSchema.js';
import { profileSchema, scenarioSchema, workflowSchema } from '../../src/config/jsonSchema.js';
import { referenceDoc } from '../../src/app/referenceDoc.js';
import { FIELDS } from '../../src/config/fields.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

// The committed schemas and reference are generated from the field registry; when a field
// changes, these fail until `npm run schemas` and `npm run reference` are run again.
describe('generated files match the field registry', () => {
  it('schemas/*.schema.json', () => {
    expect(JSON.parse(read('schemas/profile.schema.json'))).toEqual(profileSchema());
    expect(JSON.parse(read('schemas/scenario.schema.json'))).toEqual(scenarioSchema());
    expect(JSON.parse(read('schemas/workflow.schema.json'))).toEqual(workflowSchema());
    expect(JSON.parse(read('schemas/budget.schema.json'))).toEqual(budgetSchema());
  });

  it('docs/reference.md lists every field with its flag', () => {
    const doc = read('docs/reference.md');
    expect(doc).toBe(referenceDoc());
    for (const f of FIELDS) expect(doc).toContain(`| \`${f.key}\` |`);
  });
});
