// check on stream metrics: latency.p99Seconds, cost.perRun, coldStarts.perHour with their
// intervals from replications of the whole stream; a scenario without arrivals, and an unstable
// stream, are bad input that says why.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flyscale } from '../helpers/cli.js';
import { tempDir } from '../helpers/files.js';

const files = tempDir('stream-check');
const queue = (replicas: number): string => ['profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 0s, dispatch: 0s }', 'workload: { items: 1, itemRuntime: 900ms }', `environment: { replicas: ${replicas}, concurrency: 1 }`, 'pricing: { perReplicaHour: 3.6 }', 'arrivals: { interarrival: 500ms, runs: 400 }', ''].join('\n');
files.write('fits.yaml', queue(2));
files.write('over.yaml', queue(1));
files.write('plain.yaml', 'workload: { items: 1 }\n');
// Poisson arrivals and lognormal work on 3 slots at ρ ≈ 0.45: every replication's p99 differs.
files.write('noisy.yaml', ['profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 0s, dispatch: 0s }', 'workload: { items: 1, itemRuntime: { median: 500ms, p95: 2s } }', 'environment: { replicas: 3, concurrency: 1 }', 'arrivals: { rate: 2/s, runs: 300 }', ''].join('\n'));
const budget = (scenario: string, assert: string, simulate = 'simulate: { runs: 3, seed: 1 }'): string => files.write('budget.yaml', ['scenarios:', `  s: ${scenario}`, 'assertions:', '  - name: a', '    scenario: s', `    ${simulate}`, `    assert: ${assert}`, '    level: error', ''].join('\n'));

describe('check on a stream of runs', () => {
  it('judges latency, cost per run and cold starts from the stream', () => {
    // A run every 0.5 s taking 0.9 s on 2 slots: run k takes the slot run k − 2 freed 0.1 s
    // before it arrives, so nobody waits and every latency is 0.9 s. Cost: 2 replicas at 3.6 an
    // hour bill 0.001 a second each, from 0 to the last run's end (199.5 + 0.9 = 200.4 s); a stream
    // bills over its window, so not the idle time after it until idleTtl (30 s) would remove the
    // pool: 2 × 200.4 × 0.001 / 400 runs = 0.001002 a run (0.001152 with the idle tail).
    const pass = flyscale(['check', budget('fits.yaml', 'latency.p99Seconds <= 0.91s'), '--json']);
    expect(pass.code).toBe(0);
    const report: { assertions: { value: number; verdict: string }[] } = JSON.parse(pass.stdout);
    expect(report.assertions[0]?.value).toBeCloseTo(0.9, 9);
    const fail = flyscale(['check', budget('fits.yaml', 'latency.p99Seconds <= 0.89s')]);
    expect(fail.code).toBe(1);
    const cost = flyscale(['check', budget('fits.yaml', 'cost.perRun <= 1'), '--json']);
    expect(cost.code).toBe(0);
    const c: { assertions: { value: number }[] } = JSON.parse(cost.stdout);
    expect(c.assertions[0]?.value).toBeCloseTo(0.001002, 9);
    expect(flyscale(['check', budget('fits.yaml', 'coldStarts.perHour <= 0')]).code).toBe(0);
  });
  it('asks for simulate: on a stream metric', () => {
    const r = flyscale(['check', budget('fits.yaml', 'latency.p99Seconds <= 2s', '')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/latency\.p99Seconds is a simulated metric/);
  });
  it('says a scenario without arrivals has no stream', () => {
    const r = flyscale(['check', budget('plain.yaml', 'wait.meanSeconds <= 2s')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wait\.meanSeconds is a metric of a stream of runs, and scenario s has no arrivals/);
    // latency.* is also a workflow's: on a plain scenario the message names both.
    const latency = flyscale(['check', budget('plain.yaml', 'latency.p99Seconds <= 2s')]);
    expect(latency.code).toBe(2);
    expect(latency.stderr).toMatch(/a metric of a workflow file \(one with steps:\) or of a stream of runs \(arrivals:\)/);
  });
  it('says an unstable stream has no latency, and what it needs', () => {
    // 2 runs a second of 0.9 s each on one slot: ρ = 1.8; it needs 2 replicas (floor(1.8) + 1).
    const r = flyscale(['check', budget('over.yaml', 'latency.p99Seconds <= 2s')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/offered more than it can serve \(ρ = 1\.80\)/);
    expect(r.stderr).toMatch(/needs at least 2 replicas of concurrency 1/);
    // The offered load itself has a value: a budget on it fails (exit 1).
    expect(flyscale(['check', budget('over.yaml', 'load.offered <= 0.8')]).code).toBe(1);
  });
  it('runs the stream until the verdict is settled, at most simulate.runs, with the replications simulate gives', () => {
    type Judged = { assertions: { value: number; ci95: [number, number]; runs: number; verdict: string }[] };
    const judge = (assert: string): Judged['assertions'][number] => {
      const r = flyscale(['check', budget('noisy.yaml', assert, 'simulate: { runs: 40, seed: 1 }'), '--json']);
      const report: Judged = JSON.parse(r.stdout);
      const a = report.assertions[0];
      if (a === undefined) throw new Error(r.stderr);
      return a;
    };
    // A budget far from the value is settled by the first batch of 10 replications, not 40.
    const far = judge('latency.p99Seconds <= 1h');
    expect(far).toMatchObject({ runs: 10, verdict: 'pass' });
    // A budget at the 10-replication mean sits inside its interval: inconclusive at 10, so more are run.
    const near = judge(`latency.p99Seconds <= ${far.value}s`);
    expect(near.runs).toBeGreaterThan(10);
    expect(near.runs).toBeLessThanOrEqual(40);
    // Replication r has the same seed in check as in simulate: the same count gives the same mean.
    const sim = flyscale(['simulate', join(files.dir, 'noisy.yaml'), '--runs', String(near.runs), '--seed', '1', '--json']);
    const simulated: { latency: { p99Seconds: number } } = JSON.parse(sim.stdout);
    expect(near.value).toBeCloseTo(simulated.latency.p99Seconds, 9);
    const ten = flyscale(['simulate', join(files.dir, 'noisy.yaml'), '--runs', '10', '--seed', '1', '--json']);
    expect(far.value).toBeCloseTo((JSON.parse(ten.stdout) as { latency: { p99Seconds: number } }).latency.p99Seconds, 9);
  });
});
