// The library API: the same core and config pipeline the CLI uses, without a terminal.
//
//   import { plan } from 'flyscale';
//   const report = plan({ scenario: { workload: { items: 1_000_000, itemRuntime: '100ms' } } });
//   console.log(report.batch.recommended, report.estimate.makespanSeconds);
import { headerOf } from './app/header.js';
import { loadScenario, type Loaded } from './config/load.js';
import type { ScenarioInput } from './config/scenarioInput.js';
import { plan as planScenario } from './core/plan.js';
import { SCHEMA_VERSION } from './report/header.js';
import { planReport, type PlanReport } from './report/planReport.js';
import { toJson } from './render/json.js';

export interface PlanInput {
  /** A scenario in the shape of a scenario file (units as strings: '100ms', '1KB'); a misspelt key does not compile. */
  scenario?: ScenarioInput;
  /** Or a path to a scenario file. Neither: the worked example of Flyte's scaling guide (examples/scaling-guide.yaml). */
  scenarioFile?: string;
  /** A built-in profile name or a profile file; wins over the scenario's `profile`. */
  profile?: string;
  /** Field overrides by key, as a flag would give them: { items: '2000000', replicas: '10:40' }. */
  overrides?: Record<string, string | number | boolean>;
  /** Size batches by the p95 of the overhead instead of its mean. */
  p95?: boolean;
}

/** Resolve a scenario as the CLI does (defaults < profile < scenario < overrides). Throws InputError on bad input. */
export function resolveScenario(input: PlanInput = {}): Loaded {
  const flags = Object.fromEntries(Object.entries(input.overrides ?? {}).map(([k, v]) => [k, String(v)]));
  return loadScenario({
    scenarioPath: input.scenarioFile,
    ...(input.scenario ? { scenarioData: { ...input.scenario } } : {}),
    profile: input.profile,
    flags,
  });
}

/** The plan report, exactly as `flyscale plan --json` prints it; the stable paths are listed in the README (JSON output). */
export function plan(input: PlanInput = {}): PlanReport {
  const loaded = resolveScenario(input);
  const result = planScenario(loaded.scenario, { overheadStatistic: input.p95 ? 'p95' : 'mean' });
  // Through the same JSON normalisation as the CLI, so the object equals what --json prints.
  const normalised: PlanReport = JSON.parse(toJson(planReport(headerOf('plan', loaded), result, loaded.scenario.limits, loaded.findings)));
  return normalised;
}

export { InputError, formatProblem, type InputProblem } from './config/errors.js';
export type { PlanReport } from './report/planReport.js';
export type { ScenarioInput, ProfileInput, PhasesInput, LimitsInput, WorkloadInput, EnvironmentInput, FailuresInput, PricingInput, DurationInput, TransferInput, DurationText, SizeText, RateText, BandwidthText } from './config/scenarioInput.js';
export type { Scenario, Phases, Limits, Workload, Pool } from './core/model.js';
export { plan as planScenario, type Plan } from './core/plan.js';
export { actionOverhead, type Overhead, type Variant } from './core/overhead.js';
export { recommendBatch, type BatchRecommendation } from './core/recommendBatch.js';
export { checkFanout, type Fanout } from './core/fanout.js';
export { effectiveConcurrency, type Concurrency } from './core/concurrency.js';
export { estimateMakespan, type Estimate } from './core/estimate.js';
export { parseDuration, parseSize, parseRate, parseBandwidth } from './core/units.js';
export { SCHEMA_VERSION };
