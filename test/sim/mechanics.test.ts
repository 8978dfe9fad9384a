// The event queue, the token bucket and the timeline on their own.
import { describe, expect, test } from 'vitest';
import { fixed } from '../../src/core/distribution.js';
import { EventQueue } from '../../src/core/sim/eventQueue.js';
import { simulateReplication } from '../../src/core/sim/replication.js';
import { TokenBucket } from '../../src/core/sim/tokenBucket.js';
import { pods, scenario } from './builders.js';

describe('EventQueue', () => {
  test('pops by time, then in the order events were scheduled', () => {
    const q = new EventQueue(2);
    const order: number[] = [];
    const times = [5, 0, 5, 3, 0, 3, 9, 5];
    times.forEach((t, i) => q.push(t, 1, i));
    while (q.pop()) {
      order.push(q.id);
      if (q.id === 3) q.push(q.now, 2, 100); // scheduled at 3 for now: after event 5 (also at 3)
    }
    expect(order).toEqual([1, 4, 3, 5, 100, 0, 2, 7, 6]);
  });
  test('a keyed event is replaced in place and takes its place in the sequence when set', () => {
    const q = new EventQueue(2, 2);
    q.push(4, 1, 1); // seq 0
    q.pushKeyed(0, 9, 2, 10); // seq 1, replaced below: never pops
    q.push(6, 1, 2); // seq 2
    q.pushKeyed(1, 4, 2, 11); // seq 3: at 4, after id 1 (seq 0)
    q.pushKeyed(0, 6, 2, 12); // seq 4: at 6, after id 2 (seq 2)
    q.pushKeyed(1, 3, 2, 13); // replaces 11 with an earlier time
    q.push(5, 1, 3);
    q.pushKeyed(0, 8, 2, 14);
    q.clearKeyed(0); // 14 never pops either
    q.pushKeyed(0, 5, 2, 15); // a tie with id 3 at 5, scheduled after it
    const order: number[] = [];
    while (q.pop()) order.push(q.id);
    expect(order).toEqual([13, 1, 3, 15, 2]);
    expect(q.size).toBe(0);
  });
});

describe('TokenBucket', () => {
  test('burst of capacity, then one token every 1/rate; refills while idle', () => {
    const b = new TokenBucket(2);
    expect([0, 0, 0, 0].map((t) => b.grant(t))).toEqual([0, 0, 0.5, 1]);
    // By 10 s the bucket is full again (2 tokens).
    expect([10, 10, 10].map((t) => b.grant(t))).toEqual([10, 10, 10.5]);
  });
  test('a fractional capacity: 2.5 tokens at 2.5/s', () => {
    // Two tokens at 0 leave 0.5; the third needs 0.5 more at 2.5/s: 0.2 s.
    const b = new TokenBucket(2.5);
    const grants = [0, 0, 0].map((t) => b.grant(t));
    expect(grants[2]).toBeCloseTo(0.2, 12);
  });
  test('an unlimited rate grants on arrival', () => {
    const b = new TokenBucket(Infinity);
    expect([0, 0, 0].map((t) => b.grant(t))).toEqual([0, 0, 0]);
    expect(b.limited).toBe(false);
  });
});

describe('timeline', () => {
  test('samples busy slots, live pods and the queue at each interval up to the makespan', () => {
    // 1 pod slot, 4 actions of 1 s: the queue drains by one each second; at 4 s all is done.
    const r = simulateReplication(scenario({ items: 4, pool: pods(1) }), 1, 1, { timeline: { intervalSeconds: 0.5 } });
    const points = r.timeline?.points ?? [];
    expect(points.map((p) => p.timeSeconds)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4]);
    expect(points.map((p) => p.busySlots)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(points.map((p) => p.readyReplicas)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(points.map((p) => p.queueLength)).toEqual([3, 3, 2, 2, 1, 1, 0, 0, 0]);
  });
  test('stays within 500 points by doubling its interval', () => {
    // 20,000 s of work sampled from 1 s: 1 -> 2 -> ... -> 64 s, 20000 / 64 = 313 points.
    const r = simulateReplication(scenario({ items: 20_000, itemRuntime: fixed(1), pool: pods(1) }), 1, 1, { timeline: {} });
    expect(r.timeline?.intervalSeconds).toBe(64);
    expect(r.timeline?.points.length).toBe(313);
  });
});
