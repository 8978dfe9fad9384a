// Replications spread over worker threads. [0, runs) is cut into W contiguous ranges, one
// per worker, and the results are concatenated in order; since replication r always uses
// deriveSeed(seed, r), the array equals the single-threaded one for any W. W = 1 runs
// inline without a thread.
import { Worker } from 'node:worker_threads';
import type { Scenario } from '../core/model.js';
import { simulateMany } from '../core/sim/simulateMany.js';
import type { Replication } from '../core/sim/types.js';

export interface WorkerRunOptions {
  runs: number;
  seed: number;
  workers: number;
  /** First replication (default 0): replications [from, runs) are run. */
  from?: number;
}

/** The contiguous ranges [from, to) that split `runs` over at most `workers` parts. */
export function splitRuns(runs: number, workers: number): Array<[number, number]> {
  const parts = Math.max(1, Math.min(workers, runs));
  const ranges: Array<[number, number]> = [];
  for (let w = 0; w < parts; w++) {
    const from = Math.floor((runs * w) / parts);
    const to = Math.floor((runs * (w + 1)) / parts);
    if (to > from) ranges.push([from, to]);
  }
  return ranges;
}

export async function runReplications(scenario: Scenario, batchSize: number, options: WorkerRunOptions): Promise<Replication[]> {
  const { runs, seed, workers } = options;
  const start = options.from ?? 0;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  if (workers === 1) return simulateMany(scenario, batchSize, { runs, seed, from: start, to: runs });
  simulateMany(scenario, batchSize, { runs, seed, from: start, to: start }); // validates the options up front
  const parts = await Promise.all(
    splitRuns(runs - start, workers).map(([from, to]) => inWorker({ scenario, batchSize, runs, seed, from: start + from, to: start + to })),
  );
  return parts.flat();
}

export interface WorkerTask {
  scenario: Scenario;
  batchSize: number;
  runs: number;
  seed: number;
  from: number;
  to: number;
}

function inWorker(task: WorkerTask): Promise<Replication[]> {
  return new Promise((resolve, reject) => {
    // Beside the CLI bundle the worker is simWorker.cjs; in the plain build, simWorker.js.
    const entry = import.meta.url.endsWith('.cjs') ? './simWorker.cjs' : './simWorker.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: task });
    let result: Replication[] | null = null;
    worker.once('message', (message: { replications: Replication[] }) => {
      result = message.replications;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result !== null) resolve(result);
      else reject(new Error(`simulation worker exited with code ${code} before replying`));
    });
  });
}
