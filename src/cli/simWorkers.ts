// Replications spread over worker threads. [0, runs) is cut into W contiguous ranges, one
// per worker, and the results are concatenated in order; since replication r always uses
// deriveSeed(seed, r), the array equals the single-threaded one for any W. W = 1 runs
// inline without a thread. Each worker reports every finished replication, so a long run
// shows progress however it is split.
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
  /** Called with the number of replications finished so far (over all workers): rises to `runs`. */
  onProgress?: (done: number) => void;
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
  const { runs, seed, workers, onProgress } = options;
  const start = options.from ?? 0;
  if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be an integer >= 1, got ${workers}`);
  if (workers === 1) {
    const out: Replication[] = [];
    for (let r = start; r < runs; r++) {
      out.push(...simulateMany(scenario, batchSize, { runs, seed, from: r, to: r + 1 }));
      onProgress?.(r + 1);
    }
    return out;
  }
  simulateMany(scenario, batchSize, { runs, seed, from: start, to: start }); // validates the options up front
  const ranges = splitRuns(runs - start, workers).map(([from, to]) => [start + from, start + to] as const);
  const doneBy = ranges.map(() => 0);
  const parts = await Promise.all(
    ranges.map(([from, to], w) =>
      inWorker({ scenario, batchSize, runs, seed, from, to }, (done) => {
        doneBy[w] = done;
        onProgress?.(start + doneBy.reduce((a, b) => a + b, 0));
      }),
    ),
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

export type WorkerMessage = { kind: 'progress'; done: number } | { kind: 'result'; replications: Replication[] };

function inWorker(task: WorkerTask, onDone: (done: number) => void): Promise<Replication[]> {
  return new Promise((resolve, reject) => {
    // Beside the CLI bundle the worker is simWorker.cjs; in the plain build, simWorker.js.
    const entry = import.meta.url.endsWith('.cjs') ? './simWorker.cjs' : './simWorker.js';
    const worker = new Worker(new URL(entry, import.meta.url), { workerData: task });
    let result: Replication[] | null = null;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onDone(message.done);
      else result = message.replications;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result !== null) resolve(result);
      else reject(new Error(`simulation worker exited with code ${code} before replying`));
    });
  });
}
