// A workflow file (docs/model.md, "Workflows"): environments and steps, every value through the
// field registry's parsers, every problem with its file, line, column, key path and fix; then
// one core Scenario per step, merged as defaults < profile < the file's sections < flags <
// the step's environment < the step.
import { dirname, resolve } from 'node:path';
import type { Finding } from '../core/findings.js';
import { topologicalOrder } from '../core/workflow/graph.js';
import type { Workflow, WorkflowEnvironment, WorkflowStep } from '../core/workflow/types.js';
import type { SourceDoc } from './document.js';
import { isRecord } from '../core/isRecord.js';
import { InputError, type InputProblem } from './errors.js';
import { FIELD_BY_PATH, type Field } from './fields.js';
import { layerFromDoc, mergeLayers, parseField, type Layer } from './layer.js';
import { defaultLayer, fileProfile, flagLayer, readDoc } from './load.js';
import { closest, unknownKeyFix } from './suggest.js';
import { readArrivals, type ArrivalSources } from './arrivals.js';
import type { ArrivalFlags } from './arrivalsKeys.js';
import type { ArrivalsSpec } from '../core/stream/arrivalsSpec.js';
import { WORKFLOW_KEYS, WORKFLOW_SECTIONS } from './workflowKeys.js';
import { readEnvironment, readStep, type RawEnvironment, type RawStep } from './workflowParts.js';
import { environmentOf, stepScenario } from './workflowScenario.js';

export interface LoadedWorkflow {
  workflow: Workflow;
  name: string;
  profileName: string;
  file: string;
  /** The run-wide settings (defaults, profile, the file's sections, flags). */
  settings: Layer;
  findings: Finding[];
  /** The stream of runs the file's `arrivals:` and the stream flags describe; null: one run. */
  arrivals: ArrivalsSpec | null;
  /** Where each arrival setting came from. */
  arrivalSources: ArrivalSources;
}

/** A file is a workflow when it has `steps:`; anything else is a scenario, read as before. */
export const isWorkflowData = (data: Record<string, unknown>): boolean => 'steps' in data;

export function loadWorkflowDoc(doc: SourceDoc, filePath: string, profileFlag: string | undefined, flags: Readonly<Record<string, string>>, cwd: string, arrivalFlags: ArrivalFlags = {}): LoadedWorkflow {
  const problems: InputProblem[] = [];
  const at = (path: readonly (string | number)[], key = false): Partial<InputProblem> => doc.locate(path, key) ?? {};
  const problem = (path: readonly (string | number)[], text: string, fix: string, key = false): void => {
    problems.push({ source: doc.source, path: path.join('.'), problem: text, fix, ...at(path, key) });
  };
  for (const key of Object.keys(doc.data)) {
    if (!WORKFLOW_KEYS.some((k) => k === key)) problem([key], `unknown key "${key}"`, key === 'workload' || key === 'environment' ? `a workflow sets ${key} settings per step and environment (steps.<name>, environments.<name>)` : unknownKeyFix(key, WORKFLOW_KEYS), true);
  }
  const profile = fileProfile(doc, profileFlag, { prefix: [], dir: dirname(filePath), label: doc.source, cwd });
  problems.push(...profile.problems);
  const sectionsDoc: SourceDoc = { ...doc, data: Object.fromEntries(Object.entries(doc.data).filter(([k]) => WORKFLOW_SECTIONS.some((s) => s === k))) };
  const sections = layerFromDoc(sectionsDoc, 'scenario', `workflow ${doc.source}`);
  problems.push(...sections.problems);
  const flagged = flagLayer(flags);
  problems.push(...flagged.problems);
  const stream = readArrivals(doc, [], arrivalFlags, `workflow ${doc.source}`);
  problems.push(...stream.problems);
  for (const path of flagged.layer.keys()) {
    const section = path.split('.')[0] ?? '';
    if (!WORKFLOW_SECTIONS.some((s) => s === section)) problems.push({ source: flagged.layer.get(path)?.at?.file ?? 'flag', path, problem: 'this flag sets one step, and a workflow has several', fix: `set ${path.split('.')[1] ?? path} on the step (steps.<name>) or its environment (environments.<name>) in ${doc.source}` });
  }

  const envs = mappingOf(doc, ['environments'], problem, false);
  const rawEnvs: RawEnvironment[] = Object.entries(envs).map(([name, value]) => readEnvironment(doc, name, value, problems));
  const stepData = mappingOf(doc, ['steps'], problem, true);
  const rawSteps: RawStep[] = Object.entries(stepData).map(([name, value]) => readStep(doc, name, value, problems));
  const envNames = rawEnvs.map((e) => e.name);
  const stepNames = rawSteps.map((s) => s.name);
  const driver = readDriver(doc, envNames, problem);
  const driverEnvironment = driver.environment ?? (envNames.includes('driver') ? 'driver' : null);
  for (const s of rawSteps) {
    const declared = (ref: string, key: string, names: readonly string[], what: string): void => {
      if (names.includes(ref)) return;
      const near = closest(ref, names);
      problem(['steps', s.name, key], `${what} "${ref}" is not declared`, `${near ? `did you mean "${near}"? ` : ''}declared ${what}s: ${names.join(', ') || 'none'}`);
    };
    if (s.environment !== null) declared(s.environment, 'environment', envNames, 'environment');
    if (s.parentEnvironment !== null) declared(s.parentEnvironment, 'parentEnvironment', envNames, 'environment');
    for (const [i, dep] of s.after.entries()) if (!stepNames.includes(dep)) declared(dep, `after.${i}`, stepNames, 'step');
  }
  if (problems.length) throw new InputError(problems);
  const order = topologicalOrder(stepNames, (name) => rawSteps.find((s) => s.name === name)?.after ?? []);
  if (!order.ok) {
    const first = order.cycle[0] ?? '';
    throw new InputError([{ source: doc.source, path: `steps.${first}.after`, problem: `the steps wait for each other in a cycle: ${order.cycle.join(' → ')}`, fix: 'remove one of these from the after list so the steps can start', ...at(['steps', first, 'after']) }]);
  }

  const base = mergeLayers([defaultLayer(), profile.layer, sections.layer, flagged.layer]);
  const built = order.order.map((name) => {
    const raw = rawSteps.find((s) => s.name === name);
    if (!raw) throw new Error(`internal: step ${name} vanished`);
    const env = rawEnvs.find((e) => e.name === raw.environment) ?? null;
    return stepScenario(doc.source, base, raw, env, raw.parents > 1 ? (raw.parentEnvironment ?? driverEnvironment ?? raw.environment) : null);
  });
  const all = dedupe(built.flatMap((b) => b.problems));
  if (all.length) throw new InputError(all);
  const steps: WorkflowStep[] = built.map((b) => b.step);
  const environments: WorkflowEnvironment[] = rawEnvs.map((e) => ({ name: e.name, ...environmentOf(base, e) }));
  const limits = built[0]?.step.scenario.limits ?? unreachable();
  const name = typeof doc.data.name === 'string' ? doc.data.name : doc.source;
  const workflow: Workflow = { name, steps, environments, driverStartSeconds: driver.startSeconds, driverEnvironment, limits };
  return { workflow, name, profileName: profile.name, file: doc.source, settings: base, findings: built.flatMap((b) => b.findings), arrivals: stream.arrivals, arrivalSources: stream.sources };
}

function unreachable(): never {
  throw new Error('internal: a workflow without steps passed validation');
}

function mappingOf(doc: SourceDoc, path: [string], problem: (p: readonly (string | number)[], t: string, f: string) => void, required: boolean): Record<string, unknown> {
  const value = doc.data[path[0]];
  if (value === undefined && !required) return {};
  if (!isRecord(value) || Object.keys(value).length === 0) {
    problem(path, `expected a mapping of named ${path[0]}`, path[0] === 'steps' ? 'write steps: { prepare: { kind: task, environment: cpu, runtime: 2m } }' : 'write environments: { gpu: { replicas: [2, 20], concurrency: 8 } }');
    return {};
  }
  return value;
}

const DRIVER_KEYS = ['environment', 'start'] as const;

function readDriver(doc: SourceDoc, envNames: readonly string[], problem: (p: readonly (string | number)[], t: string, f: string, key?: boolean) => void): { environment: string | null; startSeconds: number } {
  const raw = doc.data.driver;
  if (raw === undefined) return { environment: null, startSeconds: 0 };
  if (!isRecord(raw)) {
    problem(['driver'], 'expected a mapping', 'write driver: { environment: driver, start: 30s }');
    return { environment: null, startSeconds: 0 };
  }
  for (const key of Object.keys(raw)) if (!DRIVER_KEYS.some((k) => k === key)) problem(['driver', key], `unknown key "${key}"`, unknownKeyFix(key, DRIVER_KEYS), true);
  let environment: string | null = null;
  if (raw.environment !== undefined) {
    if (typeof raw.environment === 'string' && envNames.includes(raw.environment)) environment = raw.environment;
    else problem(['driver', 'environment'], `environment ${JSON.stringify(raw.environment)} is not declared`, `declared environments: ${envNames.join(', ') || 'none'}`);
  }
  let startSeconds = 0;
  if (raw.start !== undefined) {
    const field: Field | undefined = FIELD_BY_PATH.get('environment.parentStart');
    const parsed = field ? parseField(field, raw.start, 'workflow', () => ({})) : null;
    if (parsed && 'problem' in parsed) problem(['driver', 'start'], parsed.problem, parsed.fix);
    else if (parsed) {
      const d = parsed.value;
      if (isRecord(d) && d.kind === 'fixed' && typeof d.value === 'number') startSeconds = d.value;
      else problem(['driver', 'start'], 'expected one fixed duration, not a distribution', 'write a single value such as 30s');
    }
  }
  return { environment, startSeconds };
}

function dedupe(problems: readonly InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.source}:${p.line ?? ''}:${p.path}:${p.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The workflow in a file, or null when the file is a plain scenario (no `steps:`). */
export function loadWorkflowFile(path: string, profileFlag: string | undefined, flags: Readonly<Record<string, string>>, cwd: string, arrivalFlags: ArrivalFlags = {}): LoadedWorkflow | null {
  const doc = readDoc(resolve(cwd, path), path, 'scenario file');
  return isWorkflowData(doc.data) ? loadWorkflowDoc(doc, resolve(cwd, path), profileFlag, flags, cwd, arrivalFlags) : null;
}
