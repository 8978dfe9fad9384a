// Writes schemas/profile.schema.json and schemas/scenario.schema.json from the field
// registry (run after a build). A test fails when the committed files drift from the code.
import { writeFileSync } from 'node:fs';
import { profileSchema, scenarioSchema } from '../dist/config/jsonSchema.js';

for (const [name, make] of [['profile', profileSchema], ['scenario', scenarioSchema]]) {
  writeFileSync(new URL(`../schemas/${name}.schema.json`, import.meta.url), `${JSON.stringify(make(), null, 2)}\n`);
}
