// What the CLI bundle carries instead of computing (scripts/carried.mjs): the overhead
// sample's random orders and the built-in profiles' samples. The bundle declares them as
// globals the modules look up with typeof; here they are set on globalThis before a fresh copy
// of the modules loads, as the bundle would see them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Dist } from '../../src/core/distribution.js';

afterEach(() => {
  delete (globalThis as Record<string, unknown>).__FLYSCALE_ORDERS__;
  delete (globalThis as Record<string, unknown>).__FLYSCALE_SAMPLES__;
  vi.resetModules();
});

async function fresh() {
  vi.resetModules();
  return { design: await import('../../src/core/overheadDesign.js'), sample: await import('../../src/core/overheadSample.js') };
}

describe('the carried orders', () => {
  it('are used as given, and an order beyond them goes on where the generator would be', async () => {
    const made = (await fresh()).design.firstOrders(8); // all eight shuffled here, in turn
    const { OVERHEAD_SAMPLES, ORDERS_BUILT } = (await fresh()).design;
    // Carried: the first ORDERS_BUILT, with the first one's places 0 and 1 swapped, to tell a carried order from a made one.
    const carried = new Uint16Array(ORDERS_BUILT * OVERHEAD_SAMPLES);
    made.slice(0, ORDERS_BUILT).forEach((o, k) => carried.set(o, k * OVERHEAD_SAMPLES));
    [carried[0], carried[1]] = [carried[1] ?? 0, carried[0] ?? 0];
    (globalThis as Record<string, unknown>).__FLYSCALE_ORDERS__ = () => carried;
    const { design } = await fresh();
    const first = design.permutation(0);
    expect([first[0], first[1]]).toEqual([made[0]?.[1], made[0]?.[0]]);
    // The seventh and eighth are shuffled by the runs after the sixth: the same as made afresh.
    expect([...design.permutation(ORDERS_BUILT)]).toEqual([...(made[ORDERS_BUILT] ?? [])]);
    expect([...design.permutation(ORDERS_BUILT + 1)]).toEqual([...(made[ORDERS_BUILT + 1] ?? [])]);
  });
});

describe('the carried samples', () => {
  const phases: Dist[] = [
    { kind: 'lognormal', mu: Math.log(0.2), sigma: 0.9 },
    { kind: 'lognormal', mu: Math.log(30), sigma: 0.4 },
  ];

  it('answer for their phases, with the fixed part added; other phases are sampled', async () => {
    const computed = (await fresh()).sample.sampledPercentiles(phases, 0);
    // A carried entry with numbers no sample gives, under the key the phases make.
    const marker = { p50Seconds: 1, p95Seconds: 2, p99Seconds: 3 };
    (globalThis as Record<string, unknown>).__FLYSCALE_SAMPLES__ = [[JSON.stringify(phases), marker]];
    const { sample } = await fresh();
    expect(sample.sampledPercentiles(phases, 0.5)).toEqual({ p50Seconds: 1.5, p95Seconds: 2.5, p99Seconds: 3.5 });
    const other = sample.sampledPercentiles([...phases].reverse(), 0);
    expect(other.p50Seconds).not.toBe(1);
    expect(Math.abs(other.p95Seconds / computed.p95Seconds - 1)).toBeLessThan(0.02); // same law, another order
  });
});
