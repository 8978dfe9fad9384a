// Steps placed in time (core/workflow/schedule.ts): slack by hand, and no slack made of rounding.
import { describe, expect, it } from 'vitest';
import { schedule } from '../../src/core/workflow/schedule.js';

describe('a schedule', () => {
  it('gives a chain no slack, even where the backward pass rounds', () => {
    // Forward: 0.1 + 0.2 = 0.30000000000000004, then + 0.3 = 0.6000000000000001. Backward, the
    // latest end of the first step is 0.6000000000000001 − 0.3, which is 5.6e-17 above its end.
    expect(0.1 + 0.2 + 0.3 - 0.3 - (0.1 + 0.2)).toBeGreaterThan(0); // the rounding is there
    const s = schedule(
      [
        { name: 'a', after: [], durationSeconds: 0.2 },
        { name: 'b', after: ['a'], durationSeconds: 0.3 },
      ],
      0.1,
    );
    expect(s.steps.map((p) => p.slackSeconds)).toEqual([0, 0]);
    expect(s.criticalPath).toEqual(['a', 'b']);
  });

  it('keeps real slack: a shorter branch into a join may end later by the difference', () => {
    // long: 0 → 10, short: 0 → 4, join after both: 10 → 12. The short branch may end at 10: 6 s.
    const s = schedule(
      [
        { name: 'long', after: [], durationSeconds: 10 },
        { name: 'short', after: [], durationSeconds: 4 },
        { name: 'join', after: ['long', 'short'], durationSeconds: 2 },
      ],
      0,
    );
    expect(s.steps.map((p) => [p.name, p.slackSeconds])).toEqual([
      ['long', 0],
      ['short', 6],
      ['join', 0],
    ]);
    expect(s.makespanSeconds).toBe(12);
    expect(s.criticalPath).toEqual(['long', 'join']);
  });
});
