// flyscale profile import: a finished Flyte run (what Flyte recorded about it) in, a fitted
// profile and the scenario of the observed workload out, with provenance and a summary.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { InputError } from '../../config/errors.js';
import { PROFILE_PHASES } from '../../config/measurements.js';
import { fitSet } from '../../core/fit/fitSet.js';
import { mapRun } from '../../core/import/mapping.js';
import { readRun, RUN_FORMS, type RunForm } from '../../import/readRun.js';
import { importedProfileYaml, importedScenarioYaml } from '../../render/importYaml.js';
import { importDoc } from '../../render/importDoc.js';
import { toJson } from '../../render/json.js';
import { importReport } from '../../report/importReport.js';
import { writeFileAtomic } from '../atomicWrite.js';
import { readRunFiles } from '../readRunFiles.js';
import type { CommandResult, Terminal } from '../result.js';
import { sourceDate } from '../sourceDate.js';
import { toolVersion } from '../version.js';

/** Flyte 1 runs plan against Flyte 1's limits: the built-in flyte-v1 profile's, from `limits:` on. */
function flyteV1Lines(): string[] {
  const text = readFileSync(fileURLToPath(new URL('../../profiles/flyte-v1.yaml', import.meta.url)), 'utf8');
  const lines = text.trimEnd().split('\n');
  return ["# Flyte 1's limits and defaults, as the built-in flyte-v1 profile gives them:", ...lines.slice(lines.indexOf('limits:'))];
}

const rel = (from: string, to: string): string => relative(from, to).split(sep).join('/') || '.';

function fromOption(raw: unknown): RunForm | null {
  if (raw === undefined) return null;
  const found = RUN_FORMS.find((f) => f === raw);
  if (found === undefined) throw new InputError([{ source: '--from', path: '', problem: `unknown format "${String(raw)}"`, fix: `use one of ${RUN_FORMS.join(', ')}, or leave it out to detect it from the content` }]);
  return found;
}

export function importRun(files: readonly string[], options: Record<string, unknown>, term: Terminal) {
  const from = fromOption(options.from);
  const texts = readRunFiles(files, term.cwd);
  const run = readRun(texts, { skipBadRows: options.skipBadRows === true, from });
  const mapping = mapRun(run.root, run.children, run.form);
  const fits = fitSet(mapping.measurements, { trim: options.trim === true });
  return { texts, run, mapping, fits };
}

export async function runProfileImport(files: readonly string[], options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const out = typeof options.out === 'string' ? options.out : null;
  if (out === null && options.json !== true) {
    throw new InputError([{ source: '--out', path: '', problem: 'the import writes two files and needs --out', fix: 'pass --out my-run.yaml (the scenario goes beside it as my-run.scenario.yaml), or --json for the report alone' }]);
  }
  const profilePath = out === null ? null : resolve(term.cwd, out);
  const scenarioName = typeof options.scenario === 'string' ? options.scenario : out === null ? null : out.replace(/(\.ya?ml)?$/i, '.scenario.yaml');
  const scenarioPath = scenarioName === null ? null : resolve(term.cwd, scenarioName);
  for (const [name, path] of [[out, profilePath], [scenarioName, scenarioPath]] as const) {
    if (path !== null && existsSync(path) && options.force !== true) throw new InputError([{ source: name ?? '--out', path: '', problem: 'the file exists', fix: 'pass --force to overwrite it, or name another file' }]);
  }
  const { texts, run, mapping, fits } = importRun(files, options, term);
  const date = sourceDate(term.env);
  const name = typeof options.name === 'string' ? options.name : out !== null ? basename(out, extname(out)) : run.run;
  const sources = texts.map((t, i) => ({ file: t.file, sha256: t.sha256, rows: run.files[i]?.records ?? 0, badRows: run.files[i]?.badRecords ?? 0 }));
  const schema = (target: string | null, kind: string): string => rel(target === null ? term.cwd : dirname(target), resolve(term.cwd, `node_modules/flyscale/schemas/${kind}.schema.json`));
  const yamlOptions = {
    name,
    run: run.run,
    sources,
    date,
    profilePhases: PROFILE_PHASES,
    schemaPath: schema(profilePath, 'profile'),
    scenarioSchemaPath: schema(scenarioPath, 'scenario'),
    appendLines: run.form === 'flyte1' ? flyteV1Lines() : [],
    profileRef: profilePath !== null && scenarioPath !== null ? rel(dirname(scenarioPath), profilePath) : `${name}.yaml`,
  };
  // Both files or neither: render both before writing either.
  const profileYaml = importedProfileYaml(fits, mapping, yamlOptions);
  const scenarioYaml = importedScenarioYaml(fits, mapping, yamlOptions);
  if (profilePath !== null) writeFileAtomic(profilePath, profileYaml);
  if (scenarioPath !== null) writeFileAtomic(scenarioPath, scenarioYaml);
  const report = importReport({
    tool: { name: 'flyscale', version: toolVersion() },
    run: run.run,
    form: run.form,
    sources: texts.map((t, i) => ({ file: t.file, sha256: t.sha256, records: run.files[i]?.records ?? 0, badRecords: run.files[i]?.badRecords ?? 0, cleaned: run.files[i]?.cleaned ?? { escapes: 0, lineBreaks: 0 } })),
    out: { profile: out, scenario: scenarioName },
    mapping,
    fits,
    profilePhases: PROFILE_PHASES,
    skipped: run.skipped.map((p) => ({ source: p.source, line: p.line ?? null, path: p.path, problem: p.problem })),
  });
  const notes: string[] = [];
  const bad = run.files.reduce((s, f) => s + f.badRecords, 0);
  if (bad > 0) notes.push(`flyscale: skipped ${bad} bad record${bad === 1 ? '' : 's'} (--skip-bad-rows):`, ...run.skipped.slice(0, 10).map((p) => `  ${p.source}${p.line !== undefined ? `:${p.line}` : ''}: ${p.path}: ${p.problem}`));
  if (out !== null) notes.push(`next: flyscale replay ${files.join(' ')}`, `      flyscale plan ${scenarioName ?? ''}`);
  const stderr = notes.length ? `${notes.join('\n')}\n` : '';
  if (options.json === true) return { stdout: toJson(report), stderr, exitCode: 0 };
  const { renderText } = await import('../../render/text.js');
  return { stdout: renderText(importDoc(report), term), stderr, exitCode: 0 };
}
