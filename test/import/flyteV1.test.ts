// The built-in flyte-v1 profile: Flyte 1's limits and defaults where they differ from Flyte 2,
// and a Flyte 1 run's imported profile carries them.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/config/load.js';

describe('flyte-v1', () => {
  const { scenario } = loadScenario({ profile: 'flyte-v1' });
  it('plans against Flyte 1 limits', () => {
    // maxDownloadMBs 2 → 2 MB decimal; maxArrayJobSize 5000; max_parallelism 25.
    expect(scenario.limits.maxInlineIoBytes).toBe(2_000_000);
    expect(scenario.limits.maxActionsPerRun).toBe(5000);
    expect(scenario.run.maxActionConcurrency).toBe(25);
    expect(scenario.run.mapConcurrency).toBe(0);
    expect(scenario.pool.mode).toBe('pod');
  });
});

describe('an imported Flyte 1 run', () => {
  it('plans against flyte-v1 limits', async () => {
    const { flyscale, tempDir, writeTemp } = await import('../profile/cli.js');
    const { join } = await import('node:path');
    const dir = tempDir();
    const T = (s: number): string => new Date(Date.UTC(2025, 5, 1, 9) + s * 1000).toISOString();
    const nodes = [1, 2, 3].map((i) => ({ node_exec: { id: { nodeId: `n${i}`, executionId: { name: 'f1' } }, closure: {} }, task_execs: [{ id: { taskId: { name: 'wf.t' } }, closure: { phase: 'SUCCEEDED', createdAt: T(i), startedAt: T(i + 10), duration: '30s' } }] }));
    const file = writeTemp(dir, 'exec.json', JSON.stringify(nodes));
    expect(flyscale(['profile', 'import', file, '--out', join(dir, 'f1.yaml')]).status).toBe(0);
    const plan = JSON.parse(flyscale(['plan', join(dir, 'f1.scenario.yaml'), '--json']).stdout);
    expect(plan.fanout.limits.hard).toBe(5000);
  });
});
