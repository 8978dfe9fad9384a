// --p99's second search: at the replicas found, the cheapest TTL that still meets the target,
// from the file's value down to Flyte's minimum of 30 s. Fixed times make it a hand calculation:
// a run every 100 s, 1 s of work, a 50 s cold start (`create`), no other overhead, one replica of
// one slot that may scale to zero.
//   warm run: latency 1 s, then the replica idles 99 s until the next arrival;
//   cold run: latency 50 + 1 = 51 s, then it idles 49 s.
// A scaledownTtl of 100 s or more keeps the replica through every gap: every run is warm, p99 1 s.
// 50 s: a warm run's 99 s gap removes it, a cold run's 49 s gap does not: cold and warm alternate,
// so more than 1% of runs take 51 s and p99 = 51 s = 1 s + the cold start.
// 30 s: every gap removes it, every run is cold, p99 = 51 s.
import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import type { ArrivalsSpec } from '../../src/core/stream/arrivalsSpec.js';
import { recommendPool } from '../../src/core/stream/recommendPool.js';
import { cheapestMeeting, ttlCandidates, withTtl } from '../../src/core/stream/recommendTtl.js';
import { scenarioWorkflow } from '../../src/core/workflow/scenarioWorkflow.js';
import { scenario, zeroPhases } from '../helpers/scenario.js';

const COLD_START_SECONDS = 50;
// Runs arrive at 100, 200, …; the warm-up leaves out the first (cold from an empty pool).
const arrivals: ArrivalsSpec = { process: { kind: 'interarrival', interarrival: fixed(100) }, runs: 60, durationSeconds: null, warmupSeconds: 150, shape: null, periodSeconds: 86_400 };
const stream = (pool: { minReplicas: number; maxReplicas: number; scaledownTtlSeconds: number; idleTtlSeconds: number }) => {
  const w = scenarioWorkflow('svc', scenario({ phases: { ...zeroPhases(), create: fixed(COLD_START_SECONDS) }, workload: { items: 1, itemRuntime: fixed(1) }, pool: { ...pool, concurrency: 1 } }));
  return { workflow: w, sizing: () => ({ batch: 1, sharedSlots: null }), arrivals, replications: 2, seed: 5, timelineIntervalSeconds: null };
};
const autoscaling = stream({ minReplicas: 0, maxReplicas: 1, scaledownTtlSeconds: 400, idleTtlSeconds: 100_000 });

describe('recommending a TTL for a p99 target', () => {
  it('lists the file value, its halvings above 30 s, then Flyte\'s minimum of 30 s', () => {
    expect(ttlCandidates(400)).toEqual([400, 200, 100, 50, 30]);
    expect(ttlCandidates(60)).toEqual([60, 30]);
    expect(ttlCandidates(40)).toEqual([40, 30]);
    expect(ttlCandidates(30)).toEqual([30]);
    // A day halves 11 times before 30 s: the list stops at 10, the minimum last.
    const day = ttlCandidates(86_400);
    expect(day).toHaveLength(10);
    expect(day.at(-1)).toBe(30);
    expect(day.every((t) => t >= 30)).toBe(true);
  });
  it('keeps the replica warm when the target leaves no room for a cold start', () => {
    const rec = recommendPool(autoscaling, simulateStream, 2);
    expect(rec.replicas).toBe(1);
    expect(rec.ttl?.setting).toBe('scaledownTtl');
    const p99 = Object.fromEntries((rec.ttl?.tries ?? []).map((t) => [t.seconds, t.p99Seconds]));
    // Worked above: 1 s while the TTL outlasts the 99 s gap, 1 s + the cold start below it.
    expect(p99).toEqual({ 400: 1, 200: 1, 100: 1, 50: 1 + COLD_START_SECONDS, 30: 1 + COLD_START_SECONDS });
    // 400, 200 and 100 never remove the replica, so they bill the same: the tie goes to the shortest.
    const billed = (s: number) => rec.ttl?.tries.find((t) => t.seconds === s)?.replicasBilled;
    expect(billed(400)).toBe(billed(100));
    expect(rec.ttl?.seconds).toBe(100);
  });
  it('scales to zero between runs when the target allows the cold start', () => {
    const rec = recommendPool(autoscaling, simulateStream, 60);
    const tries = rec.ttl?.tries ?? [];
    expect(tries.every((t) => t.meets)).toBe(true);
    // Replica-seconds billed between arrivals (a replica is billed from its start):
    //   TTL 30: the 51 s cold run + 30 s idle = 81 s per 100 s → 0.81 replicas;
    //   50: cold run 51 + 49 idle, warm run 1 + 50 idle = 151 s per 200 s → 0.755 (cheaper than 30);
    //   100 and over: never removed → 1. The measured window's edges move these by a run or so in 60.
    const billed = Object.fromEntries(tries.map((t) => [t.seconds, t.replicasBilled ?? Infinity]));
    const hand = { 400: 1, 200: 1, 100: 1, 50: 0.755, 30: 0.81 };
    for (const [s, b] of Object.entries(hand)) expect(Math.abs((billed[s] ?? Infinity) - b)).toBeLessThan(0.02);
    // The cheapest, not the shortest: 50 s, whose warm runs save more than its idle seconds cost.
    expect(rec.ttl?.seconds).toBe(50);
    expect(tries.find((t) => t.seconds === 30)?.p99Seconds).toBe(1 + COLD_START_SECONDS);
  });
  it('searches idleTtl on a fixed pool, which never scales down', () => {
    const rec = recommendPool(stream({ minReplicas: 1, maxReplicas: 1, scaledownTtlSeconds: 100_000, idleTtlSeconds: 400 }), simulateStream, 2);
    expect(rec.ttl).toMatchObject({ setting: 'idleTtl', fileSeconds: 400 });
    for (const t of rec.ttl?.tries ?? []) expect(t.meets).toBe(t.seconds >= 100);
    expect(rec.ttl?.seconds).toBe(100);
  });
  it('uses the replica search seeds: the file value reproduces its try, and two searches are identical', () => {
    const rec = recommendPool(autoscaling, simulateStream, 2);
    const atFile = rec.ttl?.tries[0];
    const replicaTry = rec.tries.find((t) => t.replicas === rec.replicas);
    expect(atFile?.seconds).toBe(400);
    expect([atFile?.p99Seconds, atFile?.ci95Seconds]).toEqual([replicaTry?.p99Seconds, replicaTry?.ci95Seconds]);
    expect(JSON.stringify(recommendPool(autoscaling, simulateStream, 60))).toBe(JSON.stringify(recommendPool(autoscaling, simulateStream, 60)));
  });
  it('picks the cheapest that meets, the shorter within 0.1%, and sets only the one TTL', () => {
    const t = (seconds: number, cost: number, meets = true) => ({ seconds, p99Seconds: 1, ci95Seconds: null, meets, costPerHour: cost, replicasBilled: 1 });
    expect(cheapestMeeting([t(40, 10), t(20, 9), t(10, 9.005), t(5, 8, false)])?.seconds).toBe(10);
    expect(cheapestMeeting([t(40, 10), t(20, 9), t(10, 9.5)])?.seconds).toBe(20);
    const env = withTtl(autoscaling.workflow, 'pool', 'scaledownTtl', 3).environments[0]?.pool;
    expect(env).toMatchObject({ scaledownTtlSeconds: 3, idleTtlSeconds: 100_000 });
  });
});
