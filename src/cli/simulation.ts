// Run the replications of a simulation for a command: options checked, workers chosen,
// progress reported. Shared by simulate, sweep, check and plan --simulate.
import { availableParallelism } from 'node:os';
import type { Scenario } from '../core/model.js';
import { simulateMany } from '../core/sim/simulateMany.js';
import { simulationTooLarge, type SizeSettings } from '../core/sim/simulationSize.js';
import type { Replication } from '../core/sim/types.js';
import { wholeNumber } from './flags.js';
import type { SimulationFlags } from './options.js';
import { InputError, type InputProblem } from '../config/errors.js';
import type { Terminal } from './result.js';
import { runReplications } from './simWorkers.js';

export const DEFAULT_RUNS = 100;
export const DEFAULT_SEED = 1;

export interface SimulationOptions {
  runs: number;
  seed: number;
  /** null: choose by the amount of work. */
  workers: number | null;
}

/** Seeds are 32-bit: a larger one would silently repeat a smaller one's streams. */
const MAX_SEED = 4_294_967_295;

export function simulationOptions(options: SimulationFlags): SimulationOptions {
  return {
    runs: options.runs === undefined ? DEFAULT_RUNS : wholeNumber(options.runs, '--runs', { min: 1, example: '100' }),
    seed: options.seed === undefined ? DEFAULT_SEED : wholeNumber(options.seed, '--seed', { min: 0, max: MAX_SEED, example: '42' }),
    workers: options.workers === undefined ? null : wholeNumber(options.workers, '--workers', { min: 1, example: '2' }),
  };
}

/** Threads pay ~50 ms each to start: worth it only past about a million simulated actions. */
export function chooseWorkers(requested: number | null, runs: number, actions: number): number {
  if (requested !== null) return requested;
  return runs * actions >= 1_000_000 ? Math.max(1, Math.min(availableParallelism(), 4, runs)) : 1;
}

/** Where a simulation was asked for, for its size problem: flags by default, a budget's line for check. */
export type SimulationPlace = Pick<InputProblem, 'source' | 'path' | 'line' | 'column'> & { settings?: SizeSettings };

export async function replicate(scenario: Scenario, batchSize: number, options: SimulationOptions, term: Terminal, label = 'simulating', place: SimulationPlace = { source: 'simulation', path: '' }): Promise<Replication[]> {
  const { settings, ...where } = place;
  const poolSlots = scenario.pool.mode === 'reusable' ? scenario.pool.maxReplicas * scenario.pool.concurrency : 0;
  const tooLarge = simulationTooLarge(scenario.workload.items, batchSize, options.runs, settings, poolSlots);
  if (tooLarge) throw new InputError([{ ...where, ...tooLarge }]);
  const actions = Math.ceil(scenario.workload.items / batchSize);
  const workers = chooseWorkers(options.workers, options.runs, actions);
  if (workers > 1) {
    term.progress(label, 0, options.runs);
    const reps = await runReplications(scenario, batchSize, { runs: options.runs, seed: options.seed, workers });
    term.progress(label, options.runs, options.runs);
    return reps;
  }
  const out: Replication[] = [];
  const step = Math.max(1, Math.floor(200_000 / Math.max(1, actions)));
  for (let from = 0; from < options.runs; from += step) {
    const to = Math.min(options.runs, from + step);
    out.push(...simulateMany(scenario, batchSize, { runs: options.runs, seed: options.seed, from, to }));
    term.progress(label, to, options.runs);
  }
  return out;
}
