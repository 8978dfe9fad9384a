// flyscale simulate, end to end through the built binary: bad flags, determinism across
// seeds and worker counts, the MODEL §7 report paths, the timeline, and an exact case.
import { afterAll, describe, expect, test } from 'vitest';
import { readPath } from '../../src/core/check/metrics.js';
import { fixedScenario, flyscale, json, scratch } from './run.js';

const dir = scratch({
  // 4 replicas × 3 slots = 12 slots; 240 items of batch 1 → 240 actions = 20 waves of 2 s.
  'fixed.yaml': fixedScenario({ items: 240, itemRuntime: '2s', replicas: 4, concurrency: 3 }),
  // 5 × 2 = 10 slots; 140 items in batches of 2 → 70 actions = 7 waves of 2 × 1.5 s = 3 s.
  'batched.yaml': fixedScenario({ items: 140, itemRuntime: 1.5 + 's', replicas: 5, concurrency: 2, batchSize: 2 }),
  // Random runtimes, so seeds matter.
  'random.yaml': fixedScenario({ items: 200, itemRuntime: '{ median: 1s, p95: 3s }', replicas: 4, concurrency: 2 }),
  // A long run, to make the timeline coarsen: 10 waves of 300 s = 3000 s.
  'long.yaml': fixedScenario({ items: 20, itemRuntime: '300s', replicas: 2, concurrency: 1 }),
});
afterAll(() => dir.cleanup());

const simulate = (...args: string[]) => flyscale(['simulate', ...args], { cwd: dir.dir });

describe('bad flags exit 2 with the flag named and no stack trace', () => {
  test.each([
    [['--runs', '0'], '--runs'],
    [['--runs', '2.5'], '--runs'],
    [['--seed', '1.5'], '--seed'],
    [['--seed', 'abc'], '--seed'],
    [['--workers', '0'], '--workers'],
  ])('%j', (args, flag) => {
    const r = simulate('fixed.yaml', ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('flyscale: bad input');
    expect(r.stderr).toContain(`${flag}:`);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack frames
  });

  test('replicas with max below min and a TTL under 30 s are bad input in the scenario', () => {
    const r1 = simulate('fixed.yaml', '--replicas', '[8, 4]', '--runs', '2');
    expect(r1.code).toBe(2);
    expect(r1.stderr).toMatch(/environment\.replicas: max replicas \(4\) is below min \(8\)/);
    const r2 = simulate('fixed.yaml', '--scaledown-ttl', '10s', '--runs', '2');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/environment\.scaledownTtl: "10s" is below the minimum of 30s/);
  });
});

describe('determinism', () => {
  test('the same seed twice gives byte-identical JSON; another seed does not', () => {
    const a = simulate('random.yaml', '--runs', '20', '--seed', '7', '--json');
    const b = simulate('random.yaml', '--runs', '20', '--seed', '7', '--json');
    const c = simulate('random.yaml', '--runs', '20', '--seed', '8', '--json');
    expect(a.code).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(b.stdout).toBe(a.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    expect(json(a).seed).toBe(7);
  });

  test('--workers 1 and --workers 2 give byte-identical JSON', () => {
    const one = simulate('random.yaml', '--runs', '21', '--seed', '3', '--workers', '1', '--json');
    const two = simulate('random.yaml', '--runs', '21', '--seed', '3', '--workers', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('the report', () => {
  const report = json(simulate('random.yaml', '--runs', '10', '--json'));

  test('has every MODEL §7 simulate path, as a number (or a pair for the interval)', () => {
    for (const path of [
      'runs',
      'seed',
      'makespan.meanSeconds',
      'makespan.stddevSeconds',
      'makespan.p5Seconds',
      'makespan.p50Seconds',
      'makespan.p95Seconds',
      'throughputItemsPerSecond.mean',
      'utilization.mean',
      'coldStarts.mean',
      'replicaSeconds.billed.mean',
    ]) {
      expect(readPath(report, path), path).toBeTypeOf('number');
    }
    const ci = readPathRaw(report, 'makespan.ci95Seconds');
    expect(Array.isArray(ci) && ci.length === 2 && ci.every((x) => typeof x === 'number')).toBe(true);
  });

  test('records the defaults it ran with: seed 1 and the runs asked for', () => {
    expect(report).toMatchObject({ schemaVersion: 2, command: 'simulate', runs: 10, seed: 1 });
  });

  test('statistics are ordered: p5 ≤ p50 ≤ p95, and the mean inside its interval', () => {
    const m = report.makespan as { meanSeconds: number; ci95Seconds: [number, number]; p5Seconds: number; p50Seconds: number; p95Seconds: number };
    expect(m.p5Seconds).toBeLessThanOrEqual(m.p50Seconds);
    expect(m.p50Seconds).toBeLessThanOrEqual(m.p95Seconds);
    expect(m.ci95Seconds[0]).toBeLessThan(m.meanSeconds);
    expect(m.ci95Seconds[1]).toBeGreaterThan(m.meanSeconds);
  });

  test('without --timeline there is no timeline', () => {
    expect(report).not.toHaveProperty('timeline');
  });
});

describe('an exact case: fixed values on a warm fixed pool make the makespan waves × slot time', () => {
  test('240 actions on 4 × 3 slots of 2 s: 20 waves × 2 s = 40 s, in every replication', () => {
    const r = json(simulate('fixed.yaml', '--runs', '5', '--json'));
    expect(r.makespan).toEqual({ meanSeconds: 40, stddevSeconds: 0, ci95Seconds: [40, 40], p5Seconds: 40, p50Seconds: 40, p95Seconds: 40 });
    // 240 items / 40 s = 6 items/s; every slot busy all the time; no cold start on a warm pool.
    expect(readPath(r, 'throughputItemsPerSecond.mean')).toBe(6);
    expect(readPath(r, 'utilization.mean')).toBe(1);
    expect(readPath(r, 'coldStarts.mean')).toBe(0);
    // 4 replicas each busy for the whole 40 s.
    expect(readPath(r, 'replicaSeconds.busy.mean')).toBe(160);
    // The closed form agrees exactly here (MODEL §5: fixed values, warm pool, slots bind).
    expect(r.estimateMakespanSeconds).toBe(40);
  });

  test('batches: 140 items in batches of 2 on 5 × 2 slots: 70 actions = 7 waves × (2 × 1.5 s) = 21 s', () => {
    const r = json(simulate('batched.yaml', '--runs', '3', '--json'));
    expect(r).toMatchObject({ batchSize: 2, actions: 70 });
    expect(readPath(r, 'makespan.meanSeconds')).toBeCloseTo(21, 9);
    expect(readPath(r, 'makespan.stddevSeconds')).toBeCloseTo(0, 9);
    // 140 items / 21 s
    expect(readPath(r, 'throughputItemsPerSecond.mean')).toBeCloseTo(140 / 21, 9);
  });
});

describe('--timeline', () => {
  test('the JSON has the timeline: spaced by its interval, at most 500 points, and the pool shape', () => {
    const r = json(simulate('fixed.yaml', '--runs', '2', '--timeline', '--json'));
    const t = r.timeline as { intervalSeconds: number; points: { timeSeconds: number; busySlots: number; readyReplicas: number; queueLength: number }[] };
    expect(t.points.length).toBeGreaterThan(1);
    expect(t.points.length).toBeLessThanOrEqual(500);
    t.points.forEach((p, i) => expect(p.timeSeconds).toBeCloseTo(i * t.intervalSeconds, 9));
    // During the run all 12 slots are busy and 4 replicas ready; the last point (40 s) is idle.
    const during = t.points.filter((p) => p.timeSeconds < 40);
    expect(during.every((p) => p.busySlots === 12 && p.readyReplicas === 4)).toBe(true);
    expect(t.points[t.points.length - 1]).toMatchObject({ timeSeconds: 40, busySlots: 0, queueLength: 0 });
  });

  test('a long run coarsens the interval by doubling to stay within 500 points', () => {
    // 3000 s at 1 s would be 3001 points; 1 → 2 → 4 → 8 s gives 376.
    const r = json(simulate('long.yaml', '--runs', '2', '--timeline', '--json'));
    const t = r.timeline as { intervalSeconds: number; points: unknown[] };
    expect(readPath(r, 'makespan.meanSeconds')).toBe(3000);
    expect(t.points.length).toBeLessThanOrEqual(500);
    expect(Math.log2(t.intervalSeconds) % 1).toBe(0);
    expect(t.intervalSeconds).toBeGreaterThanOrEqual(8);
  });

  test('the table draws the chart on stdout, nothing on stderr', () => {
    const r = simulate('fixed.yaml', '--runs', '2', '--timeline');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Timeline of replication 1/);
    expect(r.stdout).toMatch(/busy slots/);
    expect(r.stderr).toBe('');
  });
});

function readPathRaw(report: unknown, path: string): unknown {
  let node: unknown = report;
  for (const step of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[step] : undefined;
  return node;
}

describe('the plan findings come along', () => {
  test('a fan-out over the hard limit: simulated, reported, and exit 1 as in plan', () => {
    // the seed example at batch 10: 1,000,000 / 10 = 100,000 actions > 50,000
    const r = flyscale(['simulate', '--batch-size', '10', '--runs', '2', '--json']);
    expect(r.code).toBe(1);
    const report = json<{ findings: { code: string; severity: string }[]; actions: number }>(r);
    expect(report.actions).toBe(100_000);
    expect(report.findings.find((f) => f.code === 'fanoutOverLimit')?.severity).toBe('error');
  });

  test('a flag can switch off a boolean a profile set: --no-pod-per-task', () => {
    const r = flyscale(['plan', '--profile', 'flyte-oss', '--no-pod-per-task', '--json']);
    expect(r.code).toBe(0);
    const report = json<{ inputs: Record<string, Record<string, { value: unknown; source: string }>>; concurrency: { binding: string } }>(r);
    expect(report.inputs.environment?.podPerTask).toEqual({ value: false, source: 'flag --no-pod-per-task' });
    expect(report.concurrency.binding).toBe('reusableCapacity');
  });
});
