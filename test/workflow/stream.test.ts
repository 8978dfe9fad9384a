// Streams of runs through the shared-queue engine against hand calculations: one 1 s action per
// run on one warm slot, no overhead, so a run's latency is its wait plus 1 s.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import { workflow } from './helpers.js';

const ONE_SLOT = ['profile:', '  phases: { upload: 0s, download: 0s, enqueue: 0s, create: 10s, dispatch: 0s }', 'driver: { start: 0s }', 'environments:', '  pool: { replicas: 1 }', 'steps:', '  s: { kind: task, environment: pool, runtime: 1s }'].join('\n');
const w = workflow(ONE_SLOT).workflow;
const every = (gapSeconds: number, runs: number) => Float64Array.from({ length: runs }, (_, i) => i * gapSeconds);
const stream = (arrivalSeconds: Float64Array, statsFromSeconds = 0, timelineIntervalSeconds: number | null = null) =>
  simulateStream(w, () => ({ batch: 1, sharedSlots: null }), { arrivalSeconds, statsFromSeconds, timelineIntervalSeconds }, 7);

describe('a stream of runs', () => {
  it('below capacity with fixed times: no run waits, every latency is the slot time', () => {
    // A run every 2 s, each holding the slot 1 s: the slot is free whenever one arrives.
    const r = stream(every(2, 50));
    expect(r.actionWaitSeconds).toEqual(new Float64Array(50));
    expect(r.latencySeconds).toEqual(new Float64Array(50).fill(1));
    // The last run arrives at 98 and ends at 99; the slot was busy 50 of those 99 seconds.
    expect(r.horizonSeconds).toBe(99);
    expect(r.environments.pool?.busySlotSeconds).toBe(50);
    expect(r.environments.pool?.readySlotSeconds).toBe(99);
    expect(r.environments.pool?.coldStarts).toBe(0);
  });

  it('above capacity: each run waits half a second longer than the one before', () => {
    // A run every 0.5 s, 1 s each: run i starts when run i - 1 ends, at i, so it waits i - 0.5 i = 0.5 i
    // and its latency is 0.5 i + 1.
    const r = stream(every(0.5, 10));
    expect(Array.from(r.actionWaitSeconds)).toEqual(Array.from({ length: 10 }, (_, i) => 0.5 * i));
    expect(Array.from(r.latencySeconds)).toEqual(Array.from({ length: 10 }, (_, i) => 0.5 * i + 1));
    expect(r.horizonSeconds).toBe(10);
  });

  it('leaves the runs before statsFromSeconds, and the time before it, out of the statistics', () => {
    // Runs 0-3 arrive before 2 s; runs 4-9 are measured: latencies 0.5 i + 1 for i = 4..9. The slot
    // is busy and ready over all of [2, 10].
    const r = stream(every(0.5, 10), 2);
    expect(Array.from(r.latencySeconds)).toEqual([3, 3.5, 4, 4.5, 5, 5.5]);
    expect(Array.from(r.actionWaitSeconds)).toEqual([2, 2.5, 3, 3.5, 4, 4.5]);
    expect(r.environments.pool?.busySlotSeconds).toBe(8);
    expect(r.environments.pool?.readySlotSeconds).toBe(8);
    // The replica existed before the window: it is billed over the window, from 2 to the horizon at
    // 10 (its idle 30 s after the last run are outside the stream's window).
    expect(r.environments.pool?.billedReplicaSeconds).toBe(8);
  });

  it('samples each environment over time', () => {
    // At t = 3 (after the events at 3): runs 0-6 have arrived, runs 0-2 have ended, run 3 holds the
    // slot, so 3 wait.
    const r = stream(every(0.5, 10), 0, 1);
    const at3 = r.timeline?.pool?.find((p) => p.tSeconds === 3);
    expect(at3).toEqual({ tSeconds: 3, readyReplicas: 1, busySlots: 1, queued: 3 });
    expect(stream(every(0.5, 10)).timeline).toBeNull();
  });

  it('Poisson arrivals on one slot of fixed service: the mean wait of M/D/1', () => {
    // Pollaczek–Khinchine: Wq = ρ / (2μ(1 − ρ)); λ = 0.5/s, μ = 1/s: 0.5 / (2 × 0.5) = 0.5 s.
    // 200,000 runs after a warm-up of 1,000 s; seeded, so the check is deterministic; 5% covers
    // several standard errors of a mean over ~100,000 s of a queue this busy.
    const rng = createRng(11);
    let t = 0;
    const arrivals = Float64Array.from({ length: 200_000 }, () => (t += -Math.log(1 - rng.next()) / 0.5));
    const r = stream(arrivals, 1000);
    const mean = r.actionWaitSeconds.reduce((a, b) => a + b, 0) / r.actionWaitSeconds.length;
    expect(Math.abs(mean - 0.5) / 0.5).toBeLessThan(0.05);
    // Utilisation over the window: ρ = 0.5.
    const pool = r.environments.pool;
    expect((pool?.busySlotSeconds ?? 0) / (pool?.readySlotSeconds ?? 1)).toBeCloseTo(0.5, 1);
  });

  it('refuses arrivals out of order', () => {
    expect(() => stream(Float64Array.of(0, 2, 1))).toThrow(/arrival 2/);
  });
});
