import { it } from 'vitest';
import { simulateRun } from '../../src/core/sim/workflow/composeRun.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { workflow } from './helpers.js';
it('probe', () => {
  for (const env of ['{ replicas: [1, 6], concurrency: 2 }', '{ podPerTask: true, clusterSlots: 7 }', '{ replicas: [0, 6], concurrency: 3, startCold: true, replicaCpus: 2, actionCpu: 1 }']) {
    const text = ['driver: { start: 0s }', 'environments:', `  e: ${env}`, 'steps:', '  m: { kind: map, environment: e, items: 300, itemRuntime: { median: 1s, p95: 4s }, batchSize: 3, failureRate: 0.1, retries: 2, cacheHitRatio: 0.2 }'].join('\n');
    const w = workflow(text).workflow;
    const s = w.steps[0]!.scenario;
    for (const seed of [1, 2, 3]) {
      const a = simulateRun(w, () => ({ batch: 3, sharedSlots: null }), seed);
      const b = simulateReplication(s, 3, seed, { fastPath: false });
      console.log(env, seed, a.makespanSeconds, b.makespanSeconds, a.environments.e, b.coldStarts, b.replicaSeconds, b.utilization);
    }
  }
});
