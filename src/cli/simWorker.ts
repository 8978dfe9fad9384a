// Worker-thread entry for simWorkers.ts: runs one range of replications and posts them back.
import { parentPort, workerData } from 'node:worker_threads';
import { simulateMany } from '../core/sim/simulateMany.js';
import type { WorkerTask } from './simWorkers.js';

const task: WorkerTask = workerData;
const replications = simulateMany(task.scenario, task.batchSize, { runs: task.runs, seed: task.seed, from: task.from, to: task.to });
parentPort?.postMessage({ replications });
