// Importing the seeded synthetic runs of scripts/make-flyte-runs.mjs recovers what generated
// them: each phase's median and p95 within the order-statistic interval of its sample, the
// attempt, retry, cache-hit and cold-start counts exactly, and the repairs it had to make.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { makeRun, PODS, REUSABLE, toSnake } from '../../scripts/make-flyte-runs.mjs';
import { EXAMPLE, importFile, lognormalQuantile, quantileInterval } from './helpers.js';

const Z95 = 1.6449;

function expectQuantiles(samples: readonly number[], law: { median: number; sigma: number }, slack = 0): void {
  for (const [q, z] of [[0.5, 0], [0.95, Z95]] as const) {
    const [lo, hi] = quantileInterval(samples, q, slack);
    const truth = lognormalQuantile(law, z);
    expect(truth, `q${q}: ${truth} in [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
    expect(truth).toBeLessThanOrEqual(hi);
  }
}

describe('the example files are what the script writes', () => {
  it('pods and reusable', () => {
    const pods = readFileSync(EXAMPLE('pods/actions.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(pods).toEqual(makeRun(PODS, 'pods').records);
    expect(JSON.parse(readFileSync(EXAMPLE('reusable/actions.json'), 'utf8'))).toEqual(toSnake(makeRun(REUSABLE, 'reusable').records));
  });
});

describe('a run on pods, with retries, cache hits and waits for resources', () => {
  const { truth } = makeRun(PODS, 'pods');
  const { mapping } = importFile('pods/actions.jsonl');
  const g = mapping.main;

  it('infers a pod per task', () => {
    expect(mapping.pool.mode).toBe('pod');
    expect(mapping.pool.reason).toMatch(/container start for every attempt/);
  });
  it('counts attempts, retries, cache hits and repairs exactly', () => {
    expect(g.actions).toBe(PODS.children);
    expect(g.attempts).toBe(truth.attempts);
    expect(g.attempts - g.actions).toBe(truth.retries);
    expect(g.failedAttempts).toBe(truth.retries);
    expect(g.cacheHits).toBe(truth.cacheHits);
    expect(g.repaired).toBe(truth.repaired);
    expect(g.clamped).toBe(truth.clamped);
  });
  it('recovers QUEUED, INITIALIZING and RUNNING', () => {
    // The skewed entries clamp `clamped` QUEUED values to 0: at most that many ranks move.
    expectQuantiles(g.samples.queued, PODS.queued, truth.clamped);
    expectQuantiles(g.samples.initializing, PODS.initializing);
    expectQuantiles(g.samples.running, PODS.running);
  });
  it('gives the waits for resources as the scheduler made them', () => {
    // Each wait is written as a transition. The skew starts `clamped` of them at QUEUED's start
    // rounded down to the second, so they grow by that QUEUED (now 0) plus under 1 s.
    expect(g.samples.waitingForResources.length).toBe(truth.waiting.length);
    const diff = g.samples.waitingForResources.map((x, i) => x - (truth.waiting[i] ?? 0));
    expect(diff.filter((d) => Math.abs(d) > 1e-6).length).toBeLessThanOrEqual(truth.clamped);
    expect(Math.max(...diff)).toBeLessThan(1 + Math.max(...truth.queued));
    expect(Math.min(...diff)).toBeGreaterThanOrEqual(-1e-6);
  });
  it('maps the workload', () => {
    expect(mapping.workload.pool).toEqual({ mode: 'pod', clusterSlots: PODS.clusterSlots });
    expect(mapping.workload.retries).toBe(2);
    // The makespan: root created at 0, the last child's end; status times are rounded to 1 µs.
    expect(Math.abs(mapping.makespanSeconds - truth.makespanSeconds)).toBeLessThan(1e-6);
    expect(mapping.workload.parentStartSeconds).toBeCloseTo(PODS.parentStartSeconds + PODS.enqueueEverySeconds, 6);
  });
});

describe('a run on reusable containers, a few cold starts among warm dispatches', () => {
  const { truth } = makeRun(REUSABLE, 'reusable');
  const { mapping } = importFile('reusable/actions.json');
  const g = mapping.main;

  it('infers the pool and counts the cold starts exactly', () => {
    expect(mapping.pool.mode).toBe('reusable');
    expect(mapping.pool.coldStarts).toBe(truth.coldStarts);
    expect(truth.coldStarts).toBe(REUSABLE.maxReplicas - REUSABLE.minReplicas);
    expect(mapping.workload.pool).toEqual({ mode: 'reusable', minReplicas: 2, maxReplicas: 8, concurrency: 4, fromPolicy: true });
  });
  it('counts attempts and cache hits exactly (snake_case spelling)', () => {
    expect(g.attempts).toBe(truth.attempts);
    expect(g.cacheHits).toBe(truth.cacheHits);
    expect(g.attempts - g.actions).toBe(truth.retries);
    expect(g.repaired).toBe(truth.repaired);
  });
  it('recovers the warm dispatch and RUNNING, and the cold starts as drawn', () => {
    expectQuantiles(mapping.pool.split?.warm ?? [], REUSABLE.dispatch);
    expectQuantiles(g.samples.running, REUSABLE.running);
    const cold = [...(mapping.pool.split?.cold ?? [])].sort((a, b) => a - b);
    const drawn = [...truth.coldInitializing].sort((a, b) => a - b);
    cold.forEach((c, i) => expect(Math.abs(c - (drawn[i] ?? 0))).toBeLessThan(1e-6));
  });
  it('fits enqueue from the cache hits, which never wait', () => {
    expect(mapping.measurements.get('enqueue')?.size).toBe(truth.cacheHits);
  });
});
