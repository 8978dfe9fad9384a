// The event loop's draws from blocks (core/sim/drawBuffer.ts), against drawing each value at
// its site from the same generator.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { DrawBuffer } from '../../src/core/sim/drawBuffer.js';
import { DOWNLOAD_INPUTS, ENQUEUE } from '../../src/core/sim/phaseDraws.js';
import { planOf } from '../../src/core/sim/simPlan.js';
import { phase, scenario } from '../helpers/scenario.js';

describe('draws from blocks', () => {
  it('a plan that draws runtimes alone takes the numbers drawing them one by one takes, in order', () => {
    // 301 actions of one lognormal item: 4 blocks of 64 and part of a fifth, the last batch as large as the others.
    const s = scenario({ workload: { items: 301, itemRuntime: { kind: 'lognormal', mu: Math.log(10), sigma: 0.5 } } });
    const plan = planOf(s, 1);
    const buffer = new DrawBuffer(plan, createRng(7));
    const oneByOne = createRng(7);
    for (let a = 0; a < 301; a++) expect(buffer.runtime(a)).toBe(plan.runtime(oneByOne, a));
  });

  it("a short last batch is drawn on its own, from the generator's next numbers", () => {
    // 10 items in batches of 4: actions of 4, 4 and 2 items; the fixed-item runtime makes them exact.
    const s = scenario({ workload: { items: 10, itemRuntime: { kind: 'fixed', value: 3 } } });
    const buffer = new DrawBuffer(planOf(s, 4), createRng(1));
    expect([buffer.runtime(0), buffer.runtime(1), buffer.runtime(2)]).toEqual([12, 12, 6]);
  });

  it("a transfer adds its size term to each latency drawn: items × bytes per item / bandwidth", () => {
    // d_in: latency 0.25 s fixed at 1 MB/s, 200,000 bytes an item: 0.25 + 3 × 0.2 = 0.85 s for 3 items.
    // The enqueue latency has no size term: its draw as drawn.
    const s = scenario({ phases: { downloadInputs: phase(0.25, 1_000_000), enqueue: { kind: 'fixed', value: 0.5 } }, workload: { items: 30, itemInputBytes: 200_000 } });
    const buffer = new DrawBuffer(planOf(s, 3), createRng(1));
    expect(buffer.phase(DOWNLOAD_INPUTS, 3)).toBeCloseTo(0.85, 12);
    expect(buffer.phase(ENQUEUE, 3)).toBe(0.5);
  });
});
