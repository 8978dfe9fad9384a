// flyscale schema: the JSON Schemas of profile, scenario, workflow and budget files.
import { InputError } from '../../config/errors.js';
import { budgetSchema } from '../../config/budgetSchema.js';
import { profileSchema, scenarioSchema, workflowSchema } from '../../config/jsonSchema.js';
import { toJson } from '../../render/json.js';
import type { CommandResult } from '../result.js';

const KINDS = { profile: profileSchema, scenario: scenarioSchema, workflow: workflowSchema, budget: budgetSchema } as const;

export async function runSchema(kind: string | undefined): Promise<CommandResult> {
  if (kind === undefined) return { stdout: toJson({ profile: profileSchema(), scenario: scenarioSchema(), workflow: workflowSchema(), budget: budgetSchema() }), verdict: 'pass' };
  const make = kind === 'profile' || kind === 'scenario' || kind === 'workflow' || kind === 'budget' ? KINDS[kind] : undefined;
  if (!make) throw new InputError([{ source: 'schema', path: '', problem: `unknown schema "${kind}"`, fix: 'write flyscale schema profile, scenario, workflow or budget' }]);
  return { stdout: toJson(make()), verdict: 'pass' };
}
