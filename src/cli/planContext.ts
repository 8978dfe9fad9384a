// Load a scenario from a command's arguments and run the plan over it: shared by plan,
// overhead, batch and fanout, which show different parts of the same report.
import { loadScenario, type Loaded } from '../config/load.js';
import { plan, type Plan } from '../core/plan.js';
import { reportHeader } from '../report/header.js';
import { planReport, type PlanReport, type ReportHeader } from '../report/planReport.js';
import { fieldFlags } from './scenarioOptions.js';
import type { Terminal } from './result.js';
import { toolVersion } from './version.js';

export function header(command: string, loaded: Loaded): ReportHeader {
  return reportHeader(command, loaded, toolVersion());
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
  return planReport(header(command, loaded), result, loaded.scenario.limits, loaded.findings);
}

export function planFromOptions(command: string, scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): { loaded: Loaded; result: Plan; report: PlanReport } {
  const loaded = loadFromOptions(scenarioPath, options, term);
  const result = plan(loaded.scenario, { overheadStatistic: options.p95 === true ? 'p95' : 'mean', variants: command === 'overhead' || options.format === 'html' });
  return { loaded, result, report: planFromLoaded(command, loaded, result) };
}
