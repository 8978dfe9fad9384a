// The agenda's ring of events due now against a plain array used as a queue: random pushes
// and shifts, wrapping around its end and doubling when full, give the same events in order.
import { expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { EventRing } from '../../src/core/sim/eventRing.js';

test.each([1, 2, 3])('seed %i: first in, first out, across wraps and growth', (seed) => {
  const rng = createRng(seed);
  const ring = new EventRing(4);
  const list: Array<[number, number]> = [];
  let code = 0;
  for (let step = 0; step < 5000; step++) {
    // Pushes win at first (the ring grows past 4, then 8, ...), then shifts catch up.
    const pushBias = step < 2500 ? 0.6 : 0.4;
    if (rng.next() < pushBias || list.length === 0) {
      ring.push(code, 7 * code + 1);
      list.push([code, 7 * code + 1]);
      code++;
    } else {
      const [c, a] = list.shift() as [number, number];
      expect([ring.headCode(), ring.headAux()]).toEqual([c, a]);
      ring.shift();
    }
    expect(ring.size).toBe(list.length);
  }
  expect(code).toBeGreaterThan(2000);
});
