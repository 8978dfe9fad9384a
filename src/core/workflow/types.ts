// The resolved workflow (docs/model.md, "Workflows"): named steps in a DAG, each with the core
// Scenario it runs as, and the environments they share. Config builds it; core only reads it.
import type { Pool, Pricing, Scenario } from '../model.js';

export const STEP_KINDS = ['map', 'task', 'trace', 'local'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

export interface WorkflowEnvironment {
  name: string;
  pool: Pool;
  pricing: Pricing;
}

export interface WorkflowStep {
  name: string;
  kind: StepKind;
  /** The environment whose slots the step's actions take; null for trace and local steps. */
  environment: string | null;
  /** Steps that must end before this one starts. */
  after: readonly string[];
  /** Sub-parents a map step splits its items over (1: the driver submits them itself). */
  parents: number;
  /** Where sub-parents run; null when the step has none. */
  parentEnvironment: string | null;
  /** Trace calls of this step running at once in the parent (asyncio); 1 for other kinds. */
  traceConcurrency: number;
  /**
   * The step as a one-fan-out scenario: its workload, its environment's pool, the run's phases,
   * limits and failures. A task is a map of one item in a batch of one; a trace or local step
   * has `items` calls of `itemRuntime` each. `run.parentStartSeconds` is 0: the schedule places it.
   */
  scenario: Scenario;
}

export interface Workflow {
  name: string;
  /** Steps in a topological order of `after` (the file's order where it is free). */
  steps: readonly WorkflowStep[];
  environments: readonly WorkflowEnvironment[];
  /** The driver's own start: the time before it submits anything (its container start included). */
  driverStartSeconds: number;
  /** The environment sub-parents run in when a step does not name one. */
  driverEnvironment: string | null;
  /** The run's limits (actions per run, the parent's in-flight limit and enqueue rate). */
  limits: Scenario['limits'];
}
