// How the simulator sizes each step of a planned run: the plan's batch, and the step's share of
// an environment it shares (null: all of it). One reading for simulate, the pattern comparison,
// the workflow sweep and check, so they simulate the run the plan describes.
import type { StepSizing } from '../sim/workflow/composeRun.js';
import type { WorkflowPlan } from './planWorkflow.js';

export function stepSizing(plan: Pick<WorkflowPlan, 'steps'>): (step: string) => StepSizing {
  const byName = new Map(plan.steps.map((s) => [s.name, { batch: s.batch, sharedSlots: s.sharedSlots }]));
  return (step) => byName.get(step) ?? { batch: 1, sharedSlots: null };
}
