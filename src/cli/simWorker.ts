// Worker-thread entry for simWorkers.ts: runs one range of replications, posting a progress
// message after each, then posts them all back.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateMany } from '../core/sim/simulateMany.js';
import type { Replication } from '../core/sim/types.js';
import type { WorkerMessage, WorkerTask } from './simWorkers.js';

const task: WorkerTask = workerData;
const replications: Replication[] = [];
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
for (let r = task.from; r < task.to; r++) {
  replications.push(...simulateMany(task.scenario, task.batchSize, { runs: task.runs, seed: task.seed, from: r, to: r + 1 }));
  post({ kind: 'progress', done: r + 1 - task.from });
}
post({ kind: 'result', replications });
