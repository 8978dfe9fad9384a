// The config pipeline: read the profile and scenario files, validate each into a layer,
// merge defaults < profile < scenario < flags, and build the core Scenario.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Phases, Scenario } from '../core/model.js';
import { parseFlagValue, parseSource, type SourceDoc } from './document.js';
import { InputError, type InputProblem } from './errors.js';
import { prebuiltSource } from './prebuilt.js';
import { FIELDS, fieldPath, flagName } from './fields.js';
import { layerFromDoc, mergeLayers, parseField, type Layer } from './layer.js';
import { buildScenario, ignoredSettings } from './buildScenario.js';
import type { Finding } from '../core/findings.js';
import { assumedDefaults } from './assumedDefaults.js';
import { isRecord } from '../core/isRecord.js';
import { closest } from './suggest.js';
import { readArrivals, type ArrivalSources } from './arrivals.js';
import type { ArrivalFlags } from './arrivalsKeys.js';
import type { ArrivalsSpec } from '../core/stream/arrivalsSpec.js';
import { workflowNotScenario } from './workflowNotScenario.js';

declare const __FLYSCALE_PACKAGE_ROOT__: string | undefined;
/** The package's folder: the CLI bundle knows it from its own folder (scripts/build.mjs). */
const PACKAGE_ROOT = typeof __FLYSCALE_PACKAGE_ROOT__ === 'string' ? __FLYSCALE_PACKAGE_ROOT__ : fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_PROFILES = ['default', 'flyte-oss', 'flyte-v1'] as const;
export const DEFAULT_SCENARIO = resolve(PACKAGE_ROOT, 'examples/scaling-guide.yaml');

export interface LoadRequest {
  /** Scenario file; undefined: examples/scaling-guide.yaml, the worked example of Flyte's scaling guide (unless scenarioData is given). */
  scenarioPath?: string | undefined;
  /** A scenario file's text already read (standard input for `-`), and the name its problems are reported under. */
  scenarioText?: { source: string; text: string };
  /** A scenario given as data (the library API), in the same shape as a scenario file. */
  scenarioData?: Record<string, unknown>;
  /** A scenario inside another file (a budget's `scenarios.<name>`): problems name that file's lines. */
  scenarioIn?: { doc: SourceDoc; prefix: readonly string[] };
  /** Where scenarioPath was written (a budget file's line), for a missing file's message. */
  scenarioRef?: RefPlace;
  /** --profile NAME|PATH; wins over the scenario's `profile:`. */
  profile?: string | undefined;
  /** Field overrides from flags, keyed by field key (`itemRuntime`), raw as typed. */
  flags?: Readonly<Record<string, string>>;
  /** The stream flags of simulate (--rate, --stream-runs, ...), raw as typed, over the file's `arrivals:`. */
  arrivalFlags?: ArrivalFlags;
  cwd?: string;
  /** The command reading the scenario, for the message when the file is a workflow (one with steps:). */
  command?: string;
}

export interface Loaded {
  scenario: Scenario;
  settings: Layer;
  name: string;
  profileName: string;
  scenarioFile: string | null;
  /** Findings about the configuration itself (settings that do not apply). */
  findings: Finding[];
  /** The stream of runs the file's `arrivals:` and the stream flags describe; null: one run. */
  arrivals: ArrivalsSpec | null;
  /** Where each arrival setting came from. */
  arrivalSources: ArrivalSources;
}

/** Where a reference to another file was written: a flag, or a line of the referencing file. */
export type RefPlace = Pick<InputProblem, 'source' | 'path' | 'line' | 'column'>;

export function readDoc(path: string, label: string, what: string, from?: RefPlace): SourceDoc {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : 'unreadable';
    const problem = code === 'ENOENT' ? `${what} not found` : `cannot read the ${what} (${code})`;
    // Named where it was referenced, so the user knows which line to change.
    if (from) throw new InputError([{ ...from, problem: `${what} "${label}" ${code === 'ENOENT' ? 'not found' : `cannot be read (${code})`}`, fix: `check the path; it was looked for at ${path}` }]);
    throw new InputError([{ source: label, path: '', problem, fix: `check the path ${path}` }]);
  }
  return prebuiltSource(label, text) ?? parseSource(label, text);
}

const looksLikePath = (ref: string): boolean => /[\\/]|\.(ya?ml|json)$/i.test(ref);

export function profileLayer(ref: string, baseDir: string, place: RefPlace = { source: '--profile', path: '' }): { layer: Layer; problems: InputProblem[]; name: string } {
  if (!looksLikePath(ref)) {
    const builtin = BUILTIN_PROFILES.find((p) => p === ref);
    if (!builtin) {
      const near = closest(ref, BUILTIN_PROFILES);
      const fix = `${near ? `did you mean "${near}"? ` : ''}built-in profiles: ${BUILTIN_PROFILES.join(', ')}; or give a path to a profile file`;
      throw new InputError([{ ...place, problem: `unknown profile "${ref}"`, fix }]);
    }
    const doc = readDoc(resolve(PACKAGE_ROOT, 'profiles', `${builtin}.yaml`), `profiles/${builtin}.yaml`, 'profile');
    return { ...layerFromDoc(doc, 'profile', `profile ${builtin}`), name: builtin };
  }
  const path = isAbsolute(ref) ? ref : resolve(baseDir, ref);
  const doc = readDoc(path, ref, 'profile file', place);
  const name = typeof doc.data.name === 'string' ? doc.data.name : ref;
  return { ...layerFromDoc(doc, 'profile', `profile ${ref}`), name };
}

export function flagLayer(flags: Readonly<Record<string, string>>): { layer: Layer; problems: InputProblem[] } {
  const layer: Layer = new Map();
  const problems: InputProblem[] = [];
  for (const field of FIELDS) {
    const raw = flags[field.key];
    if (raw === undefined) continue;
    const flag = field.kind === 'boolean' && raw === 'false' ? `--no-${flagName(field)}` : `--${flagName(field)}`;
    // YAML flow syntax, or (when it is not YAML) the text for the field's parser to judge.
    const value = parseFlagValue(raw);
    const result = parseField(field, value, `flag ${flag}`, () => ({}));
    if ('problem' in result) problems.push({ ...result, source: flag });
    else layer.set(fieldPath(field), { ...result, at: { file: flag } });
  }
  return { layer, problems };
}

export function defaultLayer(): Layer {
  const layer: Layer = new Map();
  for (const field of FIELDS) {
    // Optional settings default to null (unbounded, unknown); phase splits fall back in buildScenario.
    if (field.default === null && !field.kind.startsWith('optional')) continue;
    const result = parseField(field, field.default, 'default', () => ({}));
    if ('problem' in result) throw new Error(`internal: default of ${fieldPath(field)} does not parse: ${result.problem}`);
    layer.set(fieldPath(field), result);
  }
  return layer;
}

export interface LoadedProfile {
  name: string;
  /** The core phases: the profile's values over the defaults, as a scenario using it sees them. */
  phases: Phases;
  settings: Layer;
}

/** A profile alone (a built-in name or a path), validated as loadScenario validates it. */
export function loadProfile(ref: string, cwd: string = process.cwd(), flag = '--profile'): LoadedProfile {
  const profile = profileLayer(ref, cwd, { source: flag, path: '' });
  if (profile.problems.length) throw new InputError(profile.problems);
  const settings = mergeLayers([defaultLayer(), profile.layer]);
  const built = buildScenario(settings);
  if (built.problems.length) throw new InputError(built.problems);
  return { name: profile.name, phases: built.scenario.phases, settings };
}

/** The profile a scenario or workflow file uses: --profile, else its `profile:` (a name, a path or inline), else default. */
export function fileProfile(doc: SourceDoc, flag: string | undefined, where: { prefix: readonly string[]; dir: string; label: string; cwd: string }): { layer: Layer; problems: InputProblem[]; name: string } {
  const { prefix, dir, label, cwd } = where;
  const inline = valueAt(doc.data, prefix).profile;
  const profileAt = (): RefPlace => ({ source: label, path: [...prefix, 'profile'].join('.'), ...doc.locate([...prefix, 'profile']) });
  if (flag !== undefined) return profileLayer(flag, cwd);
  if (isRecord(inline)) return { ...layerFromDoc(doc, 'profile', `scenario ${label} (inline profile)`, [...prefix, 'profile']), name: typeof inline.name === 'string' ? inline.name : 'inline' };
  if (typeof inline === 'string') return profileLayer(inline, dir, profileAt());
  if (inline === undefined) return profileLayer('default', cwd);
  throw new InputError([{ ...profileAt(), problem: 'expected a profile name, a path or an inline profile', fix: 'write profile: default' }]);
}

export function loadScenario(request: LoadRequest): Loaded {
  return loadScenarioVariants(request, [{}])[0] ?? unreachable();
}

function valueAt(data: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  let node: unknown = data;
  for (const step of path) node = isRecord(node) ? node[step] : undefined;
  return isRecord(node) ? node : {};
}

function unreachable(): never {
  throw new Error('internal: no variant was resolved');
}

/**
 * One scenario under several sets of extra flag overrides (a sweep's points): the files are
 * read and validated once, each variant is merged and checked on its own.
 */
export function loadScenarioVariants(request: LoadRequest, variants: readonly Readonly<Record<string, string>>[]): Loaded[] {
  const cwd = request.cwd ?? process.cwd();
  const problems: InputProblem[] = [];
  const scenarioPath = request.scenarioPath === undefined ? DEFAULT_SCENARIO : resolve(cwd, request.scenarioPath);
  const within = request.scenarioPath === undefined ? request.scenarioIn : undefined;
  const given = request.scenarioText;
  const fromData = (request.scenarioData !== undefined || within !== undefined) && request.scenarioPath === undefined && given === undefined;
  const scenarioLabel = given ? given.source : within ? within.doc.source : fromData ? 'scenario' : (request.scenarioPath ?? 'examples/scaling-guide.yaml');
  // Data has no lines of its own: a position in our serialisation of it would mislead.
  const doc = given ? parseSource(given.source, given.text) : within ? within.doc : fromData ? { ...parseSource(scenarioLabel, JSON.stringify(request.scenarioData)), locate: () => undefined } : readDoc(scenarioPath, scenarioLabel, 'scenario file', request.scenarioRef);
  const prefix = within && !given ? within.prefix : [];
  const data = valueAt(doc.data, prefix);
  const workflow = workflowNotScenario(doc, prefix, data, { command: request.command, stdin: given !== undefined, inline: within !== undefined && !given });
  if (workflow !== null) throw new InputError([workflow]);
  const scenario = layerFromDoc(doc, 'scenario', `scenario ${scenarioLabel}`, prefix);
  problems.push(...scenario.problems);

  // A relative profile path is read from the folder of the file that names it.
  const profile = fileProfile(doc, request.profile, { prefix, dir: fromData ? cwd : dirname(scenarioPath), label: scenarioLabel, cwd });
  problems.push(...profile.problems);
  const flags = flagLayer(request.flags ?? {});
  problems.push(...flags.problems);
  const stream = readArrivals(doc, prefix, request.arrivalFlags ?? {});
  problems.push(...stream.problems);
  if (problems.length) throw new InputError(problems);

  const base = mergeLayers([defaultLayer(), profile.layer, scenario.layer, flags.layer]);
  const name = typeof data.name === 'string' ? data.name : within ? 'scenario' : scenarioLabel;
  return variants.map((variant) => {
    const extra = flagLayer(variant);
    if (extra.problems.length) throw new InputError(extra.problems);
    const settings = mergeLayers([base, extra.layer]);
    const built = buildScenario(settings);
    if (built.problems.length) throw new InputError(built.problems);
    return { scenario: built.scenario, settings, name, profileName: profile.name, scenarioFile: fromData ? null : scenarioLabel, findings: [...ignoredSettings(settings, built.scenario), ...assumedDefaults(settings, built.scenario, profile.name)], arrivals: stream.arrivals, arrivalSources: stream.sources };
  });
}
