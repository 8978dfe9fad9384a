// The worked example of Flyte's scaling guide: examples/scaling-guide.yaml on the default profile.
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/config/load.js';
import { mean } from '../../src/core/distribution.js';
import { plan } from '../../src/core/plan.js';

describe('the worked example of Flyte\'s scaling guide', () => {
  const loaded = loadScenario({});

  it('reads 1,000,000 items of 100 ms on replicas (5, 20) × 10', () => {
    expect(loaded.name).toBe('scaling-guide');
    expect(loaded.profileName).toBe('default');
    const s = loaded.scenario;
    expect(s.workload.items).toBe(1_000_000);
    expect(mean(s.workload.itemRuntime)).toBeCloseTo(0.1, 12);
    expect(s.workload.batchSize).toBe(1000);
    expect(s.pool).toMatchObject({ mode: 'reusable', minReplicas: 5, maxReplicas: 20, concurrency: 10 });
  });

  it('one item per action: over the action limit, overhead far above runtime', () => {
    const unbatched = loadScenario({ flags: { batchSize: '1' } });
    const p = plan(unbatched.scenario);
    expect(p.batch.actions).toBe(1_000_000);
    expect(p.fanout.status).toBe('over');
    // runtime 100 ms against at least the enqueue alone (mean 375 ms in the default profile)
    expect(p.batch.runtimeSeconds).toBeCloseTo(0.1, 12);
    expect(p.batch.overheadSeconds).toBeGreaterThan(0.375);
    expect(p.batch.overheadRatio).toBeLessThan(1);
    expect(p.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['fanoutOverLimit', 'overheadRatioLow', 'runtimeUnderFloor']));
    expect(p.findings[0]?.severity).toBe('error');
  });

  it('batched by 1,000: 1,000 actions of 100 s, concurrency 200 bound by the pool, 5 waves', () => {
    const p = plan(loaded.scenario);
    expect(p.batch.size).toBe(1000);
    expect(p.batch.actions).toBe(1000); // 10^6 / 10^3
    expect(p.batch.runtimeSeconds).toBeCloseTo(100, 9); // 1,000 × 100 ms
    expect(p.concurrency.effective).toBe(200); // 20 replicas × 10, under 1,000 in flight
    expect(p.concurrency.binding).toBe('reusableCapacity');
    expect(p.batch.waves.waves).toBe(5); // ceil(1000 / 200)
    expect(p.estimate.waves).toBe(5);
    expect(p.fanout.status).toBe('ok');
    expect(p.batch.overheadRatio).toBeGreaterThan(10);
    expect(p.findings.some((f) => f.severity === 'error')).toBe(false);
  });
});
