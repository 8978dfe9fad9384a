// What `replay` does between reading its flags and rendering: import the run, read back the
// profile and scenario that `profile import` would write, simulate them, and compare.
import { parse as parseYaml } from 'yaml';
import { InputError } from '../config/errors.js';
import { loadScenario } from '../config/load.js';
import { PROFILE_PHASES } from '../config/measurements.js';
import { percentShare } from '../config/percent.js';
import { effectiveConcurrency } from '../core/concurrency.js';
import { estimateMakespan } from '../core/estimate.js';
import type { Scenario } from '../core/model.js';
import { deriveSeed } from '../core/random.js';
import { compareReplay, knownConcurrencyLimit, type Tolerance } from '../core/replay/compare.js';
import { simulateReplication } from '../core/sim/replication.js';
import { summarize } from '../core/sim/summarize.js';
import { importedProfileYaml, importedScenarioYaml } from '../render/importYaml.js';
import type { ReplayOptions } from './options.js';
import type { Terminal } from './result.js';
import { importRun } from './runImport.js';
import { replicate, type SimulationOptions } from './simulation.js';

/** `--tolerance 10%`: the share of the predicted mean; null (not given) tests the predicted p5–p95. */
export function tolerance(raw: string | undefined): Tolerance {
  if (raw === undefined) return null;
  const share = percentShare(raw);
  if (share === undefined) throw new InputError([{ source: '--tolerance', path: '', problem: `${JSON.stringify(raw)} is not a percentage`, fix: 'write e.g. --tolerance 10% (relative to the predicted mean), or leave it out to test the predicted p5–p95' }]);
  return share;
}

type Imported = ReturnType<typeof importRun>;

/** The same two files profile import writes, read back as data: what is replayed is what a user would plan with. */
function replayedScenario({ run, mapping, fits }: Imported, cwd: string): Scenario {
  const yamlOptions = { name: 'imported', run: run.run, sources: [], date: '', profilePhases: PROFILE_PHASES, schemaPath: '', scenarioSchemaPath: '', profileRef: '' };
  const profile: unknown = parseYaml(importedProfileYaml(fits, mapping, yamlOptions));
  const scenario: unknown = parseYaml(importedScenarioYaml(fits, mapping, yamlOptions));
  const data = typeof scenario === 'object' && scenario !== null ? { ...scenario, profile } : {};
  return loadScenario({ scenarioData: data, cwd }).scenario;
}

/** `page`: the HTML page draws busy slots over time whether or not --timeline asked for the table. */
export async function replayRun(files: readonly string[], options: ReplayOptions, sim: SimulationOptions, term: Terminal, page = false) {
  const tol = tolerance(options.tolerance);
  const imported = importRun(files, options, term);
  if (imported.run.form === 'list') {
    throw new InputError([{ source: files[0] ?? 'run', path: '', problem: 'the action list has no attempts or phase transitions to simulate the run from', fix: 'export every action with ActionDetails (docs/importing.md) and replay that' }]);
  }
  const scenario = replayedScenario(imported, term.cwd);
  const reps = await replicate(scenario, 1, sim, term, 'replaying');
  const timeline = simulateReplication(scenario, 1, deriveSeed(sim.seed, 0), { timeline: {} }).timeline;
  const comparison = compareReplay(imported.mapping, summarize(reps), knownConcurrencyLimit(scenario), timeline, tol);
  if (options.timeline !== true && !page) comparison.timeline = null;
  const estimateMakespanSeconds = estimateMakespan(scenario, 1, effectiveConcurrency(scenario)).makespanSeconds;
  return { ...imported, comparison, estimateMakespanSeconds, makespansSeconds: reps.map((r) => r.makespanSeconds) };
}
