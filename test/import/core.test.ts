// The pure pieces of an import, by hand: slots held over time, the cold-start split, and the
// phase durations of one attempt with its repairs.
import { describe, expect, it } from 'vitest';
import { Occupancy } from '../../src/core/import/occupancy.js';
import { attemptPhases } from '../../src/core/import/phases.js';
import { splitColdStarts } from '../../src/core/import/pool.js';
import type { Attempt, ImportedAction } from '../../src/core/import/types.js';

describe('Occupancy', () => {
  // [0,10] [5,15] [10,20]: 1 from 0, 2 from 5, still 2 at 10 (one ends as one starts), 1 from 15, 0 from 20.
  const o = new Occupancy([[0, 10], [5, 15], [10, 20]]);
  it('steps, peak and value at a time', () => {
    expect(o.peak).toBe(2);
    expect([-1, 0, 4.9, 5, 10, 14.9, 15, 20].map((t) => o.at(t))).toEqual([0, 1, 1, 2, 2, 2, 1, 0]);
    expect(o.firstPeakSeconds()).toBe(5);
  });
});

describe('splitColdStarts', () => {
  it('splits at the widest gap when it is at least 10×', () => {
    // Gaps (with the 1 ms floor): 0.051/0.041 … 20.001/0.081 = 247×: the split, at √(0.081·20.001) − 0.001.
    const s = splitColdStarts([0.04, 0.05, 0.08, 20, 25]);
    expect(s?.warm).toEqual([0.04, 0.05, 0.08]);
    expect(s?.cold).toEqual([20, 25]);
    expect(s?.thresholdSeconds).toBeCloseTo(Math.sqrt(0.081 * 20.001) - 0.001, 12);
  });
  it('no split for one mode', () => {
    expect(splitColdStarts([18, 20, 22, 30, 41])).toBeNull();
  });
});

describe('attemptPhases', () => {
  const action = { endSeconds: 100 } as unknown as ImportedAction;
  it('clamps a negative QUEUED and ends an open attempt at the next start', () => {
    const a: Attempt = {
      attempt: 1, phase: 'RUNNING', startSeconds: 10.4, endSeconds: null, cacheStatus: 'CACHE_MISS',
      transitions: [
        { phase: 'QUEUED', startSeconds: 10.4, endSeconds: 10 }, // the shared entry's skew: −0.4 s
        { phase: 'WAITING_FOR_RESOURCES', startSeconds: 10, endSeconds: 13 },
        { phase: 'INITIALIZING', startSeconds: 13, endSeconds: 33 },
        { phase: 'RUNNING', startSeconds: 33, endSeconds: null },
      ],
    };
    const next: Attempt = { ...a, attempt: 2, startSeconds: 50, transitions: [] };
    const p = attemptPhases(a, next, action);
    expect(p.seconds).toEqual({ queued: 0, waitingForResources: 3, initializing: 20, running: 17 });
    expect(p.clamped).toBe(1);
    expect(p.repaired).toBe(true);
    expect(p.slotSeconds).toEqual([13, 50]);
  });
});
