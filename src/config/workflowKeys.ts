// The keys of a workflow file (docs/model.md, "Workflows"): which registry fields a step or an
// environment may set, and the keys of their own. Values go through the field registry's parsers.
import { FIELDS, type Field } from './fields.js';

/** Top-level keys of a workflow file; the shared sections apply to every step. */
export const WORKFLOW_SECTIONS = ['phases', 'limits', 'failures', 'pricing'] as const;
export const WORKFLOW_KEYS = ['name', 'description', 'profile', 'driver', 'environments', 'steps', 'arrivals', ...WORKFLOW_SECTIONS] as const;

/** What an environment declares: its pool, as ReusePolicy or pods, and a price. */
const ENVIRONMENT_FIELDS = ['podPerTask', 'clusterSlots', 'replicas', 'concurrency', 'scaledownTtl', 'idleTtl', 'startCold', 'replicaCpus', 'actionCpu', 'perReplicaHour'] as const;
/** Keys of an environment that are not registry fields. */
export const ENVIRONMENT_OWN_KEYS = ['memory'] as const;

/** The step's own keys; `runtime` is `itemRuntime` of a single item, `concurrency` a trace step's concurrent calls. */
export const STEP_OWN_KEYS = ['kind', 'environment', 'after', 'parents', 'parentEnvironment', 'runtime', 'concurrency'] as const;
/** Registry fields a step may set: its workload (the kind sets the pattern), failures and the map's limits. */
const STEP_SECTIONS = ['workload', 'failures'] as const;
const STEP_RUN_FIELDS = ['mapConcurrency', 'maxActionConcurrency', 'queueConcurrency'] as const;

export const STEP_FIELDS: readonly Field[] = FIELDS.filter((f) => (STEP_SECTIONS.some((s) => s === f.section) && f.key !== 'pattern') || STEP_RUN_FIELDS.some((k) => k === f.key));
export const ENV_FIELDS: readonly Field[] = FIELDS.filter((f) => ENVIRONMENT_FIELDS.some((k) => k === f.key));

export const STEP_KEYS: readonly string[] = [...STEP_OWN_KEYS, ...STEP_FIELDS.map((f) => f.key)];
export const ENV_KEYS: readonly string[] = [...ENVIRONMENT_FIELDS, ...ENVIRONMENT_OWN_KEYS];

/** Where a key that is in the wrong place belongs, for the fix. */
export function belongsElsewhere(key: string, here: 'step' | 'environment'): string | null {
  if (here === 'step' && ENV_KEYS.includes(key)) return `"${key}" belongs to an environment: set it under environments.<name>, and give the step environment: <name>`;
  if (here === 'environment' && STEP_KEYS.includes(key)) return `"${key}" belongs to a step: set it under steps.<name>`;
  if (key === 'pattern') return 'a step says how it runs with kind: map, task, trace or local';
  const field = FIELDS.find((f) => f.key === key);
  return field ? `"${key}" is a run-wide setting: set it under ${field.section}: at the top of the file` : null;
}
