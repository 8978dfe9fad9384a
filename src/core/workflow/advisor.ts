// The nested fan-out advisor: when one parent's enqueue rate or in-flight limit binds a map,
// the fewest sub-parents that lift it (or, if none does within MAX_PARENTS, the fastest tried),
// and what they cost in actions.
import { finding, type Finding } from '../findings.js';
import { estimateStep, type StepEstimate } from './stepPlan.js';
import type { Workflow, WorkflowStep } from './types.js';

/** Sub-parent counts tried, doubling by halves: a plan each, so start-up stays quick. */
const CANDIDATES = [2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64] as const;
/** Advise only when the step gets at least this much shorter. */
const MIN_GAIN = 0.05;

const PARENT_LIMITS = ['enqueueRate', 'childrenInFlight'] as const;
const isParentLimit = (b: string): b is (typeof PARENT_LIMITS)[number] => PARENT_LIMITS.some((x) => x === b);

export function adviseSubParents(w: Workflow, step: WorkflowStep, now: StepEstimate, slots: number | null): Finding | null {
  if (step.kind !== 'map' || !isParentLimit(now.binding)) return null;
  let best: StepEstimate | null = null;
  for (const parents of CANDIDATES) {
    if (parents <= step.parents || parents > now.actions) continue;
    const e = estimateStep(w, step, parents, slots);
    if (best === null || e.durationSeconds < best.durationSeconds) best = e;
    if (!isParentLimit(e.binding)) {
      best = e;
      break;
    }
  }
  if (best === null || best.durationSeconds > now.durationSeconds * (1 - MIN_GAIN)) return null;
  const limits = step.scenario.limits;
  return named(
    step.name,
    finding('subParentsAdvised', {
      limit: now.binding,
      perParent: now.binding === 'enqueueRate' ? limits.enqueueRatePerSecond : limits.maxChildrenInFlight,
      parents: best.subParentActions,
      submitFromSeconds: now.submitSeconds,
      submitToSeconds: best.submitSeconds,
      stepFromSeconds: now.durationSeconds,
      stepToSeconds: best.durationSeconds,
      extraActions: best.subParentActions - now.subParentActions,
    }),
  );
}

/** A step's finding says which step it is about. */
export const named = (step: string, f: Finding): Finding => ({ ...f, message: `${step}: ${f.message}` });
