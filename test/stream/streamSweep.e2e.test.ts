// sweep --set on a stream: every point simulated as the whole stream, an unstable point not
// simulated and ranked last, the faster and the cheaper stable points on the Pareto set.
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const files = tempDir('stream-sweep');
const FILE = files.write('queue.yaml', ['name: queue', 'profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 0s, dispatch: 0s }', 'environments:', '  pool: { replicas: 2, concurrency: 1, perReplicaHour: 1 }', 'steps:', '  serve: { kind: task, environment: pool, runtime: { dist: exponential, mean: 1s } }', 'arrivals: { rate: 1.5/s, runs: 3000, warmup: 1m }', ''].join('\n'));

interface Point {
  parameters: Record<string, string>;
  feasible: boolean;
  offered: number;
  latency: { p99Seconds: number } | null;
  pareto: boolean;
  rank: number;
}

describe('sweep on a stream', () => {
  it('ranks by p99, the unstable point last, and marks the Pareto set', () => {
    const r = flyscale(['sweep', FILE, '--set', 'environments.pool.replicas=1,2,3', '--runs', '3', '--json']);
    expect(r.code).toBe(0);
    const report: { kind: string; runs: number; points: Point[] } = JSON.parse(r.stdout);
    expect(report.kind).toBe('streamSweep');
    expect(report.runs).toBe(3);
    const by = (n: string): Point | undefined => report.points.find((p) => p.parameters['environments.pool.replicas'] === n);
    // 1.5 runs/s × 1 s: ρ = 1.5 on one slot (unstable), 0.75 on two, 0.5 on three.
    expect(by('1')).toMatchObject({ feasible: false, latency: null, rank: 3, pareto: false });
    expect(by('1')?.offered).toBeCloseTo(1.5, 12);
    expect(by('3')?.rank).toBe(1);
    expect(by('2')?.rank).toBe(2);
    expect((by('3')?.latency?.p99Seconds ?? 0) < (by('2')?.latency?.p99Seconds ?? 0)).toBe(true);
    // Three replicas are faster, two cheaper: both on the front.
    expect([by('2')?.pareto, by('3')?.pareto]).toEqual([true, true]);
  });
});
