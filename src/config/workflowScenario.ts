// One step of a workflow as the core Scenario it runs as: the run-wide settings, then its
// environment's pool, then the step's own fields, built and checked by buildScenario. Problems
// name the key where the user wrote it (`steps.embed.batchSize`, `environments.gpu.replicas`).
import type { Finding } from '../core/findings.js';
import type { Pool, Pricing } from '../core/model.js';
import type { WorkflowStep } from '../core/workflow/types.js';
import { formatBytes } from '../core/units.js';
import { buildScenario, ignoredSettings } from './buildScenario.js';
import type { InputProblem } from './errors.js';
import { FIELD_BY_PATH } from './fields.js';
import { mergeLayers, parseField, type Layer } from './layer.js';
import type { RawEnvironment, RawStep } from './workflowParts.js';

/** What a kind sets for itself: a task is one item in a batch of one; a trace step runs as traces. */
function kindLayer(step: RawStep): Layer {
  const layer: Layer = new Map();
  const set = (path: string, raw: unknown): void => {
    const field = FIELD_BY_PATH.get(path);
    if (!field) throw new Error(`internal: no field ${path}`);
    const parsed = parseField(field, raw, `kind ${step.kind}`, () => ({}));
    if ('problem' in parsed) throw new Error(`internal: ${path} ${parsed.problem}`);
    layer.set(path, parsed);
  };
  // The schedule places the step; the driver's start is the workflow's `driver.start`.
  set('environment.parentStart', '0s');
  if (step.kind !== 'map') {
    if (!step.layer.has('workload.items')) set('workload.items', 1);
    set('workload.batchSize', 1);
  }
  if (step.kind === 'trace') set('workload.pattern', 'trace');
  return layer;
}

export function environmentOf(base: Layer, env: RawEnvironment): { pool: Pool; pricing: Pricing } {
  const built = buildScenario(mergeLayers([base, env.layer]));
  return { pool: built.scenario.pool, pricing: built.scenario.pricing };
}

export function stepScenario(source: string, base: Layer, raw: RawStep, env: RawEnvironment | null, parentEnvironment: string | null): { step: WorkflowStep; problems: InputProblem[]; findings: Finding[] } {
  const memory = memoryLayer(source, raw, env);
  const settings = mergeLayers([base, env?.layer ?? new Map(), kindLayer(raw), memory.layer, raw.layer]);
  const built = buildScenario(settings);
  const shown = (path: string): string => raw.display.get(path) ?? env?.display.get(path) ?? path;
  const problems = [...memory.problems, ...built.problems.map((p) => ({ ...p, path: shown(p.path) }))];
  const ignored = env ? ignoredSettings(settings, built.scenario).map((f) => ({ ...f, message: `${raw.name}: ${f.message.replace(/environment\.(\w+)/g, (_, key: string) => `environments.${env.name}.${key}`)}` })) : [];
  const step: WorkflowStep = {
    name: raw.name,
    kind: raw.kind,
    environment: raw.environment,
    after: raw.after,
    parents: raw.parents,
    parentEnvironment,
    traceConcurrency: raw.traceConcurrency,
    scenario: built.scenario,
  };
  return { step, problems, findings: ignored };
}

/**
 * An environment's `memory` is what one container has: a step that asks for more per task, or
 * whose single item needs more, can never run there (exit 2). A step that does not say its
 * task memory gets the environment's, so the batch size respects it.
 */
function memoryLayer(source: string, raw: RawStep, env: RawEnvironment | null): { layer: Layer; problems: InputProblem[] } {
  const layer: Layer = new Map();
  const problems: InputProblem[] = [];
  const has = env?.memoryBytes ?? null;
  if (env === null || has === null) return { layer, problems };
  const task = raw.layer.get('workload.taskMemory');
  const item = raw.layer.get('workload.itemMemory');
  const value = (s: typeof task): number | null => (typeof s?.value === 'number' ? s.value : null);
  const place = (s: typeof task) => (s?.at?.line !== undefined ? { line: s.at.line, column: s.at.column ?? 1 } : {});
  const taskBytes = value(task);
  if (taskBytes !== null && taskBytes > has) {
    problems.push({ source, path: `steps.${raw.name}.taskMemory`, problem: `asks for ${formatBytes(taskBytes)} per task, but environment ${env.name} has ${formatBytes(has)}: it can never run this step`, fix: `give environments.${env.name}.memory at least ${formatBytes(taskBytes)}, or run the step on an environment with more memory`, ...place(task) });
  }
  const itemBytes = value(item);
  if (itemBytes !== null && itemBytes > Math.min(has, taskBytes ?? has)) {
    problems.push({ source, path: `steps.${raw.name}.itemMemory`, problem: `one item needs ${formatBytes(itemBytes)}, more than a container of environment ${env.name} has (${formatBytes(Math.min(has, taskBytes ?? has))}): it can never run this step`, fix: `give environments.${env.name}.memory at least ${formatBytes(itemBytes)}, or split the items`, ...place(item) });
  }
  if (task === undefined) layer.set('workload.taskMemory', { value: has, source: `environment ${env.name}` });
  return { layer, problems };
}
