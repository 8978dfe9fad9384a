// flyscale profile import: a finished Flyte run (what Flyte recorded about it) in, a fitted
// profile and the scenario of the observed workload out, with provenance and a summary.
import { PROFILE_PHASES } from '../../config/measurements.js';
import { toolVersion } from '../../config/version.js';
import { importedProfileYaml, importedScenarioYaml } from '../../render/importYaml.js';
import { importDoc } from '../../render/importDoc.js';
import { toJson } from '../../render/json.js';
import { toolOf } from '../../report/header.js';
import { importReport } from '../../report/importReport.js';
import { writeFileAtomic } from '../atomicWrite.js';
import type { ProfileImportOptions } from '../options.js';
import type { CommandResult, Terminal } from '../result.js';
import { importNotes, importRun, importTargets, importYamlOptions } from '../runImport.js';

export async function runProfileImport(files: readonly string[], options: ProfileImportOptions, term: Terminal): Promise<CommandResult> {
  const targets = importTargets(options, term);
  const imported = importRun(files, options, term);
  const { texts, run, mapping, fits } = imported;
  const yamlOptions = importYamlOptions(imported, targets, options.name, term);
  // Both files or neither: render both before writing either.
  const profileYaml = importedProfileYaml(fits, mapping, yamlOptions);
  const scenarioYaml = importedScenarioYaml(fits, mapping, yamlOptions);
  if (targets.profilePath !== null) writeFileAtomic(targets.profilePath, profileYaml);
  if (targets.scenarioPath !== null) writeFileAtomic(targets.scenarioPath, scenarioYaml);
  const report = importReport({
    tool: toolOf(toolVersion()),
    run: run.run,
    form: run.form,
    sources: texts.map((t, i) => ({ file: t.file, sha256: t.sha256, records: run.files[i]?.records ?? 0, badRecords: run.files[i]?.badRecords ?? 0, cleaned: run.files[i]?.cleaned ?? { escapes: 0, lineBreaks: 0 } })),
    out: { profile: targets.out, scenario: targets.scenarioName },
    mapping,
    fits,
    profilePhases: PROFILE_PHASES,
    skipped: run.skipped.map((p) => ({ source: p.source, line: p.line ?? null, path: p.path, problem: p.problem })),
  });
  const stderr = importNotes(imported, targets, files);
  if (options.json === true) return { stdout: toJson(report), stderr, verdict: 'pass' };
  const { renderText } = await import('../../render/text.js');
  return { stdout: renderText(importDoc(report), term), stderr, verdict: 'pass' };
}
