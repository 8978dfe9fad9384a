// flyscale schema: the JSON Schemas of profile and scenario files.
import { InputError } from '../../config/errors.js';
import { profileSchema, scenarioSchema } from '../../config/jsonSchema.js';
import { toJson } from '../../render/json.js';
import type { CommandResult } from '../result.js';

const KINDS = { profile: profileSchema, scenario: scenarioSchema } as const;

export function runSchema(kind: string | undefined): CommandResult {
  if (kind === undefined) return { stdout: toJson({ profile: profileSchema(), scenario: scenarioSchema() }), exitCode: 0 };
  const make = kind === 'profile' || kind === 'scenario' ? KINDS[kind] : undefined;
  if (!make) throw new InputError([{ source: 'schema', path: '', problem: `unknown schema "${kind}"`, fix: 'write flyscale schema profile, or flyscale schema scenario' }]);
  return { stdout: toJson(make()), exitCode: 0 };
}
