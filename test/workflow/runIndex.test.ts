// RunIndex against plain division: run = floor(x / perRun), offset = x mod perRun, for powers of
// two (shift and mask) and other sizes (division), up to the largest action id the engine allows.
import { describe, expect, test } from 'vitest';
import { RunIndex } from '../../src/core/sim/workflow/runIndex.js';

describe('RunIndex', () => {
  test.each([1, 2, 3, 4, 5, 7, 8, 12, 64, 1000, 1024])('per run %i: the run and the place in it of every index', (perRun) => {
    const idx = new RunIndex(perRun);
    const xs = [...Array.from({ length: 3000 }, (_, i) => i), 2 ** 27 - 1, 2 ** 27 - perRun, 123_456_789];
    for (const x of xs) {
      expect(idx.runOf(x)).toBe(Math.floor(x / perRun));
      expect(idx.offsetOf(x)).toBe(x - Math.floor(x / perRun) * perRun);
    }
  });
});
