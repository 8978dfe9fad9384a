// The event queue against a plain list: random pushes, keyed pushes, clears and pops (with
// many equal times, and events scheduled for now) must pop in the order of the list's rule,
// the earliest (time, order of scheduling) first, where a keyed event replaces its key's
// pending one and an event due now counts as scheduled at now.
import { describe, expect, test } from 'vitest';
import { createRng } from '../../src/core/random.js';
import { EventQueue } from '../../src/core/sim/eventQueue.js';

interface Pending {
  time: number;
  seq: number;
  id: number;
  key: number;
}

/** The reference: a list scanned for its earliest event. */
class ListQueue {
  now = 0;
  private seq = 0;
  readonly pending: Pending[] = [];

  push(time: number, id: number, key = -1): void {
    if (key >= 0) this.clear(key);
    // Due now, an event can no longer be replaced: it is as good as unkeyed.
    this.pending.push({ time: Math.max(time, this.now), seq: this.seq++, id, key: time <= this.now ? -1 : key });
  }

  clear(key: number): void {
    const i = this.pending.findIndex((p) => p.key === key);
    if (i >= 0) this.pending.splice(i, 1);
  }

  pop(): number | null {
    if (this.pending.length === 0) return null;
    let best = 0;
    this.pending.forEach((p, i) => {
      const b = this.pending[best] as Pending;
      if (p.time < b.time || (p.time === b.time && p.seq < b.seq)) best = i;
    });
    const [p] = this.pending.splice(best, 1) as [Pending];
    this.now = p.time;
    return p.id;
  }
}

describe('EventQueue against a list', () => {
  // 4 keys: every keyed heap place often changes hands; 64: a keyed heap several levels deep.
  test.each([
    [1, 4], [2, 4], [3, 4], [4, 4], [5, 4], [6, 4], [7, 4], [8, 4], [9, 64], [10, 64], [11, 64], [12, 64],
  ])('seed %i, %i keys: the same events in the same order, whatever the mix', (seed, keys) => {
    const rng = createRng(seed);
    const q = new EventQueue(2, keys);
    const list = new ListQueue();
    const popped: number[] = [];
    const expected: number[] = [];
    let id = 0;
    for (let step = 0; step < 4000; step++) {
      const u = rng.next();
      // Whole-second delays from now: many ties, and zero delays that go to the ring.
      const time = q.now + Math.floor(rng.next() * 4);
      if (u < 0.35) {
        q.push(time, 1, id);
        list.push(time, id++);
      } else if (u < 0.55) {
        const key = Math.floor(rng.next() * keys);
        q.pushKeyed(key, time, 2, id);
        list.push(time, id++, key);
      } else if (u < 0.6) {
        const key = Math.floor(rng.next() * keys);
        q.clearKeyed(key);
        list.clear(key);
      } else {
        const got = q.pop();
        const want = list.pop();
        expect(got).toBe(want !== null);
        if (got) popped.push(q.id);
        if (want !== null) expected.push(want);
        expect(q.now).toBe(list.now);
      }
      expect(q.size).toBe(list.pending.length);
    }
    while (q.pop()) popped.push(q.id);
    for (let want = list.pop(); want !== null; want = list.pop()) expected.push(want);
    expect(popped).toEqual(expected);
    expect(popped.length).toBeGreaterThan(1000);
  });
});

describe('EventQueue with an outside event (the run engine keeps its next arrival out of the queue)', () => {
  test.each([1, 2, 3, 4, 5, 6])('seed %i: the outside event pops where the list puts it, as if it had been pushed', (seed) => {
    const rng = createRng(seed);
    const keys = 3;
    const q = new EventQueue(2, keys);
    const list = new ListQueue();
    const popped: number[] = [];
    const expected: number[] = [];
    // The one outside event: its id, time and reserved sequence number (-1: none).
    let outside = -1;
    let outsideTime = 0;
    let outsideSeq = 0;
    let id = 0;
    const next = (): boolean => {
      if (outside >= 0 && !q.popsBefore(outsideTime, outsideSeq)) {
        q.advance(outsideTime);
        popped.push(outside);
        outside = -1;
        return true;
      }
      if (!q.pop()) return false;
      popped.push(q.id);
      return true;
    };
    for (let step = 0; step < 4000; step++) {
      const u = rng.next();
      const time = q.now + Math.floor(rng.next() * 4);
      if (u < 0.3) {
        q.push(time, 1, id);
        list.push(time, id++);
      } else if (u < 0.45) {
        const key = Math.floor(rng.next() * keys);
        q.pushKeyed(key, time, 2, id);
        list.push(time, id++, key);
      } else if (u < 0.55 && outside < 0) {
        // Later than now it waits outside with the sequence number a push would take; due now it is pushed (to the ring).
        if (time > q.now) {
          outside = id;
          outsideTime = time;
          outsideSeq = q.reserveSeq();
        } else q.push(time, 3, id);
        list.push(time, id++);
      } else {
        const got = next();
        const want = list.pop();
        expect(got).toBe(want !== null);
        if (want !== null) expected.push(want);
        expect(q.now).toBe(list.now);
      }
    }
    while (next());
    let want = list.pop();
    while (want !== null) {
      expected.push(want);
      want = list.pop();
    }
    expect(popped).toEqual(expected);
  });
});

describe('EventQueue heap with many pending events', () => {
  // Up to a few thousand pending (a heap several levels deep, grown from its first size,
  // emptied and refilled) with times that tie in clusters: each pop must be the earliest
  // (time, order of pushing) of those pending. Each node's earliest child is picked without
  // branching on the times, with the exact rule for ties; places past the end never win.
  test.each([1, 2, 3, 4])('seed %i: each pop is the earliest pending by (time, sequence)', (seed) => {
    const rng = createRng(seed);
    const q = new EventQueue(16);
    for (let round = 0; round < 3; round++) {
      // Ids are given in the order of pushing, so (time, id) is the queue's order.
      const pending: Array<{ time: number; id: number }> = [];
      let id = 0;
      const check = (): void => {
        let best = 0;
        pending.forEach((p, i) => {
          const b = pending[best] as { time: number; id: number };
          if (p.time < b.time || (p.time === b.time && p.id < b.id)) best = i;
        });
        const [want] = pending.splice(best, 1);
        expect(q.id).toBe(want?.id);
        expect(q.now).toBe(want?.time);
      };
      for (let step = 0; step < 5000; step++) {
        if (rng.next() < 0.7 || pending.length === 0) {
          // A third on a grid of whole seconds (many ties), the rest anywhere; all after now.
          const time = q.now + 1 + (rng.next() < 0.33 ? Math.floor(rng.next() * 8) : rng.next() * 8);
          q.push(time, 1, id);
          pending.push({ time, id: id++ });
        } else {
          expect(q.pop()).toBe(true);
          check();
        }
      }
      expect(q.size).toBe(pending.length);
      expect(pending.length).toBeGreaterThan(1000);
      while (q.pop()) check();
      expect(pending.length).toBe(0);
    }
  });
});
