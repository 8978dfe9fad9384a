// A workflow run or a stream of runs too large to simulate is bad input (exit 2), refused before
// anything is simulated, with the setting that fixes it: as simulate, sweep and check ask it.
import { InputError } from '../config/errors.js';
import type { SimulationTooLarge } from '../core/sim/simulationSize.js';
import type { ArrivalsSpec } from '../core/stream/arrivalsSpec.js';
import { streamTooLarge, workflowTooLarge, type RunSizeSettings } from '../core/workflow/runSize.js';
import type { StepSizing } from '../core/sim/workflow/composeRun.js';
import type { Workflow } from '../core/workflow/types.js';

/** simulate and sweep: the file's settings and the --runs flag. `batch` is how the file sets a step's batch size. */
export function commandSizeSettings(batch: RunSizeSettings['batch'] = STEP_BATCH): RunSizeSettings {
  return { batch, runs: (n) => `--runs ${n}`, streamRuns: (n) => `arrivals.runs: ${n}, or --stream-runs ${n}`, streamDuration: (d) => `arrivals.duration: ${d}, or --stream-duration ${d}` };
}

/** check: the budget's simulate.runs and the scenario's own settings. */
export function budgetSizeSettings(scenario: string, batch: RunSizeSettings['batch']): RunSizeSettings {
  return {
    batch: (step, n) => `${batch(step, n)} in scenario ${scenario}`,
    runs: (n) => `simulate: { runs: ${n} }`,
    streamRuns: (n) => `arrivals.runs: ${n} in scenario ${scenario}`,
    streamDuration: (d) => `arrivals.duration: ${d} in scenario ${scenario}`,
  };
}

/** A workflow file sets a step's batch at steps.<name>.batchSize. */
export const STEP_BATCH: RunSizeSettings['batch'] = (step, n) => `steps.${step}.batchSize: ${n}`;
/** A one-step workflow made of a plain scenario sets its batch at workload.batchSize. */
export const SCENARIO_BATCH: RunSizeSettings['batch'] = (_step, n) => `workload.batchSize: ${n}`;

/** Why the simulation asked for is too large (a stream when `arrivals` is given), or null. */
export function runSizeProblem(w: Workflow, sizing: (step: string) => StepSizing, arrivals: ArrivalsSpec | null, runs: number, settings: RunSizeSettings): SimulationTooLarge | null {
  const batchOf = (step: string): number => sizing(step).batch;
  return arrivals === null ? workflowTooLarge(w, batchOf, runs, settings) : streamTooLarge(w, batchOf, arrivals, runs, settings);
}

/** Throws the exit-2 error when the simulation asked for is too large. */
export function assertRunSize(w: Workflow, sizing: (step: string) => StepSizing, arrivals: ArrivalsSpec | null, runs: number, settings: RunSizeSettings = commandSizeSettings()): void {
  const found = runSizeProblem(w, sizing, arrivals, runs, settings);
  if (found) throw new InputError([{ source: 'simulation', path: '', ...found }]);
}
