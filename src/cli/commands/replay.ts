// flyscale replay: import a finished Flyte run, simulate it from the profile and scenario the
// import gives, and show predicted against observed. Exit 1 when the makespan is outside
// the tolerance.
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../config/errors.js';
import { loadScenario } from '../../config/load.js';
import { percentShare } from '../../config/percent.js';
import { PROFILE_PHASES } from '../../config/measurements.js';
import { toolVersion } from '../../config/version.js';
import { deriveSeed } from '../../core/random.js';
import { compareReplay, knownConcurrencyLimit, type Tolerance } from '../../core/replay/compare.js';
import { simulateReplication } from '../../core/sim/replication.js';
import { summarize } from '../../core/sim/summarize.js';
import { REPORT_FORMATS } from '../../render/formats.js';
import { importedProfileYaml, importedScenarioYaml } from '../../render/importYaml.js';
import { replayDoc } from '../../render/replayDoc.js';
import { toolOf } from '../../report/header.js';
import { replayReport } from '../../report/replayReport.js';
import { verdictIf } from '../exitCode.js';
import type { ReplayOptions } from '../options.js';
import { output } from '../output.js';
import type { CommandResult, Terminal } from '../result.js';
import { importRun } from '../runImport.js';
import { formatOf } from '../scenarioOptions.js';
import { replicate, simulationOptions } from '../simulation.js';

function tolerance(raw: string | undefined): Tolerance {
  if (raw === undefined) return null;
  const share = percentShare(raw);
  if (share === undefined) throw new InputError([{ source: '--tolerance', path: '', problem: `${JSON.stringify(raw)} is not a percentage`, fix: 'write e.g. --tolerance 10% (relative to the predicted mean), or leave it out to test the predicted p5–p95' }]);
  return share;
}

export async function runReplay(files: readonly string[], options: ReplayOptions, term: Terminal): Promise<CommandResult> {
  const tol = tolerance(options.tolerance);
  const sim = simulationOptions(options);
  const format = formatOf(options, REPORT_FORMATS);
  const { texts, run, mapping, fits } = importRun(files, options, term);
  if (run.form === 'list') {
    throw new InputError([{ source: files[0] ?? 'run', path: '', problem: 'the action list has no attempts or phase transitions to simulate the run from', fix: 'export every action with ActionDetails (docs/importing.md) and replay that' }]);
  }
  const yamlOptions = { name: 'imported', run: run.run, sources: [], date: '', profilePhases: PROFILE_PHASES, schemaPath: '', scenarioSchemaPath: '', profileRef: '' };
  // The same two files profile import writes, read back as data: what is replayed is what a user would plan with.
  const profile: unknown = parseYaml(importedProfileYaml(fits, mapping, yamlOptions));
  const scenario: unknown = parseYaml(importedScenarioYaml(fits, mapping, yamlOptions));
  const data = typeof scenario === 'object' && scenario !== null ? { ...scenario, profile } : {};
  const loaded = loadScenario({ scenarioData: data, cwd: term.cwd });
  const reps = await replicate(loaded.scenario, 1, sim, term, 'replaying');
  const timeline = simulateReplication(loaded.scenario, 1, deriveSeed(sim.seed, 0), { timeline: {} }).timeline;
  const comparison = compareReplay(mapping, summarize(reps), knownConcurrencyLimit(loaded.scenario), timeline, tol);
  if (options.timeline !== true) comparison.timeline = null;
  const report = replayReport({ tool: toolOf(toolVersion()), run: run.run, sources: texts.map((t) => ({ file: t.file, sha256: t.sha256 })), seed: sim.seed, mapping, comparison });
  return { stdout: await output(format, report, () => replayDoc(report), term, options.out), verdict: verdictIf(comparison.error.withinTolerance) };
}
