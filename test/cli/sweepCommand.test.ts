// runSweep in process, to see what it does before it fails: bad input is found before
// any point is simulated (no progress is ever reported).
import { afterAll, expect, test } from 'vitest';
import { runSweep } from '../../src/cli/commands/sweep.js';
import type { Terminal } from '../../src/cli/result.js';
import { InputError } from '../../src/config/errors.js';
import { fixedScenario, scratch } from './run.js';

const dir = scratch({ 'grid.yaml': fixedScenario({ items: 24, itemRuntime: '1s', replicas: 2, concurrency: 2 }) });
afterAll(() => dir.cleanup());

function terminal(progress: Terminal['progress']): Terminal {
  return { color: false, stderrColor: false, width: 100, cwd: dir.dir, env: {}, interactive: false, progress };
}

test('--objective cost without a price fails before simulating any point', async () => {
  const calls: string[] = [];
  const run = runSweep('grid.yaml', { batchSize: '1,8', replicas: '1,3', runs: '2', objective: 'cost' }, terminal((label) => calls.push(label)));
  await expect(run).rejects.toBeInstanceOf(InputError);
  await expect(run).rejects.toThrow(/pricing\.perReplicaHour/);
  expect(calls).toEqual([]);
});

test('the same sweep with a price runs, and reports progress for every point', async () => {
  const calls = new Set<string>();
  const r = await runSweep('grid.yaml', { batchSize: '1,8', replicas: '1,3', runs: '2', objective: 'cost', perReplicaHour: '1', json: true }, terminal((label) => calls.add(label)));
  expect(r.verdict).toBe('pass');
  expect([...calls].sort()).toEqual(['point 1/4', 'point 2/4', 'point 3/4', 'point 4/4']);
});
