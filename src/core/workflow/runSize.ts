// The size limits of docs/simulator.md ("How large a simulation") for a workflow run and a
// stream of runs, checked before anything is simulated. A replication of a workflow is one run,
// so its actions per replication are the run's; a replication of a stream holds every run of
// the stream, so its actions are the runs × the actions of one run.
import { count, MAX_SIMULATED_ACTIONS_PER_RUN, MAX_SIMULATED_ACTIONS_TOTAL, PER_RUN_LIMIT, type SimulationTooLarge, TOTAL_LIMIT } from '../sim/simulationSize.js';
import type { ArrivalsSpec } from '../stream/arrivalsSpec.js';
import { meanRatePerSecond } from '../stream/arrivals.js';
import type { Workflow } from './types.js';

/** How the user sets a step's batch size, the replications and the stream's length where the simulation was asked for, given the value. */
export interface RunSizeSettings {
  batch: (step: string, n: number) => string;
  runs: (n: number) => string;
  streamRuns: (n: number) => string;
  streamDuration: (duration: string) => string;
}

interface StepActions {
  step: string;
  items: number;
  actions: number;
}


/** A time no longer than `seconds`, in whole hours, minutes or seconds, as a duration setting takes it. */
const wholeTime = (seconds: number): string => (seconds >= 3600 ? `${Math.floor(seconds / 3600)}h` : seconds >= 60 ? `${Math.floor(seconds / 60)}m` : `${Math.max(1, Math.floor(seconds))}s`);

/** The simulated actions of each map and task step of one run (trace and local steps have none), as the engine lays them out. */
export function stepActions(w: Workflow, batchOf: (step: string) => number): StepActions[] {
  return w.steps.filter((s) => s.kind === 'map' || s.kind === 'task').map((s) => ({ step: s.name, items: s.scenario.workload.items, actions: Math.ceil(s.scenario.workload.items / Math.max(1, batchOf(s.name))) }));
}

/** The batch size of the largest step that brings `perRun` actions down to `limit`, the other steps as they are; a sentence for the fix. */
function batchFix(steps: readonly StepActions[], limit: number, settings: RunSizeSettings): string {
  const total = steps.reduce((t, s) => t + s.actions, 0);
  const largest = steps.reduce<StepActions | null>((m, s) => (m === null || s.actions > m.actions ? s : m), null);
  if (largest === null) return 'use larger batches';
  const room = limit - (total - largest.actions);
  if (room < 1) return 'use larger batches on its largest steps';
  const batch = Math.ceil(largest.items / room);
  return `give step ${largest.step} (${count(largest.actions)} actions) a batch size of at least ${count(batch)} (${settings.batch(largest.step, batch)})`;
}

/** Why `runs` replications of one run of `w` are more than flyscale simulates; or null. */
export function workflowTooLarge(w: Workflow, batchOf: (step: string) => number, runs: number, settings: RunSizeSettings): SimulationTooLarge | null {
  const steps = stepActions(w, batchOf);
  const perRun = steps.reduce((t, s) => t + s.actions, 0);
  if (perRun > MAX_SIMULATED_ACTIONS_PER_RUN) {
    return {
      problem: `${count(perRun)} actions in one simulated run is more than flyscale simulates (${PER_RUN_LIMIT})`,
      fix: `${batchFix(steps, MAX_SIMULATED_ACTIONS_PER_RUN, settings)}, or simulate fewer items; a run of Flyte has at most 50,000 actions anyway`,
    };
  }
  if (perRun * runs > MAX_SIMULATED_ACTIONS_TOTAL) {
    const fewer = Math.max(1, Math.floor(MAX_SIMULATED_ACTIONS_TOTAL / perRun));
    return {
      problem: `${count(runs)} runs of ${count(perRun)} actions is ${count(perRun * runs)} simulated actions, more than flyscale simulates (${TOTAL_LIMIT})`,
      fix: `use at most ${count(fewer)} runs (${settings.runs(fewer)})`,
    };
  }
  return null;
}

/** Why `replications` of the whole stream are more than flyscale simulates; or null. The runs of a stream bounded by time are its expected count. */
export function streamTooLarge(w: Workflow, batchOf: (step: string) => number, arrivals: ArrivalsSpec, replications: number, settings: RunSizeSettings): SimulationTooLarge | null {
  const steps = stepActions(w, batchOf);
  const perRun = steps.reduce((t, s) => t + s.actions, 0);
  const rate = meanRatePerSecond(arrivals);
  const runs = Math.min(arrivals.runs ?? Infinity, arrivals.durationSeconds === null ? Infinity : rate * arrivals.durationSeconds);
  const perReplication = runs * perRun;
  const about = arrivals.runs !== null && runs === arrivals.runs ? '' : 'about ';
  if (perReplication > MAX_SIMULATED_ACTIONS_PER_RUN) {
    const fewer = Math.max(1, Math.floor(MAX_SIMULATED_ACTIONS_PER_RUN / Math.max(1, perRun)));
    const length = arrivals.runs !== null ? settings.streamRuns(fewer) : settings.streamDuration(wholeTime(fewer / rate));
    return {
      problem: `a stream of ${about}${count(runs)} runs of ${count(perRun)} actions is ${about}${count(perReplication)} actions in one replication, more than flyscale simulates (${PER_RUN_LIMIT})`,
      fix: `shorten the stream to at most ${count(fewer)} runs (${length}), or use larger batches; the percentiles settle long before that`,
    };
  }
  if (perReplication * replications > MAX_SIMULATED_ACTIONS_TOTAL) {
    const fewer = Math.max(1, Math.floor(MAX_SIMULATED_ACTIONS_TOTAL / perReplication));
    return {
      problem: `${count(replications)} replications of a stream of ${about}${count(perReplication)} actions is ${about}${count(perReplication * replications)} simulated actions, more than flyscale simulates (${TOTAL_LIMIT})`,
      fix: `use at most ${count(fewer)} replications (${settings.runs(fewer)}), or a shorter stream`,
    };
  }
  return null;
}
