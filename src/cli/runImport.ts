// What `profile import` and `replay` share: read a finished Flyte run from files or folders,
// map it onto the model and fit every phase; and where the import's two files go.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { InputError } from '../config/errors.js';
import { readRun, RUN_FORMS, type RunForm } from '../config/flyteRun/readRun.js';
import { PROFILE_PHASES } from '../config/measurements.js';
import { fitSet } from '../core/fit/fitSet.js';
import { mapRun } from '../core/import/mapping.js';
import type { ImportYamlOptions } from '../render/importYaml.js';
import { refuseOverwrite } from './flags.js';
import type { ProfileImportOptions } from './options.js';
import { readRunFiles } from './readRunFiles.js';
import type { Terminal } from './result.js';
import { sourceDate } from './sourceDate.js';

function fromOption(raw: string | undefined): RunForm | null {
  if (raw === undefined) return null;
  const found = RUN_FORMS.find((f) => f === raw);
  if (found === undefined) throw new InputError([{ source: '--from', path: '', problem: `unknown format "${raw}"`, fix: `use one of ${RUN_FORMS.join(', ')}, or leave it out to detect it from the content` }]);
  return found;
}

export function importRun(files: readonly string[], options: { from?: string; skipBadRows?: boolean; trim?: boolean }, term: Terminal) {
  const texts = readRunFiles(files, term.cwd);
  const run = readRun(texts, { skipBadRows: options.skipBadRows === true, from: fromOption(options.from) });
  const mapping = mapRun(run.root, run.children, run.form);
  const fits = fitSet(mapping.measurements, { trim: options.trim === true });
  return { texts, run, mapping, fits };
}

export type ImportedRun = ReturnType<typeof importRun>;

/** Flyte 1 runs plan against Flyte 1's limits: the built-in flyte-v1 profile's, from `limits:` on. */
function flyteV1Lines(): string[] {
  const text = readFileSync(fileURLToPath(new URL('../../profiles/flyte-v1.yaml', import.meta.url)), 'utf8');
  const lines = text.trimEnd().split('\n');
  return ["# Flyte 1's limits and defaults, as the built-in flyte-v1 profile gives them:", ...lines.slice(lines.indexOf('limits:'))];
}

const rel = (from: string, to: string): string => relative(from, to).split(sep).join('/') || '.';

export interface ImportTargets {
  out: string | null;
  profilePath: string | null;
  scenarioName: string | null;
  scenarioPath: string | null;
}

/** The profile at --out and the scenario beside it (or at --scenario); refused before any work when they exist. */
export function importTargets(options: ProfileImportOptions, term: Terminal): ImportTargets {
  const out = options.out ?? null;
  if (out === null && options.json !== true) {
    throw new InputError([{ source: '--out', path: '', problem: 'the import writes two files and needs --out', fix: 'pass --out my-run.yaml (the scenario goes beside it as my-run.scenario.yaml), or --json for the report alone' }]);
  }
  const profilePath = out === null ? null : resolve(term.cwd, out);
  const scenarioName = options.scenario ?? (out === null ? null : out.replace(/(\.ya?ml)?$/i, '.scenario.yaml'));
  const scenarioPath = scenarioName === null ? null : resolve(term.cwd, scenarioName);
  for (const [name, path] of [[out, profilePath], [scenarioName, scenarioPath]] as const) if (path !== null) refuseOverwrite(path, name ?? '--out', options.force);
  return { out, profilePath, scenarioName, scenarioPath };
}

/** How the two YAML files name the profile, their sources, schemas and each other. */
export function importYamlOptions(imported: ImportedRun, targets: ImportTargets, name: string | undefined, term: Terminal): ImportYamlOptions {
  const { texts, run } = imported;
  const { out, profilePath, scenarioPath } = targets;
  const profileName = name ?? (out !== null ? basename(out, extname(out)) : run.run);
  const schema = (target: string | null, kind: string): string => rel(target === null ? term.cwd : dirname(target), resolve(term.cwd, `node_modules/flyscale/schemas/${kind}.schema.json`));
  return {
    name: profileName,
    run: run.run,
    sources: texts.map((t, i) => ({ file: t.file, sha256: t.sha256, rows: run.files[i]?.records ?? 0, badRows: run.files[i]?.badRecords ?? 0 })),
    date: sourceDate(term.env),
    profilePhases: PROFILE_PHASES,
    schemaPath: schema(profilePath, 'profile'),
    scenarioSchemaPath: schema(scenarioPath, 'scenario'),
    appendLines: run.form === 'flyte1' ? flyteV1Lines() : [],
    profileRef: profilePath !== null && scenarioPath !== null ? rel(dirname(scenarioPath), profilePath) : `${profileName}.yaml`,
  };
}

/** What a person should know on stderr: skipped records, and what to run next. */
export function importNotes(imported: ImportedRun, targets: ImportTargets, files: readonly string[]): string {
  const { run } = imported;
  const notes: string[] = [];
  const bad = run.files.reduce((s, f) => s + f.badRecords, 0);
  if (bad > 0) notes.push(`flyscale: skipped ${bad} bad record${bad === 1 ? '' : 's'} (--skip-bad-rows):`, ...run.skipped.slice(0, 10).map((p) => `  ${p.source}${p.line !== undefined ? `:${p.line}` : ''}: ${p.path}: ${p.problem}`));
  if (targets.out !== null) notes.push(`next: flyscale replay ${files.join(' ')}`, `      flyscale plan ${targets.scenarioName ?? ''}`);
  return notes.length ? `${notes.join('\n')}\n` : '';
}
