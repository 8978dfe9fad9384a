// One environment and one step of a workflow file, read key by key: the registry's fields
// through their parsers (placed at the file's line and column), the step's own keys here.
import { STEP_KINDS, type StepKind } from '../core/workflow/types.js';
import type { SourceDoc } from './document.js';
import { isRecord } from '../core/isRecord.js';
import type { InputProblem } from './errors.js';
import { fieldPath, type Field } from './fields.js';
import { parseField, type Layer } from './layer.js';
import { closest, unknownKeyFix } from './suggest.js';
import { PARSERS } from './values.js';
import { belongsElsewhere, ENV_FIELDS, ENV_KEYS, STEP_FIELDS, STEP_KEYS } from './workflowKeys.js';

export interface RawEnvironment {
  name: string;
  layer: Layer;
  /** Memory of one container of the environment, when declared. */
  memoryBytes: number | null;
  /** Field path (`environment.replicas`) → where the user wrote it (`environments.gpu.replicas`). */
  display: Map<string, string>;
}

export interface RawStep {
  name: string;
  kind: StepKind;
  environment: string | null;
  after: string[];
  parents: number;
  parentEnvironment: string | null;
  traceConcurrency: number;
  layer: Layer;
  display: Map<string, string>;
}

type Path = readonly (string | number)[];

function reader(doc: SourceDoc, problems: InputProblem[]) {
  const at = (path: Path, key = false): Partial<InputProblem> => doc.locate(path, key) ?? {};
  const problem = (path: Path, text: string, fix: string, key = false): void => {
    problems.push({ source: doc.source, path: path.join('.'), problem: text, fix, ...at(path, key) });
  };
  /** A registry field at `path`: parsed by its kind's parser, its problem placed where it was written. */
  const field = (layer: Layer, display: Map<string, string>, f: Field, raw: unknown, path: Path): void => {
    const result = parseField(f, raw, `workflow ${doc.source}`, (sub) => at([...path, ...sub.split(/[.[\]]/).filter(Boolean).map((x) => (/^\d+$/.test(x) ? Number(x) : x))]));
    if ('problem' in result) problems.push({ ...result, source: doc.source, path: path.join('.') + result.path.slice(fieldPath(f).length) });
    else {
      layer.set(fieldPath(f), { ...result, at: { file: doc.source, ...at(path) } });
      display.set(fieldPath(f), path.join('.'));
    }
  };
  return { at, problem, field };
}

function unknown(key: string, here: 'step' | 'environment', known: readonly string[]): string {
  return belongsElsewhere(key, here) ?? unknownKeyFix(key, known);
}

export function readEnvironment(doc: SourceDoc, name: string, value: unknown, problems: InputProblem[]): RawEnvironment {
  const { problem, field } = reader(doc, problems);
  const env: RawEnvironment = { name, layer: new Map(), memoryBytes: null, display: new Map() };
  const path = ['environments', name];
  if (!isRecord(value)) {
    problem(path, 'expected a mapping of environment settings', `write ${name}: { replicas: 2 } or ${name}: { podPerTask: true }`);
    return env;
  }
  for (const [key, raw] of Object.entries(value)) {
    const f = ENV_FIELDS.find((x) => x.key === key);
    if (f) field(env.layer, env.display, f, raw, [...path, key]);
    else if (key === 'memory') {
      const parsed = PARSERS.optionalSize(raw);
      if (parsed.ok) env.memoryBytes = parsed.value;
      else problem([...path, key], parsed.problem, parsed.fix);
    } else problem([...path, key], `unknown key "${key}"`, unknown(key, 'environment', ENV_KEYS), true);
  }
  return env;
}

export function readStep(doc: SourceDoc, name: string, value: unknown, problems: InputProblem[]): RawStep {
  const { problem, field } = reader(doc, problems);
  const step: RawStep = { name, kind: 'task', environment: null, after: [], parents: 1, parentEnvironment: null, traceConcurrency: 1, layer: new Map(), display: new Map() };
  const path = ['steps', name];
  if (!isRecord(value)) {
    problem(path, 'expected a mapping of step settings', `write ${name}: { kind: task, environment: cpu, runtime: 2m }`);
    return step;
  }
  const kind = value.kind;
  const known = STEP_KINDS.find((k) => k === kind);
  if (known === undefined) {
    const near = typeof kind === 'string' ? closest(kind, STEP_KINDS) : undefined;
    problem([...path, 'kind'], kind === undefined ? 'a step needs a kind' : `unknown kind ${JSON.stringify(kind)}`, `${near ? `did you mean "${near}"? ` : ''}write kind: ${STEP_KINDS.join(', ')}`, kind === undefined);
  } else step.kind = known;
  const count = (key: string, raw: unknown): number => {
    const parsed = PARSERS.count(raw);
    if (parsed.ok) return parsed.value;
    problem([...path, key], parsed.problem, parsed.fix);
    return 1;
  };
  const onlyFor = (key: string, kinds: readonly StepKind[], fix: string): boolean => {
    if (kinds.includes(step.kind)) return true;
    problem([...path, key], `a ${step.kind} step has no ${key}`, fix, true);
    return false;
  };
  for (const [key, raw] of Object.entries(value)) {
    const here = [...path, key];
    if (key === 'kind') continue;
    if (key === 'environment') {
      if (!onlyFor(key, ['map', 'task'], `a ${step.kind} runs in the parent's process: remove environment`)) continue;
      if (typeof raw === 'string' && raw !== '') step.environment = raw;
      else problem(here, 'expected the name of an environment', 'write environment: <a name under environments>');
    } else if (key === 'after') {
      const list = typeof raw === 'string' ? [raw] : raw;
      if (Array.isArray(list) && list.every((x): x is string => typeof x === 'string')) step.after = [...list];
      else problem(here, 'expected a list of step names', 'write after: [prepare]');
    } else if (key === 'parents') {
      if (onlyFor(key, ['map'], 'only a map step splits its items over sub-parents')) step.parents = count(key, raw);
    } else if (key === 'parentEnvironment') {
      if (!onlyFor(key, ['map'], 'only a map step has sub-parents')) continue;
      if (typeof raw === 'string') step.parentEnvironment = raw;
      else problem(here, 'expected the name of an environment', 'write parentEnvironment: driver');
    } else if (key === 'concurrency') {
      if (onlyFor(key, ['trace'], belongsElsewhere(key, 'step') ?? 'remove it')) step.traceConcurrency = count(key, raw);
    } else if (key === 'runtime') {
      const f = STEP_FIELDS.find((x) => x.key === 'itemRuntime');
      if (f) field(step.layer, step.display, f, raw, here);
    } else {
      const f = STEP_FIELDS.find((x) => x.key === key);
      if (f) field(step.layer, step.display, f, raw, here);
      else problem(here, `unknown key "${key}"`, unknown(key, 'step', STEP_KEYS), true);
    }
  }
  if ((step.kind === 'map' || step.kind === 'task') && step.environment === null && value.environment === undefined) {
    problem([...path, 'kind'], `a ${step.kind} step runs on an environment`, 'add environment: <a name under environments>');
  }
  if (step.kind === 'map' && value.items === undefined) problem([...path, 'kind'], 'a map step needs items', 'add items: <how many items the map processes>');
  if (step.kind === 'map' && value.runtime !== undefined) problem([...path, 'runtime'], 'a map step times each item', 'write itemRuntime instead of runtime', true);
  return step;
}
