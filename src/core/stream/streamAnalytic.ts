// The analytic cross-check of a stream (docs/streams.md): a workflow of one step of one action
// per run, on a fixed pool of c slots, maps onto a c-slot queue; queueing/form.ts says which
// formula applies (Erlang C exactly for M/M/c, Pollaczek–Khinchine for one slot, Allen–Cunneen
// otherwise, marked approximate) and gives its wait.
import { isFixed, mean, variance } from '../distribution.js';
import type { Workflow } from '../workflow/types.js';
import type { ArrivalsSpec } from './arrivalsSpec.js';
import { analyticForm, analyticWait, NO_FORM_TEXT, type AnalyticWait, type StreamScenarioShape } from './queueing/form.js';
import { actionsOf, slotTimeVariability, type EnvironmentDemand } from './streamDemand.js';

export type StreamAnalytic = { wait: AnalyticWait; note: null } | { wait: null; note: string };

/** How the runs arrive, as the formulas see it: an exponential interarrival time is Poisson. */
function arrivalShape(a: ArrivalsSpec): { arrivals: StreamScenarioShape['arrivals']; cv: number } {
  if (a.shape !== null) return { arrivals: 'shaped', cv: 1 };
  const p = a.process;
  if (p.kind === 'poisson' || p.interarrival.kind === 'exponential') return { arrivals: 'poisson', cv: 1 };
  const m = mean(p.interarrival);
  return { arrivals: 'renewal', cv: isFixed(p.interarrival) || m === 0 ? 0 : Math.sqrt(variance(p.interarrival)) / m };
}

export function streamAnalytic(w: Workflow, batchOf: (step: string) => number, demand: readonly EnvironmentDemand[], arrivals: ArrivalsSpec, ratePerSecond: number): StreamAnalytic {
  const step = w.steps[0];
  const env = demand.find((d) => d.name === step?.environment);
  if (step === undefined || env === undefined || w.steps.length !== 1) return { wait: null, note: NO_FORM_TEXT['several-steps'] };
  const s = step.scenario;
  if (s.failures.failureRate > 0 || s.workload.cacheHitRatio > 0) return { wait: null, note: 'failures or cache hits make a run more than one visit to one queue' };
  const batch = batchOf(step.name);
  const slot = slotTimeVariability(s, batch);
  const { arrivals: kind, cv } = arrivalShape(arrivals);
  // Pods with a cluster limit are a fixed number of slots too; unbounded pods never queue.
  const fixedSlots = env.fixed || (env.pods && env.slots !== null) ? env.slots : null;
  const shape: StreamScenarioShape = {
    stepsPerRun: w.steps.length,
    actionsPerRun: actionsOf(step, batch),
    fixedSlots,
    arrivals: kind,
    arrivalRatePerSecond: ratePerSecond,
    arrivalCv: cv,
    slotTimeKind: slot.kind,
    slotMeanSeconds: slot.meanSeconds,
    slotCv: slot.cv,
  };
  const verdict = analyticForm(shape);
  if (verdict.form === null) return { wait: null, note: NO_FORM_TEXT[verdict.reason] };
  const wait = analyticWait(shape);
  return wait === null ? { wait: null, note: NO_FORM_TEXT.unstable } : { wait, note: null };
}
