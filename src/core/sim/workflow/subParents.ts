// Sub-parents in the simulation (docs/simulator.md, "Workflows"): each start and end is drawn
// phase by phase; between them the map runs as one fan-out with P times the in-flight permits
// and P token buckets pooled into one of P times the rate and burst, which grants the same
// times when the items are split evenly and all are submitted at once.
import { sample } from '../../distribution.js';
import type { Scenario } from '../../model.js';
import type { Rng } from '../../random.js';
import { withSubParents } from '../../workflow/stepPlan.js';
import type { Workflow, WorkflowStep } from '../../workflow/types.js';

export function subParentsOf(w: Workflow, step: WorkflowStep, rng: Rng): { scenario: Scenario; startSeconds: number; endSeconds: number } {
  const s = step.scenario;
  if (step.parents <= 1) return { scenario: s, startSeconds: 0, endSeconds: 0 };
  const env = w.environments.find((e) => e.name === step.parentEnvironment);
  const warm = env !== undefined && env.pool.mode === 'reusable' && !env.pool.startCold;
  // The last sub-parent to start and to finish sets the step: the latest of P draws of each.
  let startSeconds = 0;
  let endSeconds = 0;
  for (let p = 0; p < step.parents; p++) {
    const start = sample(s.phases.uploadInputs.latency, rng) + sample(s.phases.enqueue, rng) + sample(warm ? s.phases.dispatch : s.phases.create, rng) + sample(s.phases.downloadInputs.latency, rng);
    const end = sample(s.phases.uploadOutputs.latency, rng) + sample(s.phases.downloadOutputs.latency, rng);
    startSeconds = Math.max(startSeconds, start);
    endSeconds = Math.max(endSeconds, end);
  }
  return { scenario: withSubParents(s, step.parents, 0), startSeconds, endSeconds };
}
