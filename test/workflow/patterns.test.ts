// Patterns compared against hand calculations. Profile: u = d = e = 1s, t = 10s, dispatch 0s.
import { describe, expect, it } from 'vitest';
import { comparePatterns } from '../../src/core/workflow/patterns.js';
import { FIXED_PROFILE, workflow } from './helpers.js';

const chain = [FIXED_PROFILE, 'environments:', '  pods: { podPerTask: true }', '  gpu: { replicas: 2 }', 'steps:', '  a: { kind: task, environment: pods, runtime: 200ms }', '  b: { kind: task, environment: pods, after: [a], runtime: 200ms }', '  c: { kind: task, environment: pods, after: [b], runtime: 200ms }', '  m: { kind: map, environment: gpu, after: [c], items: 4, itemRuntime: 1s, batchSize: 1 }'].join('\n');

describe('plan --compare', () => {
  const c = comparePatterns(workflow(chain).workflow, () => ({ batch: 1, sharedSlots: null }), 20, 1);
  // The map m (kept as it is): 2 warm slots of d_in + 1 + u_out = 3 s, 2 waves: 1 + 1 + 6 + 1 = 9 s.
  it('times the run with each pattern everywhere', () => {
    // pods: u_in + e + t + d_in + r + u_out + d_out = 15.2 per step; 3 × 15.2 + 9 = 54.6
    expect(c.everywhere.pods.p99Seconds).toBeCloseTo(54.6, 9);
    // warm pool (one warm replica): 5.2 per step: 15.6 + 9 = 24.6
    expect(c.everywhere.warm.p99Seconds).toBeCloseTo(24.6, 9);
    // trace: u_in + e + r + u_out = 3.2 per step: 9.6 + 9 = 18.6
    expect(c.everywhere.trace.p99Seconds).toBeCloseTo(18.6, 9);
    // local: runtime only, 0.6 + 9 = 9.6
    expect(c.everywhere.local.p99Seconds).toBeCloseTo(9.6, 9);
    // A pod is billed for its slot time, t + d_in + r + u_out = 12.2 s, three of them, plus the map's pool.
    expect(c.everywhere.pods.billedReplicaSeconds - c.everywhere.trace.billedReplicaSeconds).toBeCloseTo(3 * 12.2, 9);
  });
  it('chooses the fastest pattern that keeps a checkpoint, and says what local work would give', () => {
    expect(c.steps).toEqual(['a', 'b', 'c']);
    expect(c.best.choices.map((x) => x.chosen)).toEqual(['trace', 'trace', 'trace']);
    expect(c.best.p99Seconds).toBeCloseTo(18.6, 9);
    expect(c.best.choices[0]?.reason).toMatch(/^a trace cuts its p99 from 15.2s \(pods\) to 3.2s: .*local work would take 200ms but keeps no checkpoint/);
  });
});
