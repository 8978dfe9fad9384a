// Durations the run engine draws whole, without a slot (docs/simulator.md, "Workflows"): a
// trace step's calls in the parent, a local step's work, and a sub-parent's own start and end.
// Each is one event at its end in the engine's loop.
import { sample } from '../../distribution.js';
import type { Phase } from '../../model.js';
import type { Rng } from '../../random.js';
import type { Workflow, WorkflowStep } from '../../workflow/types.js';

const draw = (p: Phase, bytes: number, rng: Rng): number => sample(p.latency, rng) + (p.bandwidthBytesPerSecond ? bytes / p.bandwidthBytesPerSecond : 0);

/** A trace step: calls of u_in + e + runtime + u_out, `traceConcurrency` at a time, each free lane taking the next call. */
export function traceSeconds(step: WorkflowStep, rng: Rng): number {
  const s = step.scenario;
  const w = s.workload;
  const lanes = new Float64Array(Math.min(step.traceConcurrency, w.items));
  for (let call = 0; call < w.items; call++) {
    let lane = 0;
    for (let k = 1; k < lanes.length; k++) if ((lanes[k] ?? 0) < (lanes[lane] ?? 0)) lane = k;
    const each = draw(s.phases.uploadInputs, w.itemInputBytes, rng) + sample(s.phases.enqueue, rng) + sample(w.itemRuntime, rng) + draw(s.phases.uploadOutputs, w.itemOutputBytes, rng);
    lanes[lane] = (lanes[lane] ?? 0) + each;
  }
  return lanes.reduce((m, x) => Math.max(m, x), 0);
}

/** A local step: its runtimes one after another in the parent. */
export function localSeconds(step: WorkflowStep, rng: Rng): number {
  let t = 0;
  for (let i = 0; i < step.scenario.workload.items; i++) t += sample(step.scenario.workload.itemRuntime, rng);
  return t;
}

/** True when a step's sub-parents start on a warm reusable pool (a dispatch, not a cold start). */
export function subParentsWarm(w: Workflow, step: WorkflowStep): boolean {
  const env = w.environments.find((e) => e.name === step.parentEnvironment);
  return env !== undefined && env.pool.mode === 'reusable' && !env.pool.startCold;
}

/** A sub-parent's start: the driver uploads its inputs and enqueues it, it starts (t, or a warm dispatch), it downloads its inputs. */
export function subParentStart(step: WorkflowStep, warm: boolean, rng: Rng): number {
  const p = step.scenario.phases;
  return sample(p.uploadInputs.latency, rng) + sample(p.enqueue, rng) + sample(warm ? p.dispatch : p.create, rng) + sample(p.downloadInputs.latency, rng);
}

/** A sub-parent's end after its last child: it uploads its outputs and the driver downloads them. */
export function subParentEnd(step: WorkflowStep, rng: Rng): number {
  const p = step.scenario.phases;
  return sample(p.uploadOutputs.latency, rng) + sample(p.downloadOutputs.latency, rng);
}
