// Makespans with known closed forms.
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { simulateMany } from '../../src/core/sim/simulateMany.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { fixedPhase, fixedPool, pods, scenario } from './builders.js';

describe('fixed runtimes: waves × slot time', () => {
  test('a warm reusable pool', () => {
    // 7 warm slots, 50 actions ready at 0. Slot time = dispatch 0.5 + d_in 1 + runtime 3 + u_out 0.25
    // = 4.75 s; ceil(50 / 7) = 8 waves: 38 s.
    const s = scenario({
      items: 50,
      itemRuntime: fixed(3),
      pool: fixedPool(7),
      phases: { dispatch: fixed(0.5), downloadInputs: fixedPhase(1), uploadOutputs: fixedPhase(0.25) },
    });
    expect(simulateReplication(s, 1, 1).makespanSeconds).toBe(38);
  });
  test('pods pay create each wave; a partial last batch does not shorten a full last wave', () => {
    // 100 items in batches of 3: 34 actions, the last with 1 item. 5 pod slots, slot time =
    // create 2 + 3 × 1 s = 5 s; ceil(34 / 5) = 7 waves, the last (actions 30-33) holds full
    // batches: 35 s.
    const s = scenario({ items: 100, itemRuntime: fixed(1), pool: pods(5), phases: { create: fixed(2) } });
    const r = simulateReplication(s, 3, 1);
    expect(r.actions).toBe(34);
    expect(r.makespanSeconds).toBe(35);
  });
});

describe('exponential runtimes on a fixed pool, all actions ready at 0', () => {
  // N actions, c slots, runtimes Exp(λ). While the queue is not empty all c slots are busy and,
  // by memorylessness, the next completion comes after Exp(cλ): N - c such gaps take
  // (N - c) / (cλ) on average. Then c actions remain, again by memorylessness fresh Exp(λ)
  // draws, and the last of c ends after E[max] = H_c / λ (the sum of Exp(kλ) gaps for k = c..1).
  // E[makespan] = (N - c)/(cλ) + H_c/λ — the makespan of independent exponential jobs on
  // identical parallel machines (e.g. Pinedo, "Scheduling", ch. 12; Harchol-Balter,
  // "Performance Modeling and Design of Computer Systems", on the maximum of exponentials).
  // Var = (N - c)/(cλ)² + Σ_k 1/(kλ)², for the standard-error check below.
  const N = 200;
  const c = 10;
  const lambda = 1;
  const harmonic = Array.from({ length: c }, (_, k) => 1 / (k + 1)).reduce((s, x) => s + x, 0);
  const expected = (N - c) / (c * lambda) + harmonic / lambda; // 19 + 2.928968... = 21.928968...
  const variance = (N - c) / (c * lambda) ** 2 + Array.from({ length: c }, (_, k) => 1 / ((k + 1) * lambda) ** 2).reduce((s, x) => s + x, 0);

  test('the mean over 400 replications is within 4 standard errors of the closed form', () => {
    const runs = 400;
    const s = scenario({ items: N, itemRuntime: { kind: 'exponential', mean: 1 / lambda }, pool: fixedPool(c) });
    const makespans = simulateMany(s, 1, { runs, seed: 2024 }).map((r) => r.makespanSeconds);
    const mean = makespans.reduce((x, y) => x + y, 0) / runs;
    const sampleVar = makespans.reduce((x, y) => x + (y - mean) ** 2, 0) / (runs - 1);
    const standardError = Math.sqrt(sampleVar / runs); // about sqrt(3.45 / 400) = 0.093
    expect(Math.abs(mean - expected)).toBeLessThan(4 * standardError);
    // The spread agrees with the closed-form variance too (within 25%).
    expect(sampleVar / variance).toBeGreaterThan(0.75);
    expect(sampleVar / variance).toBeLessThan(1.25);
  });
});
