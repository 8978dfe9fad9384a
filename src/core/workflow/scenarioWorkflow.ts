// A plain scenario as the one-step workflow it is (docs/model.md, "Workflows"): one map step of
// the scenario's items on one environment with the scenario's pool and price. The parent's start
// (`parentStart`) becomes the driver's start, so the step itself starts at 0.
import type { Scenario } from '../model.js';
import type { Workflow } from './types.js';

/** The environment's name in a one-step workflow's report. */
export const SCENARIO_ENVIRONMENT = 'pool';
export const SCENARIO_STEP = 'run';

export function scenarioWorkflow(name: string, s: Scenario): Workflow {
  const step = { ...s, run: { ...s.run, parentStartSeconds: 0 } };
  const kind = s.workload.pattern === 'trace' ? 'trace' : s.workload.items === 1 ? 'task' : 'map';
  return {
    name,
    steps: [{ name: SCENARIO_STEP, kind, environment: kind === 'trace' ? null : SCENARIO_ENVIRONMENT, after: [], parents: 1, parentEnvironment: null, traceConcurrency: 1, scenario: step }],
    environments: [{ name: SCENARIO_ENVIRONMENT, pool: s.pool, pricing: s.pricing }],
    driverStartSeconds: s.run.parentStartSeconds,
    driverEnvironment: null,
    limits: s.limits,
  };
}
