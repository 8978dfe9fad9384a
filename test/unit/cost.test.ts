import { describe, expect, it } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { plan } from '../../src/core/plan.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { scenario, type ScenarioOverrides } from '../helpers/scenario.js';

const both = (o: ScenarioOverrides) => {
  const s = scenario(o);
  const p = plan(s);
  return { p, sim: simulateReplication(s, p.batch.size, 1) };
};

describe('the closed-form cost of plan', () => {
  it('pods bill their slot time: A × S', () => {
    // 1,000 items of 1 s in batches of 10 → 100 actions; create 2 s: S = 2 + 10 = 12 s;
    // billed 100 × 12 = 1,200 s; at 0.36 per hour: 0.36 × 1,200 / 3,600 = 0.12
    const { p, sim } = both({ pool: { mode: 'pod', clusterSlots: 10 }, phases: { create: fixed(2) }, workload: { batchSize: 10 }, pricing: { perReplicaHour: 0.36 } });
    expect(p.cost.billedReplicaSeconds).toBeCloseTo(1200, 9);
    expect(p.cost.cost).toBeCloseTo(0.12, 12);
    expect(p.cost.exact).toBe(true);
    // the simulator bills the same (an independent count, action by action)
    expect(sim.replicaSeconds.billed).toBeCloseTo(1200, 6);
  });

  it('a fixed pool bills every replica from 0 to the end of the work plus idleTtl', () => {
    // 100 items of 1 s, batch 10: 10 actions on 2 replicas × 1 slot = 5 waves of 10 s, makespan 50 s;
    // idleTtl 30 s: 2 × (50 + 30) = 160 replica-seconds
    const { p, sim } = both({ workload: { items: 100, batchSize: 10 }, pricing: { perReplicaHour: 1 } });
    expect(p.estimate.makespanSeconds).toBeCloseTo(50, 9);
    expect(p.cost.billedReplicaSeconds).toBeCloseTo(160, 9);
    expect(p.cost.cost).toBeCloseTo(160 / 3600, 12);
    expect(sim.replicaSeconds.billed).toBeCloseTo(160, 6);
  });

  it('a growing pool bills the scaled-up replicas until scaledownTtl after the work', () => {
    // 80 items of 1 s, batch 10: 8 actions; replicas 1..4, create 5 s, scaledownTtl 30 s, idleTtl 60 s.
    // Estimate: 2 waves of 10 s + one cold start of 5 s = 25 s; R = min(4, ceil(min(8, 4) / 1)) = 4.
    // Billed: 1 × (25 + 60) + 3 × (25 + 30 − 0) = 85 + 165 = 250.
    // The simulator removes replica 0 at 50 (idle since 20), replicas 1–2 at 55 and keeps the last
    // until 25 + 60 = 85: 50 + 55 + 55 + 85 = 245; the closed form does not credit the early idler.
    const { p, sim } = both({
      phases: { create: fixed(5) },
      pool: { minReplicas: 1, maxReplicas: 4, concurrency: 1, scaledownTtlSeconds: 30, idleTtlSeconds: 60 },
      workload: { items: 80, batchSize: 10 },
    });
    expect(p.estimate.makespanSeconds).toBeCloseTo(25, 9);
    expect(p.cost).toMatchObject({ replicas: 4, cost: null, exact: false });
    expect(p.cost.billedReplicaSeconds).toBeCloseTo(250, 9);
    expect(sim.replicaSeconds.billed).toBeCloseTo(245, 6);
  });

  it('traces bill nothing', () => {
    expect(plan(scenario({ workload: { pattern: 'trace' }, pricing: { perReplicaHour: 1 } })).cost).toMatchObject({ billedReplicaSeconds: 0, cost: 0 });
  });
});
