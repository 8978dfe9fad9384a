// flyscale sweep end to end: the grid, infeasible points, ranking by makespan or cost, the
// Pareto marks, and each kind of bad input.
import type { SweepPoint } from '../../src/report/sweepReport.js';
import { afterAll, describe, expect, test } from 'vitest';
import { paretoSet } from '../../src/core/sweep/pareto.js';
import { fixedScenario, flyscale, json, scratch } from './run.js';

// Every phase 0 s and fixed runtimes, so each point is exact:
//   24 items of 1 s, concurrency 2, idleTtl 60 s (the pool is billed until it goes).
//   batch 1, 1 replica  (2 slots): 24 actions → 12 waves × 1 s = 12 s
//   batch 1, 3 replicas (6 slots): 24 actions →  4 waves × 1 s =  4 s
//   batch 8, 1 replica  (2 slots):  3 actions →  2 waves × 8 s = 16 s
//   batch 8, 3 replicas (6 slots):  3 actions →  1 wave  × 8 s =  8 s
// Billed replica-seconds = replicas × (makespan + idleTtl):
//   b1 r1: 1 × 72 = 72;  b1 r3: 3 × 64 = 192;  b8 r1: 1 × 76 = 76;  b8 r3: 3 × 68 = 204.
const dir = scratch({
  'grid.yaml': fixedScenario({ items: 24, itemRuntime: '1s', replicas: 2, concurrency: 2, extra: '  idleTtl: 60s' }),
  // 60,000 items of 10 ms: batch 1 → 60,000 actions, over the 50,000 hard limit; batch 1000 →
  // 60 actions of 10 s on 4 × 5 = 20 slots → 3 waves × 10 s = 30 s.
  'limit.yaml': fixedScenario({ items: 60000, itemRuntime: '10ms', replicas: 4, concurrency: 5 }),
});
afterAll(() => dir.cleanup());

// The public contract's own type: the test reads the JSON as a script would.
type Point = SweepPoint;
interface SweepJson {
  objective: string;
  runs: number;
  seed: number;
  axes: { key: string; values: string[] }[];
  points: Point[];
}

const sweep = (...args: string[]) => flyscale(['sweep', ...args], { cwd: dir.dir });
const key = (p: Point): string => `b${p.parameters.batchSize} r${p.parameters.replicas}`;

describe('a 2 × 2 grid', () => {
  const run = sweep('grid.yaml', '--batch-size', '1,8', '--replicas', '1,3', '--runs', '4', '--json');
  const r = json<SweepJson>(run);

  test('has 4 points, one per combination, with the axes as written', () => {
    expect(run.code).toBe(0);
    expect(r.axes).toEqual([
      { key: 'batchSize', values: ['1', '8'] },
      { key: 'replicas', values: ['1', '3'] },
    ]);
    expect(r.points.map(key).sort()).toEqual(['b1 r1', 'b1 r3', 'b8 r1', 'b8 r3']);
    expect(r).toMatchObject({ objective: 'makespan', runs: 4, seed: 1 });
  });

  test('each point is simulated exactly as worked out above, sorted by makespan', () => {
    expect(r.points.map((p) => [key(p), p.actions, p.makespan?.meanSeconds])).toEqual([
      ['b1 r3', 24, 4],
      ['b8 r3', 3, 8],
      ['b1 r1', 24, 12],
      ['b8 r1', 3, 16],
    ]);
  });

  test('billed replica-hours and utilisation per point', () => {
    const by = Object.fromEntries(r.points.map((p) => [key(p), p]));
    // replica-seconds / 3600
    expect(by['b1 r1']?.replicaSeconds?.billed.mean).toBeCloseTo(72, 9);
    expect(by['b1 r3']?.replicaSeconds?.billed.mean).toBeCloseTo(192, 9);
    expect(by['b8 r1']?.replicaSeconds?.billed.mean).toBeCloseTo(76, 9);
    expect(by['b8 r3']?.replicaSeconds?.billed.mean).toBeCloseTo(204, 9);
    // busy slot-seconds / available: b8 r1: 3 × 8 / (2 × 16) = 0.75; b8 r3: 24 / (6 × 8) = 0.5
    expect(by['b8 r1']?.utilization?.mean).toBeCloseTo(0.75, 9);
    expect(by['b8 r3']?.utilization?.mean).toBeCloseTo(0.5, 9);
    expect(by['b1 r1']?.cost).toBeNull();
  });

  test('Pareto marks: b1 r3 (fastest) and b1 r1 (cheapest); the batch-8 points are beaten on both', () => {
    // b8 r3 (8 s, 204) loses to b1 r3 (4 s, 192); b8 r1 (16 s, 76) loses to b1 r1 (12 s, 72).
    expect(r.points.filter((p) => p.pareto).map(key).sort()).toEqual(['b1 r1', 'b1 r3']);
  });

  test('the marks agree with paretoSet on the reported numbers', () => {
    const front = paretoSet(r.points.map((p) => ({ time: p.makespan?.meanSeconds ?? Infinity, cost: p.cost?.mean ?? p.replicaSeconds?.billed.mean ?? Infinity })));
    expect(r.points.map((p, i) => p.pareto === front.has(i))).toEqual(r.points.map(() => true));
  });

  test('the table marks the same points and draws the batch-size chart', () => {
    const t = sweep('grid.yaml', '--batch-size', '1,8', '--replicas', '1,3', '--runs', '4');
    expect(t.code).toBe(0);
    expect(t.stdout.match(/★ pareto/g)).toHaveLength(2);
    expect(t.stdout).toContain('Makespan against batch size');
  });
});

describe('--objective cost', () => {
  test('sorts by cost: price 3.6 per replica-hour → cost = billed replica-seconds / 1000', () => {
    const r = json<SweepJson>(sweep('grid.yaml', '--batch-size', '1,8', '--replicas', '1,3', '--runs', '3', '--objective', 'cost', '--per-replica-hour', '3.6', '--json'));
    // 72 → 0.072, 76 → 0.076, 192 → 0.192, 204 → 0.204
    expect(r.objective).toBe('cost');
    expect(r.points.map(key)).toEqual(['b1 r1', 'b8 r1', 'b1 r3', 'b8 r3']);
    const costs = r.points.map((p) => p.cost?.mean ?? Number.NaN);
    [0.072, 0.076, 0.192, 0.204].forEach((c, i) => expect(costs[i]).toBeCloseTo(c, 9));
  });

  test('without a price: exit 2 naming pricing.perReplicaHour', () => {
    const r = sweep('grid.yaml', '--batch-size', '1,8', '--runs', '2', '--objective', 'cost');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('pricing.perReplicaHour');
  });
});

describe('infeasible points', () => {
  test('batch 1 of 60,000 items is over the action limit: shown infeasible, not simulated, listed last', () => {
    const run = sweep('limit.yaml', '--batch-size', '1,1000', '--runs', '3', '--json');
    expect(run.code).toBe(0);
    const r = json<SweepJson>(run);
    expect(r.points.map((p) => [p.batchSize, p.actions, p.feasible])).toEqual([
      [1000, 60, true],
      [1, 60000, false],
    ]);
    const [ok, over] = r.points;
    expect(ok?.makespan?.meanSeconds).toBe(30);
    expect(over).toMatchObject({ makespan: null, cost: null, replicaSeconds: null, utilization: null, pareto: false });
    expect(over?.infeasibleBecause.length).toBeGreaterThan(0);
    const table = sweep('limit.yaml', '--batch-size', '1,1000', '--runs', '3');
    expect(table.stdout).toMatch(/60,000 .*infeasible/);
  });
});

describe('bad input exits 2 before simulating', () => {
  test.each([
    ['no list at all', ['grid.yaml'], /nothing to compare/],
    ['a single value', ['grid.yaml', '--replicas', '4'], /nothing to compare/],
    ['over 1000 points without --force', ['grid.yaml', '--batch-size', '1..1001/1'], /1001 points \(over 1000\)/],
    ['a range without a step', ['grid.yaml', '--batch-size', '1..10'], /no step/],
    ['an empty range', ['grid.yaml', '--batch-size', '10..1/1'], /empty/],
    ['an unknown objective', ['grid.yaml', '--batch-size', '1,2', '--objective', 'speed'], /--objective/],
    ['zero runs', ['grid.yaml', '--batch-size', '1,2', '--runs', '0'], /--runs/],
  ])('%s', (_name, args, message) => {
    const r = sweep(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('--profile takes a list too', () => {
  test('each profile is an axis value, loaded with its own settings', () => {
    // grid.yaml sets every phase to 0 s and 2 replicas × 2 slots; flyte-oss switches to a pod
    // per task with 500 cluster slots (its replicas are ignored), create still 0 s from the scenario:
    //   default,   batch 1: 24 actions on 4 slots   → 6 waves × 1 s = 6 s
    //   default,   batch 8:  3 actions on 4 slots   → 1 wave  × 8 s = 8 s
    //   flyte-oss, batch 1: 24 actions on 500 slots → 1 wave  × 1 s = 1 s
    //   flyte-oss, batch 8:  3 actions              → 1 wave  × 8 s = 8 s
    const r = sweep('grid.yaml', '--profile', 'default,flyte-oss', '--batch-size', '1,8', '--runs', '2', '--format', 'json');
    expect(r.code).toBe(0);
    const report = json<SweepJson>(r);
    expect(report.axes.map((a) => a.key)).toEqual(['profile', 'batchSize']);
    const by = Object.fromEntries(report.points.map((p) => [`${p.parameters.profile} b${p.parameters.batchSize}`, p.makespan?.meanSeconds]));
    expect(by).toEqual({ 'default b1': 6, 'default b8': 8, 'flyte-oss b1': 1, 'flyte-oss b8': 8 });
  });
});

describe('what makes a point infeasible', () => {
  test('actions expected to be lost are reported by simulating the point, not by skipping it', () => {
    // failure rate 0.5, no retries: 24 actions × 0.5 = 12 expected lost (actionsLost, an error in plan)
    const r = sweep('grid.yaml', '--batch-size', '1,8', '--failure-rate', '0.5', '--runs', '2', '--format', 'json');
    expect(r.code).toBe(0);
    const report = json<SweepJson>(r);
    expect(report.points.every((p) => p.feasible && p.makespan !== null)).toBe(true);
  });

  test('a repeated profile counts once', () => {
    const r = sweep('grid.yaml', '--profile', 'default,default,flyte-oss', '--batch-size', '1,8', '--runs', '2', '--format', 'json');
    const report = json<SweepJson & { scenario: { profile: string } }>(r);
    expect(report.points).toHaveLength(4);
    expect(report.scenario.profile).toBe('default,flyte-oss');
  });
});
