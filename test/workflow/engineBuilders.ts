// Workflows built directly from core scenarios, for engine tests: one step per scenario, each on
// its own environment or on a shared one.
import type { Scenario } from '../../src/core/model.js';
import type { Workflow, WorkflowStep } from '../../src/core/workflow/types.js';

export interface StepParts {
  name: string;
  scenario: Scenario;
  environment?: string;
  after?: string[];
  parents?: number;
}

export function stepOf(p: StepParts): WorkflowStep {
  return { name: p.name, kind: 'map', environment: p.environment ?? 'e', after: p.after ?? [], parents: p.parents ?? 1, parentEnvironment: null, traceConcurrency: 1, scenario: p.scenario };
}

/** A workflow of these steps; the environments take the pool and price of the first step on them. */
export function workflowOf(steps: StepParts[], driverStartSeconds = 0): Workflow {
  const first = steps[0]?.scenario;
  if (!first) throw new Error('a workflow needs a step');
  const envs = new Map<string, Scenario>();
  for (const s of steps) if (!envs.has(s.environment ?? 'e')) envs.set(s.environment ?? 'e', s.scenario);
  return {
    name: 'test',
    steps: steps.map(stepOf),
    environments: [...envs].map(([name, s]) => ({ name, pool: s.pool, pricing: s.pricing })),
    driverStartSeconds,
    driverEnvironment: null,
    limits: first.limits,
  };
}
