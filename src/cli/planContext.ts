// Load a scenario from a command's arguments and run the plan over it: shared by plan,
// overhead, batch and fanout, which show different parts of the same report.
import { loadScenario, type Loaded } from '../config/load.js';
import { plan, type Plan } from '../core/plan.js';
import { reportInputs } from '../report/inputs.js';
import { planReport, SCHEMA_VERSION, type PlanReport, type ReportHeader } from '../report/planReport.js';
import { fieldFlags } from './scenarioOptions.js';
import type { Terminal } from './result.js';
import { toolVersion } from './version.js';

export function header(command: string, loaded: Loaded): ReportHeader {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'flyscale', version: toolVersion() },
    command,
    scenario: { name: loaded.name, profile: loaded.profileName, file: loaded.scenarioFile },
    inputs: reportInputs(loaded.settings),
  };
}

export function loadFromOptions(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Loaded {
  return loadScenario({
    scenarioPath,
    profile: typeof options.profile === 'string' ? options.profile : undefined,
    flags: fieldFlags(options),
    cwd: term.cwd,
  });
}

/** The plan report of an already loaded scenario and its plan. */
export function planFromLoaded(command: string, loaded: Loaded, result: Plan): PlanReport {
  const l = loaded.scenario.limits;
  return planReport(header(command, loaded), result, { hard: l.maxActionsPerRun, recommended: l.recommendedActionsPerRun, targetMin: l.targetActionsMin, targetMax: l.targetActionsMax });
}

export function planFromOptions(command: string, scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): { loaded: Loaded; result: Plan; report: PlanReport } {
  const loaded = loadFromOptions(scenarioPath, options, term);
  const result = plan(loaded.scenario, { overheadStatistic: options.p95 === true ? 'p95' : 'mean', variants: command === 'overhead' });
  const l = loaded.scenario.limits;
  const report = planReport(header(command, loaded), result, {
    hard: l.maxActionsPerRun,
    recommended: l.recommendedActionsPerRun,
    targetMin: l.targetActionsMin,
    targetMax: l.targetActionsMax,
  });
  return { loaded, result, report };
}
