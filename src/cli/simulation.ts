// Run the replications of a simulation for a command: options checked, workers chosen,
// progress reported. Shared by simulate, sweep, check and plan --simulate.
import { availableParallelism } from 'node:os';
import type { Scenario } from '../core/model.js';
import { simulateMany } from '../core/sim/simulateMany.js';
import type { Replication } from '../core/sim/types.js';
import { InputError } from '../config/errors.js';
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

function wholeNumber(raw: unknown, flag: string, min: number, fallback: number, example: string, max = Number.MAX_SAFE_INTEGER): number {
  if (raw === undefined) return fallback;
  const text = String(raw).trim();
  const value = /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = max < Number.MAX_SAFE_INTEGER ? `from ${min} to ${max}` : `≥ ${min}`;
    throw new InputError([{ source: flag, path: '', problem: `${JSON.stringify(raw)} is not a whole number ${range}`, fix: `write e.g. ${flag} ${example}` }]);
  }
  return value;
}

export function simulationOptions(options: Record<string, unknown>): SimulationOptions {
  return {
    runs: wholeNumber(options.runs, '--runs', 1, DEFAULT_RUNS, '100'),
    seed: wholeNumber(options.seed, '--seed', 0, DEFAULT_SEED, '42', MAX_SEED),
    workers: options.workers === undefined ? null : wholeNumber(options.workers, '--workers', 1, 1, '2'),
  };
}

/** Threads pay ~50 ms each to start: worth it only past about a million simulated actions. */
export function chooseWorkers(requested: number | null, runs: number, actions: number): number {
  if (requested !== null) return requested;
  return runs * actions >= 1_000_000 ? Math.max(1, Math.min(availableParallelism(), 4, runs)) : 1;
}

export async function replicate(scenario: Scenario, batchSize: number, options: SimulationOptions, term: Terminal, label = 'simulating'): Promise<Replication[]> {
  const actions = Math.ceil(scenario.workload.items / batchSize);
  const workers = chooseWorkers(options.workers, options.runs, actions);
  if (workers > 1) {
    term.progress(label, 0, options.runs);
    return runReplications(scenario, batchSize, { runs: options.runs, seed: options.seed, workers, onProgress: (done) => term.progress(label, done, options.runs) });
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
