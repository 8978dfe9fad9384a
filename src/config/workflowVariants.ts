// One workflow file under several sets of settings by path (a sweep's points):
// `steps.embed.batchSize`, `environments.gpu.replicas`. Each value is YAML flow text, set into
// the file's data at its path, and the whole workflow is read and checked again.
import { parse as parseYaml } from 'yaml';
import type { SourceDoc } from './document.js';
import { isRecord } from '../core/isRecord.js';
import { InputError } from './errors.js';
import { readDoc } from './load.js';
import { closest } from './suggest.js';
import { isWorkflowData, loadWorkflowDoc, type LoadedWorkflow } from './workflow.js';
import { resolve } from 'node:path';

const SETTABLE = ['steps', 'environments'] as const;

/** The path checked against the file: a declared step or environment, then a key. */
function checkPath(doc: SourceDoc, path: string): string[] {
  const parts = path.split('.');
  const [top, name, key] = parts;
  const fail = (problem: string, fix: string): never => {
    throw new InputError([{ source: '--set', path, problem, fix }]);
  };
  if (parts.length !== 3 || top === undefined || name === undefined || key === undefined || !SETTABLE.some((s) => s === top)) fail('expected steps.<step>.<key> or environments.<environment>.<key>', 'write e.g. --set steps.embed.batchSize=100,250,500');
  const section = doc.data[top ?? ''];
  const names = isRecord(section) ? Object.keys(section) : [];
  if (!names.includes(name ?? '')) {
    const near = closest(name ?? '', names);
    fail(`${top} has no "${name}"`, `${near ? `did you mean "${near}"? ` : ''}declared: ${names.join(', ')}`);
  }
  return parts;
}

function withValue(data: Record<string, unknown>, parts: readonly string[], raw: string): Record<string, unknown> {
  const copy = structuredClone(data);
  let value: unknown = raw;
  try {
    value = parseYaml(raw, { logLevel: 'silent' });
  } catch {
    // Not YAML flow syntax: the field's parser says what it expects.
  }
  let node: unknown = copy;
  for (const step of parts.slice(0, -1)) node = isRecord(node) ? node[step] : undefined;
  const last = parts[parts.length - 1];
  if (isRecord(node) && last !== undefined) node[last] = value;
  return copy;
}

/** null when the file is a plain scenario. */
export function loadWorkflowVariants(path: string, variants: readonly Readonly<Record<string, string>>[], cwd: string): LoadedWorkflow[] | null {
  const full = resolve(cwd, path);
  const doc = readDoc(full, path, 'scenario file');
  if (!isWorkflowData(doc.data)) return null;
  return variants.map((v) => {
    let data = doc.data;
    for (const [p, raw] of Object.entries(v)) data = withValue(data, checkPath(doc, p), raw);
    return loadWorkflowDoc({ ...doc, data }, full, undefined, {}, cwd);
  });
}
