// Run the replications of a simulation for a command: options checked, workers chosen,
// progress reported. Shared by simulate, sweep, check and plan --simulate.
import { availableParallelism } from 'node:os';
import type { Scenario } from '../core/model.js';
import { DEFAULT_MAX_RUNS, DEFAULT_MIN_RUNS, DEFAULT_PRECISION, type PrecisionTarget } from '../core/sim/stopping.js';
import { simulateMany } from '../core/sim/simulateMany.js';
import { simulationTooLarge } from '../core/sim/simulationSize.js';
import type { Replication } from '../core/sim/types.js';
import { wholeNumber, type WholeNumberRule } from './flags.js';
import type { SimulationFlags } from './options.js';
import { InputError } from '../config/errors.js';
import { percentShare } from '../config/percent.js';
import type { Terminal } from './result.js';
import { runReplications } from './simWorkers.js';

export const DEFAULT_RUNS = 100;

/** What stderr says of --workers where the work runs in this process (a workflow, a stream, a sweep by --set): it cannot change the report. */
export const workersHaveNoEffect = (where: string, what = 'its replications'): string => `flyscale: --workers has no effect on ${where}: ${what} run in this process (the report is the same for any count)`;
export const DEFAULT_SEED = 1;

export interface SimulationOptions {
  /** Fixed replications; with `auto` set, the most that may run (its maxRuns). */
  runs: number;
  /** `--runs auto`: replicate until the 95% interval is within the precision (stopping.ts). */
  auto: PrecisionTarget | null;
  seed: number;
  /** null: choose by the amount of work. */
  workers: number | null;
}

/** Seeds are 32-bit: a larger one would silently repeat a smaller one's streams. */
const MAX_SEED = 4_294_967_295;

/** A whole-number flag, or the fallback when it was not given. */
const countOr = (raw: unknown, flag: string, fallback: number, rule: WholeNumberRule): number => (raw === undefined ? fallback : wholeNumber(raw, flag, rule));

/** `--precision 1%` or `0.01`: a fraction in (0, 1). */
function precisionOf(raw: unknown): number {
  if (raw === undefined) return DEFAULT_PRECISION;
  const text = String(raw).trim();
  const value = text.endsWith('%') ? (percentShare(text) ?? Number.NaN) : Number(text);
  if (!(text.length > 0) || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new InputError([{ source: '--precision', path: '', problem: `${JSON.stringify(raw)} is not a fraction between 0 and 1`, fix: 'write e.g. --precision 1% or --precision 0.005' }]);
  }
  return value;
}

/** `defaultRuns`: what no --runs means for this command (a count, or `auto`). */
export function simulationOptions(options: SimulationFlags, defaultRuns: number | 'auto' = DEFAULT_RUNS): SimulationOptions {
  const raw = options.runs ?? defaultRuns;
  const auto = String(raw).trim() === 'auto';
  if (auto && defaultRuns !== 'auto') {
    throw new InputError([{ source: '--runs', path: '', problem: '"auto" applies to simulate only; here the runs are a fixed count', fix: 'write e.g. --runs 100' }]);
  }
  if (!auto && (options.precision !== undefined || options.maxRuns !== undefined)) {
    const flag = options.precision !== undefined ? '--precision' : '--max-runs';
    throw new InputError([{ source: flag, path: '', problem: `${flag} applies only with --runs auto`, fix: `add --runs auto, or drop ${flag}` }]);
  }
  const maxRuns = auto ? countOr(options.maxRuns, '--max-runs', DEFAULT_MAX_RUNS, { min: 2, example: '500' }) : 0;
  return {
    runs: auto ? maxRuns : countOr(raw, '--runs', DEFAULT_RUNS, { min: 1, example: '100 (or auto)' }),
    auto: auto ? { precision: precisionOf(options.precision), minRuns: Math.min(DEFAULT_MIN_RUNS, maxRuns), maxRuns } : null,
    seed: countOr(options.seed, '--seed', DEFAULT_SEED, { min: 0, max: MAX_SEED, example: '42' }),
    workers: options.workers === undefined ? null : wholeNumber(options.workers, '--workers', { min: 1, example: '2' }),
  };
}

/** Threads pay ~50 ms each to start: worth it only past about a million simulated actions. */
export function chooseWorkers(requested: number | null, runs: number, actions: number): number {
  if (requested !== null) return requested;
  return runs * actions >= 1_000_000 ? Math.max(1, Math.min(availableParallelism(), 4, runs)) : 1;
}

/**
 * Replications [start, options.runs). A simulation larger than flyscale runs is refused here
 * with the flags that fix it; check asks the same question of its budget before it starts.
 */
export async function replicate(scenario: Scenario, batchSize: number, options: SimulationOptions, term: Terminal, label = 'simulating', start = 0): Promise<Replication[]> {
  const poolSlots = scenario.pool.mode === 'reusable' ? scenario.pool.maxReplicas * scenario.pool.concurrency : 0;
  const tooLarge = simulationTooLarge(scenario.workload.items, batchSize, options.runs, undefined, poolSlots);
  if (tooLarge) throw new InputError([{ source: 'simulation', path: '', ...tooLarge }]);
  const actions = Math.ceil(scenario.workload.items / batchSize);
  const workers = chooseWorkers(options.workers, options.runs - start, actions);
  if (workers > 1) {
    term.progress(label, start, options.runs);
    return runReplications(scenario, batchSize, { runs: options.runs, seed: options.seed, workers, from: start, onProgress: (done) => term.progress(label, done, options.runs) });
  }
  const out: Replication[] = [];
  const step = Math.max(1, Math.floor(200_000 / Math.max(1, actions)));
  for (let from = start; from < options.runs; from += step) {
    const to = Math.min(options.runs, from + step);
    out.push(...simulateMany(scenario, batchSize, { runs: options.runs, seed: options.seed, from, to }));
    term.progress(label, to, options.runs);
  }
  return out;
}
