// Writes schemas/{profile,scenario,workflow,budget}.schema.json from the field
// registry (run after a build). A test fails when the committed files drift from the code.
import { writeFileSync } from 'node:fs';
import { budgetSchema } from '../dist/config/budgetSchema.js';
import { profileSchema, scenarioSchema, workflowSchema } from '../dist/config/jsonSchema.js';

for (const [name, make] of [['profile', profileSchema], ['scenario', scenarioSchema], ['workflow', workflowSchema], ['budget', budgetSchema]]) {
  writeFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), `${JSON.stringify(make(), null, 2)}\n`);
}
