// One workflow file under several sets of settings by path (a sweep's points):
// `steps.embed.batchSize`, `environments.gpu.replicas`. Each value is YAML flow text, set into
// the file's data at its path, and the whole workflow is read and checked again. A problem with
// a value given by --set is that flag's, quoted as written, not the file's line.
import type { SourceDoc } from './document.js';
import { parseFlagValue } from './document.js';
import { isRecord } from '../core/isRecord.js';
import { formatProblem, InputError, type InputProblem } from './errors.js';
import { readDoc } from './load.js';
import { closest } from './suggest.js';
import { isWorkflowData, loadWorkflowDoc, type LoadedWorkflow } from './workflow.js';
import { belongsElsewhere, ENV_KEYS, STEP_KEYS } from './workflowKeys.js';
import { resolve } from 'node:path';

const SETTABLE = ['steps', 'environments'] as const;

/** What the points are read with besides their settings: the flags simulate applies to a workflow. */
export interface VariantFlags {
  profile?: string;
  /** Single-valued setting flags, keyed by field key, as typed. */
  fields: Readonly<Record<string, string>>;
}

/** A workflow file read once, for its points to be loaded from. */
export interface WorkflowSource {
  doc: SourceDoc;
  full: string;
  cwd: string;
}

/** null when the file is a plain scenario. */
export function readWorkflowSource(path: string, cwd: string): WorkflowSource | null {
  const full = resolve(cwd, path);
  const doc = readDoc(full, path, 'scenario file');
  return isWorkflowData(doc.data) ? { doc, full, cwd } : null;
}

/** The path checked against the file: a declared step or environment, then one of its keys. */
export function checkSetPath(doc: SourceDoc, path: string): void {
  const parts = path.split('.');
  const [top, name, key] = parts;
  const fail = (problem: string, fix: string): never => {
    throw new InputError([{ source: `--set ${path}`, path: '', problem, fix }]);
  };
  if (parts.length !== 3 || top === undefined || name === undefined || key === undefined || !SETTABLE.some((s) => s === top)) fail('expected steps.<step>.<key> or environments.<environment>.<key>', 'write e.g. --set steps.embed.batchSize=100,250,500');
  const section = doc.data[top ?? ''];
  const names = isRecord(section) ? Object.keys(section) : [];
  if (!names.includes(name ?? '')) {
    const near = closest(name ?? '', names);
    fail(`${top} has no "${name}"`, `${near ? `did you mean "${near}"? ` : ''}declared: ${names.join(', ') || 'none'}`);
  }
  const here = top === 'steps' ? 'step' : 'environment';
  const keys = here === 'step' ? STEP_KEYS : ENV_KEYS;
  if (!keys.includes(key ?? '')) {
    const near = closest(key ?? '', keys);
    fail(`${here === 'step' ? 'a step' : 'an environment'} has no setting "${key}"`, near ? `did you mean "${near}"? (${here} settings: ${keys.join(', ')})` : (belongsElsewhere(key ?? '', here) ?? `${here} settings: ${keys.join(', ')}`));
  }
}

function withValue(data: Record<string, unknown>, path: string, raw: string): Record<string, unknown> {
  const copy = structuredClone(data);
  const parts = path.split('.');
  let node: unknown = copy;
  for (const step of parts.slice(0, -1)) node = isRecord(node) ? node[step] : undefined;
  const last = parts[parts.length - 1];
  // YAML flow text, .inf and 1e400 kept as written for the field's parser to reject by name.
  if (isRecord(node) && last !== undefined) node[last] = parseFlagValue(raw);
  return copy;
}

/** A problem at or under a path --set gave: the flag's, with the value as written. */
function blamed(p: InputProblem, doc: SourceDoc, point: Readonly<Record<string, string>>): InputProblem {
  if (p.source !== doc.source) return p;
  const path = Object.keys(point).find((k) => p.path === k || p.path.startsWith(`${k}.`));
  if (path === undefined) return p;
  const raw = (point[path] ?? '').trim();
  const quoted = p.problem.includes(`"${raw}"`) || p.problem.startsWith(`${raw} `);
  const problem = quoted ? p.problem : `"${raw}": ${p.problem}`;
  return { source: `--set ${path}`, path: p.path === path ? '' : p.path, problem, fix: p.fix };
}

/** Every point loaded; the problems of all of them at once, each only once. */
export function loadWorkflowPoints(source: WorkflowSource, points: readonly Readonly<Record<string, string>>[], flags: VariantFlags): LoadedWorkflow[] {
  const { doc, full, cwd } = source;
  const problems = new Map<string, InputProblem>();
  const loaded: LoadedWorkflow[] = [];
  for (const point of points) {
    let data = doc.data;
    for (const [path, raw] of Object.entries(point)) data = withValue(data, path, raw);
    try {
      loaded.push(loadWorkflowDoc({ ...doc, data }, full, flags.profile, flags.fields, cwd));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      for (const p of error.problems.map((q) => blamed(q, doc, point))) problems.set(formatProblem(p), p);
    }
  }
  if (problems.size) throw new InputError([...problems.values()]);
  return loaded;
}
