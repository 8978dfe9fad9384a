// One layer of settings (defaults, a profile, a scenario file, the flags): every key checked
// against the field registry, every value parsed, every problem collected with its place.
import type { SourceDoc } from './document.js';
import type { InputProblem } from './errors.js';
import { FIELD_BY_PATH, FIELDS, PROFILE_SECTIONS, SECTIONS, fieldPath, type Field, type Section } from './fields.js';
import { closest, closestByLeaf, unknownKeyFix } from './suggest.js';
import { boundProblem, PARSERS } from './values.js';
import { isRecord } from '../core/isRecord.js';

export interface Setting {
  value: unknown;
  /** Where it came from: `default`, `profile default`, `scenario examples/x.yaml`, `flag --items`. */
  source: string;
  /** The file (or flag) and position it was written at, for problems found later. */
  at?: { file: string; line?: number; column?: number };
}
export type Layer = Map<string, Setting>;

export type FileKind = 'profile' | 'scenario';
// `arrivals` is read on its own (arrivals.ts): a stream of runs, not a setting of one run.
const META_KEYS = { profile: ['name', 'description'], scenario: ['name', 'description', 'profile', 'arrivals'] } as const;

export function parseField(field: Field, raw: unknown, origin: string, where: (sub: string) => Partial<InputProblem>): Setting | InputProblem {
  const read = PARSERS[field.kind](raw);
  const out = read.ok ? boundProblem(field, read.value, raw) : undefined;
  const parsed = out ? { ok: false as const, ...out } : read;
  if (parsed.ok) return { value: parsed.value, source: origin };
  const path = parsed.subpath ? `${fieldPath(field)}.${parsed.subpath}`.replace('.[', '[') : fieldPath(field);
  return { source: origin, path, problem: parsed.problem, fix: parsed.fix, ...where(parsed.subpath) };
}

/** Validate a document's sections into a layer; `prefix` is the key path of an inline profile. */
export function layerFromDoc(doc: SourceDoc, kind: FileKind, origin: string, prefix: readonly string[] = []): { layer: Layer; problems: InputProblem[] } {
  const layer: Layer = new Map();
  const problems: InputProblem[] = [];
  const sections: readonly Section[] = kind === 'profile' ? PROFILE_SECTIONS : SECTIONS;
  const dotted = (path: readonly (string | number)[]): string => [...prefix, ...path].join('.');
  const at = (path: readonly (string | number)[], key = false): Partial<InputProblem> => doc.locate([...prefix, ...path], key) ?? {};
  const data = prefix.length ? valueAt(doc.data, prefix) : doc.data;
  if (!isRecord(data)) return { layer, problems };
  const topKeys: string[] = [...META_KEYS[kind], ...sections];
  for (const [key, value] of Object.entries(data)) {
    const section = sections.find((s) => s === key);
    if (section === undefined) {
      if (!topKeys.includes(key)) {
        problems.push({ source: doc.source, path: dotted([key]), problem: `unknown key "${key}"`, fix: topLevelHint(key, kind, topKeys), ...at([key], true) });
      } else if ((key === 'name' || key === 'description') && typeof value !== 'string') {
        problems.push({ source: doc.source, path: dotted([key]), problem: `the ${key} is ${Array.isArray(value) ? 'a list' : JSON.stringify(value) ?? String(value)}, not text`, fix: `write one line of text, e.g. ${key}: nightly-embeddings`, ...at([key]) });
      }
      continue;
    }
    if (!isRecord(value)) {
      problems.push({ source: doc.source, path: dotted([key]), problem: `expected a mapping of ${key} settings`, fix: `indent the ${key} settings under "${key}:"`, ...at([key]) });
      continue;
    }
    const known = FIELDS.filter((f) => f.section === section).map((f) => f.key);
    for (const [name, raw] of Object.entries(value)) {
      const field = FIELD_BY_PATH.get(`${section}.${name}`);
      if (!field) {
        const elsewhere = FIELDS.find((f) => f.key === name);
        const fix = elsewhere ? `"${name}" belongs under ${elsewhere.section}:` : unknownKeyFix(name, known);
        problems.push({ source: doc.source, path: dotted([key, name]), problem: `unknown key "${name}"`, fix, ...at([key, name], true) });
        continue;
      }
      const result = parseField(field, raw, origin, (sub) => at([key, name, ...splitSubpath(sub)]));
      if ('problem' in result) problems.push({ ...result, source: doc.source, path: dotted([key]) + result.path.slice(section.length) });
      else layer.set(fieldPath(field), { ...result, at: { file: doc.source, ...at([key, name]) } });
    }
  }
  return { layer, problems };
}

/** For a key at the top level: a top-level key it resembles, else the setting it names in some section. */
function topLevelHint(key: string, kind: FileKind, topKeys: readonly string[]): string {
  if (SECTIONS.some((s) => s === key)) return `a ${kind} file cannot set ${key}; move it to a scenario file`;
  if (closest(key, topKeys) !== undefined) return unknownKeyFix(key, topKeys);
  const path = closestByLeaf(key, FIELDS.map(fieldPath));
  if (path === undefined) return unknownKeyFix(key, topKeys);
  const section = path.slice(0, path.indexOf('.'));
  if (kind === 'profile' && !PROFILE_SECTIONS.some((s) => s === section)) return `did you mean "${path}"? a profile cannot set ${section}; move it to a scenario file`;
  return `did you mean "${path}"? indent it under "${section}:"`;
}

function splitSubpath(sub: string): (string | number)[] {
  return sub
    .split(/[.[\]]/)
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): unknown {
  let node: unknown = data;
  for (const step of path) node = isRecord(node) ? node[step] : undefined;
  return node;
}

/** Later layers win, key by key. */
export function mergeLayers(layers: readonly Layer[]): Layer {
  const merged: Layer = new Map();
  for (const layer of layers) for (const [path, setting] of layer) merged.set(path, setting);
  return merged;
}
