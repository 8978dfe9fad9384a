// --p99's second search: at the replicas found, the cheapest TTL that still meets the target.
// Fixed times make it a hand calculation: a run every 10 s, 1 s of work, a 5 s cold start
// (`create`), no other overhead, one replica of one slot that may scale to zero.
//   warm run: latency 1 s, then the replica idles 9 s until the next arrival;
//   cold run: latency 5 + 1 = 6 s, then it idles 4 s.
// A scaledownTtl over 9 s keeps the replica through every gap: every measured run is warm, p99 1 s.
// 5 s: a warm run's 9 s gap removes it, a cold run's 4 s gap does not: cold and warm alternate,
// so more than 1% of runs take 6 s and p99 = 6 s = 1 s + the cold start.
// Under 4 s (2.5, 1.25, 0): every gap removes it, every run is cold, p99 = 6 s.
import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import type { ArrivalsSpec } from '../../src/core/stream/arrivalsSpec.js';
import { recommendPool } from '../../src/core/stream/recommendPool.js';
import { cheapestMeeting, ttlCandidates, withTtl } from '../../src/core/stream/recommendTtl.js';
import { scenarioWorkflow } from '../../src/core/workflow/scenarioWorkflow.js';
import { scenario, zeroPhases } from '../helpers/scenario.js';

const COLD_START_SECONDS = 5;
// Runs arrive at 10, 20, …; the warm-up leaves out the first (cold from an empty pool).
const arrivals: ArrivalsSpec = { process: { kind: 'interarrival', interarrival: fixed(10) }, runs: 60, durationSeconds: null, warmupSeconds: 15, shape: null, periodSeconds: 86_400 };
const stream = (pool: { minReplicas: number; maxReplicas: number; scaledownTtlSeconds: number; idleTtlSeconds: number }) => {
  const w = scenarioWorkflow('svc', scenario({ phases: { ...zeroPhases(), create: fixed(COLD_START_SECONDS) }, workload: { items: 1, itemRuntime: fixed(1) }, pool: { ...pool, concurrency: 1 } }));
  return { workflow: w, sizing: () => ({ batch: 1, sharedSlots: null }), arrivals, replications: 2, seed: 5, timelineIntervalSeconds: null };
};
const autoscaling = stream({ minReplicas: 0, maxReplicas: 1, scaledownTtlSeconds: 40, idleTtlSeconds: 10_000 });

describe('recommending a TTL for a p99 target', () => {
  it('lists the file value, its halvings over a second, then 0 s', () => {
    expect(ttlCandidates(40)).toEqual([40, 20, 10, 5, 2.5, 1.25, 0]);
    expect(ttlCandidates(0.5)).toEqual([0.5, 0]);
    expect(ttlCandidates(0)).toEqual([0]);
  });
  it('keeps the replica warm when the target leaves no room for a cold start', () => {
    const rec = recommendPool(autoscaling, simulateStream, 2);
    expect(rec.replicas).toBe(1);
    expect(rec.ttl?.setting).toBe('scaledownTtl');
    const p99 = Object.fromEntries((rec.ttl?.tries ?? []).map((t) => [t.seconds, t.p99Seconds]));
    // Worked above: 1 s while the TTL outlasts the 9 s gap, 1 s + the cold start below it.
    expect(p99).toEqual({ 40: 1, 20: 1, 10: 1, 5: 1 + COLD_START_SECONDS, 2.5: 1 + COLD_START_SECONDS, 1.25: 1 + COLD_START_SECONDS, 0: 1 + COLD_START_SECONDS });
    // 40, 20 and 10 never remove the replica, so they bill the same: the tie goes to the shortest.
    const billed = (s: number) => rec.ttl?.tries.find((t) => t.seconds === s)?.replicasBilled;
    expect(billed(40)).toBe(billed(10));
    expect(rec.ttl?.seconds).toBe(10);
  });
  it('scales to zero between runs when the target allows the cold start', () => {
    const rec = recommendPool(autoscaling, simulateStream, 7);
    const tries = rec.ttl?.tries ?? [];
    expect(tries.every((t) => t.meets)).toBe(true);
    // Replica-seconds billed per 10 s between arrivals (a replica is billed from its start):
    //   TTL 0: the 6 s cold run only → 0.6 replicas; 1.25: 7.25 s → 0.725; 2.5: 8.5 s → 0.85;
    //   5: cold run 6 + 4 idle, warm run 1 + 5 idle = 16 s per 20 s → 0.8 (cheaper than 2.5);
    //   10 and over: never removed → 1. The measured window's edges move these by a run or so in 60.
    const billed = Object.fromEntries(tries.map((t) => [t.seconds, t.replicasBilled ?? Infinity]));
    const hand = { 40: 1, 20: 1, 10: 1, 5: 0.8, 2.5: 0.85, 1.25: 0.725, 0: 0.6 };
    for (const [s, b] of Object.entries(hand)) expect(Math.abs((billed[s] ?? Infinity) - b)).toBeLessThan(0.02);
    expect(rec.ttl?.seconds).toBe(0);
    expect(tries.find((t) => t.seconds === 0)?.p99Seconds).toBe(1 + COLD_START_SECONDS);
  });
  it('searches idleTtl on a fixed pool, which never scales down', () => {
    const rec = recommendPool(stream({ minReplicas: 1, maxReplicas: 1, scaledownTtlSeconds: 10_000, idleTtlSeconds: 40 }), simulateStream, 2);
    expect(rec.ttl).toMatchObject({ setting: 'idleTtl', fileSeconds: 40 });
    for (const t of rec.ttl?.tries ?? []) expect(t.meets).toBe(t.seconds >= 10);
    expect(rec.ttl?.seconds).toBe(10);
  });
  it('uses the replica search seeds: the file value reproduces its try, and two searches are identical', () => {
    const rec = recommendPool(autoscaling, simulateStream, 2);
    const atFile = rec.ttl?.tries[0];
    const replicaTry = rec.tries.find((t) => t.replicas === rec.replicas);
    expect(atFile?.seconds).toBe(40);
    expect([atFile?.p99Seconds, atFile?.ci95Seconds]).toEqual([replicaTry?.p99Seconds, replicaTry?.ci95Seconds]);
    expect(JSON.stringify(recommendPool(autoscaling, simulateStream, 7))).toBe(JSON.stringify(recommendPool(autoscaling, simulateStream, 7)));
  });
  it('picks the cheapest that meets, the shorter within 0.1%, and sets only the one TTL', () => {
    const t = (seconds: number, cost: number, meets = true) => ({ seconds, p99Seconds: 1, ci95Seconds: null, meets, costPerHour: cost, replicasBilled: 1 });
    expect(cheapestMeeting([t(40, 10), t(20, 9), t(10, 9.005), t(5, 8, false)])?.seconds).toBe(10);
    expect(cheapestMeeting([t(40, 10), t(20, 9), t(10, 9.5)])?.seconds).toBe(20);
    const env = withTtl(autoscaling.workflow, 'pool', 'scaledownTtl', 3).environments[0]?.pool;
    expect(env).toMatchObject({ scaledownTtlSeconds: 3, idleTtlSeconds: 10_000 });
  });
});
