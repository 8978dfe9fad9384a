// Load a scenario from a command's arguments and run the plan over it: shared by plan,
// overhead, batch, fanout and simulate, which show different parts of the same report.
import { headerOf } from '../app/header.js';
import { loadScenario, type Loaded } from '../config/load.js';
import { plan, type Plan } from '../core/plan.js';
import { planReport, type PlanReport } from '../report/planReport.js';
import type { ReportCommand } from '../report/header.js';
import type { ScenarioOptions } from './options.js';
import { fieldFlags } from './scenarioOptions.js';
import { arrivalFlags } from '../config/arrivalsKeys.js';
import { streamPlanFindings } from '../core/stream/streamPlanFindings.js';
import { scenarioWorkflow } from '../core/workflow/scenarioWorkflow.js';
import type { Terminal } from './result.js';
import { STDIN_SOURCE, stdinFor } from './stdin.js';

/** `-` for the scenario reads standard input; problems in it are located at `<stdin>:line:col`. */
export async function loadFromOptions(scenarioPath: string | undefined, options: ScenarioOptions, term: Terminal, command?: ReportCommand): Promise<Loaded> {
  const piped = await stdinFor(scenarioPath, term);
  return loadScenario({
    ...(command !== undefined ? { command } : {}),
    scenarioPath,
    ...(piped !== undefined ? { scenarioText: { source: STDIN_SOURCE, text: piped } } : {}),
    profile: options.profile,
    flags: fieldFlags(options),
    arrivalFlags: arrivalFlags(options),
    cwd: term.cwd,
  });
}

/** The plan report of an already loaded scenario and its plan. */
export function planFromLoaded(command: ReportCommand, loaded: Loaded, result: Plan): PlanReport {
  return planReport(headerOf(command, loaded), result, loaded.scenario.limits, loaded.findings);
}

export async function planFromOptions(command: ReportCommand, scenarioPath: string | undefined, options: ScenarioOptions & { p95?: boolean; format?: string }, term: Terminal): Promise<{ loaded: Loaded; result: Plan; report: PlanReport }> {
  const loaded = await loadFromOptions(scenarioPath, options, term, command);
  const result = plan(loaded.scenario, { overheadStatistic: options.p95 === true ? 'p95' : 'mean', variants: command === 'overhead' || options.format === 'html' });
  // plan on a stream: its offered load in closed form (simulate reports the stream itself).
  const stream = command === 'plan' && loaded.arrivals !== null ? streamPlanFindings(scenarioWorkflow(loaded.name, loaded.scenario), () => result.batch.size, loaded.arrivals) : [];
  return { loaded, result, report: planFromLoaded(command, { ...loaded, findings: [...loaded.findings, ...stream] }, result) };
}
