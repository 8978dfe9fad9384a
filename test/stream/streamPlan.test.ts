// The stream planner's own rules: stability before simulation, the capacity it names, the
// statistics over replications from hand-made replications, the demand a run puts on a pool.
import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import type { StreamReplication } from '../../src/core/sim/workflow/runEngine.js';
import { simulateStream } from '../../src/core/sim/workflow/runEngine.js';
import type { ArrivalsSpec } from '../../src/core/stream/arrivalsSpec.js';
import { simulateStreamPlan, type StreamSimulator } from '../../src/core/stream/simulateStreamPlan.js';
import { environmentDemand, slotSecondsPerAction } from '../../src/core/stream/streamDemand.js';
import { summarizeStream } from '../../src/core/stream/summarizeStream.js';
import { streamPlanFindings } from '../../src/core/stream/streamPlanFindings.js';
import { scenarioWorkflow } from '../../src/core/workflow/scenarioWorkflow.js';
import { phase, scenario, zeroPhases } from '../helpers/scenario.js';

const poisson = (ratePerSecond: number, runs = 2_000): ArrivalsSpec => ({ process: { kind: 'poisson', ratePerSecond }, runs, durationSeconds: null, warmupSeconds: 0, shape: null, periodSeconds: 86_400 });
const pool = (replicas: number, concurrency: number, runtimeSeconds: number) => scenarioWorkflow('svc', scenario({ phases: zeroPhases(), workload: { items: 1, itemRuntime: fixed(runtimeSeconds) }, pool: { minReplicas: replicas, maxReplicas: replicas, concurrency } }));
const sizing = () => ({ batch: 1, sharedSlots: null });

describe('stability', () => {
  it('an offered load at or above 1 is an error with the capacity needed, and nothing is simulated', () => {
    let calls = 0;
    const counting: StreamSimulator = (...args) => {
      calls++;
      return simulateStream(...args);
    };
    // 3 runs/s × 18 s of slot time = 54 busy slots on average; 10 replicas × 4 = 40 slots: ρ = 1.35.
    // Replicas of 4 slots with ρ < 1: 54 / 4 = 13.5, so 14.
    const p = simulateStreamPlan({ workflow: pool(10, 4, 18), sizing, arrivals: poisson(3), replications: 5, seed: 1, timelineIntervalSeconds: null }, counting);
    expect(calls).toBe(0);
    expect(p.statistics).toBeNull();
    expect(p.load.offered).toBeCloseTo(1.35, 12);
    expect(p.findings.map((f) => [f.code, f.severity])).toEqual([['streamUnstable', 'error']]);
    expect(p.findings[0]?.message).toMatch(/ρ = 1\.35 at 3\/s .*needs at least 14 replicas of concurrency 4 at 3\/s/);
    // Exactly at capacity is unstable too: 40 slots offered 40 erlangs.
    expect(simulateStreamPlan({ workflow: pool(10, 4, 40 / 3), sizing, arrivals: poisson(3), replications: 1, seed: 1, timelineIntervalSeconds: null }, counting).statistics).toBeNull();
    expect(calls).toBe(0);
  });
  it('close to capacity warns and says how many runs would settle the mean wait', () => {
    // 0.9 runs/s × 1 s on one slot: ρ = 0.9; Whitt's count (5%): (1.96/0.05)² (2 + 4.5 − 3.24 + 0.729) / (0.9 · 0.01) ≈ 681,000.
    const p = simulateStreamPlan({ workflow: pool(1, 1, 1), sizing, arrivals: poisson(0.9, 500), replications: 2, seed: 1, timelineIntervalSeconds: null }, simulateStream);
    const near = p.findings.find((f) => f.code === 'streamNearCapacity');
    expect(near?.severity).toBe('warn');
    expect(near?.message).toMatch(/about 68\d,\d{3} measured runs would settle the mean wait within 5% \(this simulation measured 1,000\)/);
    expect(p.statistics).not.toBeNull();
  });
  it('unbounded pods never bind: ρ is 0 there', () => {
    const w = scenarioWorkflow('pods', scenario({ phases: zeroPhases(), workload: { items: 1, itemRuntime: fixed(5) }, pool: { mode: 'pod', clusterSlots: null } }));
    const p = simulateStreamPlan({ workflow: w, sizing, arrivals: poisson(100, 200), replications: 1, seed: 1, timelineIntervalSeconds: null }, simulateStream);
    expect(p.load).toMatchObject({ offered: 0, binding: null });
    expect(p.findings).toEqual([]);
  });
});

describe('plan on a stream', () => {
  it('says the offered load in closed form, and an unstable stream is an error at plan time', () => {
    // 3/s × 18 s on 10 × 4 slots: ρ = 1.35, as above.
    const unstable = streamPlanFindings(pool(10, 4, 18), () => 1, poisson(3));
    expect(unstable.map((f) => f.code)).toEqual(['streamUnstable', 'streamPlanned']);
    // 3/s × 10 s on 40 slots: ρ = 0.75.
    const fine = streamPlanFindings(pool(10, 4, 10), () => 1, poisson(3));
    expect(fine.map((f) => [f.code, f.severity])).toEqual([['streamPlanned', 'info']]);
    expect(fine[0]?.message).toMatch(/stream of runs at 3\/s: plan shows one run; the stream offers environment pool ρ = 0.75/);
  });
});

describe('what a run asks of a pool', () => {
  it('slot time is start, d_in, the batch runtime and u_out; retries add their share', () => {
    const s = scenario({ phases: { ...zeroPhases(), dispatch: fixed(0.1), downloadInputs: phase(0.2), uploadOutputs: phase(0.3), uploadInputs: phase(5), enqueue: fixed(5), downloadOutputs: phase(5) }, workload: { items: 10, itemRuntime: fixed(1) } });
    // Warm slot: 0.1 + 0.2 + 4 × 1 + 0.3 = 4.6 s (u_in, e and d_out are the parent's, not the slot's).
    expect(slotSecondsPerAction(s, 4)).toBeCloseTo(4.6, 12);
    // A failure rate of 0.5 with one retry: E[attempts] = 1.5, each attempt 0.5 · 4.6 + 0.5 · (0.3 + 4/2) = 3.45: 5.175 s.
    expect(slotSecondsPerAction({ ...s, failures: { failureRate: 0.5, retries: 1, retryBackoffSeconds: 0 } }, 4)).toBeCloseTo(5.175, 12);
    // 10 items in batches of 4 are 3 actions of one run; half of them cached: 1.5 × 4.6 slot-seconds.
    const d = environmentDemand(scenarioWorkflow('x', { ...s, workload: { ...s.workload, cacheHitRatio: 0.5 } }), () => 4);
    expect(d[0]).toMatchObject({ actionsPerRun: 3, slots: 2, concurrency: 1, fixed: true });
    expect(d[0]?.slotSecondsPerRun).toBeCloseTo(6.9, 12);
  });
});

describe('statistics over replications', () => {
  const rep = (latency: number[], wait: number[], horizonSeconds: number, seed: number): StreamReplication => ({
    seed,
    latencySeconds: Float64Array.from(latency),
    actionWaitSeconds: Float64Array.from(wait),
    horizonSeconds,
    environments: { pool: { busySlotSeconds: 1800, readySlotSeconds: 3600, busyReplicaSeconds: 1800, billedReplicaSeconds: 7200, coldStarts: 2, peakReplicas: 2, cost: 4 } },
    timeline: null,
    eventsProcessed: 10,
  });
  it('each replication gives one value; the report gives their mean and a t interval', () => {
    const a = rep([1, 2, 3, 4], [0, 0, 1, 3], 3700, 1);
    const b = rep([3, 4, 5, 6], [0, 2, 2, 0], 3700, 2);
    const st = summarizeStream([a, b], 100);
    // Means 2.5 and 4.5: mean 3.5; sd √2; half-width t(0.975, 1) · √2 / √2 = 12.706.
    expect(st.latency.mean.mean).toBe(3.5);
    expect(st.latency.mean.ci95[1] - 3.5).toBeCloseTo(12.706, 9);
    // Linear-interpolated p50 of [1, 2, 3, 4] is 2.5, of [3, 4, 5, 6] 4.5.
    expect(st.latency.p50.mean).toBe(3.5);
    // p99 of [1, 2, 3, 4]: 1 + 0.99 · 3 = 3.97; of [3..6]: 5.97; mean 4.97.
    expect(st.latency.p99.mean).toBeCloseTo(4.97, 12);
    // Waits: means 1 and 1; shares that waited 2/4 and 2/4.
    expect(st.wait.mean.mean).toBe(1);
    expect(st.wait.probability.mean).toBe(0.5);
    // Window 3600 s: 2 cold starts an hour, 2 replicas billed on average, cost 4 an hour, 4 / 4 runs = 1 a run.
    expect(st.coldStartsPerHour.mean).toBe(2);
    expect(st.environments.pool?.utilization.mean).toBe(0.5);
    expect(st.environments.pool?.replicasBilled.mean).toBe(2);
    expect(st.cost?.perHour.mean).toBe(4);
    expect(st.cost?.perRun.mean).toBe(1);
    expect(st.eventsProcessed).toBe(20);
  });
});
