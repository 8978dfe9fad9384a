// The largest simulation: exactly at each limit it runs, one past it is refused, and the
// batch size or run count the message suggests brings it back within the limits.
import { describe, expect, it } from 'vitest';
import { MAX_SIMULATED_ACTIONS_PER_RUN as PER_RUN, MAX_SIMULATED_ACTIONS_TOTAL as TOTAL, simulationTooLarge } from '../../src/core/sim/simulationSize.js';

/** The number after `flag` in a fix such as "use ... (--batch-size 1000)". */
const suggested = (fix: string, flag: string): number => {
  const m = new RegExp(`${flag} (\\d+)`).exec(fix);
  if (!m) throw new Error(`no ${flag} in "${fix}"`);
  return Number(m[1]);
};

describe('simulation size limits', () => {
  it('actions in one replication: 10^7 runs, 10^7 + 1 does not', () => {
    expect(simulationTooLarge(PER_RUN, 1, 1)).toBeNull();
    expect(simulationTooLarge(PER_RUN + 1, 1, 1)?.problem).toContain('10,000,001 actions in one simulated run');
    // 10^7 items in batches of 3 is ceil(10^7 / 3) = 3,333,334 actions: within.
    expect(simulationTooLarge(PER_RUN, 3, 1)).toBeNull();
  });

  it('actions × runs: 10^6 × 1,000 runs, 10^6 × 1,001 does not', () => {
    expect(simulationTooLarge(1_000_000, 1, 1000)).toBeNull();
    expect(simulationTooLarge(1_000_000, 1, 1001)?.problem).toContain('1,001,000,000 simulated actions');
  });

  it.each([
    [10_000_000_000, 1, 1],
    [123_456_789, 1, 1],
    [1_000_000, 1, 2000],
    [5_000_000, 2, 999],
    [50_000_000, 3, 5],
  ])('the suggested batch size and run count for %d items in batches of %d, %d runs fit', (items, batch, runs) => {
    const tooLarge = simulationTooLarge(items, batch, runs);
    if (tooLarge === null) throw new Error('expected a refusal');
    expect(simulationTooLarge(items, suggested(tooLarge.fix, '--batch-size'), runs)).toBeNull();
    if (tooLarge.fix.includes('--runs')) expect(simulationTooLarge(items, batch, suggested(tooLarge.fix, '--runs'))).toBeNull();
  });

  it('a pool of more than 10^7 slots is refused; more runs than 10^9 suggest only fewer runs', () => {
    expect(simulationTooLarge(1000, 1, 1, undefined, PER_RUN)).toBeNull();
    expect(simulationTooLarge(1000, 1, 1, undefined, PER_RUN + 1)?.problem).toContain('slots');
    const runs = simulationTooLarge(1000, 1, TOTAL + 1);
    expect(runs?.fix).toContain('--runs 1000000');
    expect(runs?.fix).not.toContain('--batch-size');
  });

  it('names the settings of a budget when given them', () => {
    const fix = simulationTooLarge(1e10, 1, 2, { batch: (n) => `workload.batchSize: ${n}`, runs: (n) => `simulate: { runs: ${n} }` })?.fix ?? '';
    expect(fix).toContain('workload.batchSize: 1000');
  });
});
