// The simulator's agenda: events ordered by (time, order of scheduling). A 4-ary min-heap in
// typed arrays holds future events (half the depth of a binary heap, and its four children
// sit side by side in memory); events due at the current time go to a FIFO ring instead,
// which keeps zero-length phases (all-zero overheads are common) off the heap. Keyed events
// (at most one pending per key: a replica's next finish) live in KeyedTimers and are replaced
// in place. Together they pop in exactly (time, sequence) order: every heap event due now was
// scheduled before any ring event (anything scheduled at the current time goes to the ring),
// so the heaps first, then the ring, is the sequence order.
//
// A popped root is left as a hole until the next push or pop: most events schedule one
// more, and a push into the hole sifts it down once, where removing the root and then
// inserting sifted twice (heapreplace). The keyed heap does the same for a replica's finish.
import { EventRing } from './eventRing.js';
import { KeyedTimers } from './keyedTimers.js';

/** Places past the heap's end, +Infinity in time, so the last node has four children to compare. */
const PAD = 3;

export class EventQueue {
  /** Time of the last popped event; the simulation clock. */
  now = 0;
  /** Fields of the last popped event. */
  kind = 0;
  id = 0;
  aux = 0;

  private heapTime: Float64Array;
  private heapSeq: Float64Array;
  private heapCode: Int32Array;
  private heapAux: Int32Array;
  private heapSize = 0;
  /** heap[0] was popped and awaits the next push (or is filled from the end by the next pop). */
  private hole = false;
  private seq = 0;

  private readonly ring: EventRing;

  private readonly keyed: KeyedTimers;

  /** `keys`: how many keyed events may be pending at once (see pushKeyed). */
  constructor(capacity = 1024, keys = 0) {
    const n = Math.max(16, capacity);
    this.keyed = new KeyedTimers(keys);
    this.heapTime = new Float64Array(n + PAD).fill(Infinity);
    this.heapSeq = new Float64Array(n + PAD);
    this.heapCode = new Int32Array(n + PAD);
    this.heapAux = new Int32Array(n + PAD);
    this.ring = new EventRing(n);
  }

  get size(): number {
    return this.heapSize - (this.hole ? 1 : 0) + this.keyed.size + this.ring.size;
  }

  /**
   * Schedules `kind` for `id` at `time` as the one pending event of `key` (< keys), replacing
   * the one it had: the replaced event never pops. Due now, it goes to the ring like any other.
   */
  pushKeyed(key: number, time: number, kind: number, id: number, aux = 0): void {
    if (time <= this.now) {
      this.keyed.clear(key);
      this.ring.push(id * 16 + kind, aux);
      return;
    }
    this.keyed.set(key, time, this.seq++, id * 16 + kind, aux);
  }

  /** Drops key's pending event, if it has one in the future. */
  clearKeyed(key: number): void {
    this.keyed.clear(key);
  }

  /** Schedules `kind` for `id` at `time` (a time before now counts as now). kind < 16. */
  push(time: number, kind: number, id: number, aux = 0): void {
    const code = id * 16 + kind;
    if (time <= this.now) {
      this.ring.push(code, aux);
      return;
    }
    if (this.hole) {
      // Every event in the heap is due at or after the popped root, so the new one goes down from there.
      this.hole = false;
      this.heapTime[0] = time;
      this.heapSeq[0] = this.seq++;
      this.heapCode[0] = code;
      this.heapAux[0] = aux;
      this.siftDown();
      return;
    }
    if (this.heapSize + PAD === this.heapTime.length) this.growHeap();
    const seq = this.seq++;
    const times = this.heapTime;
    const seqs = this.heapSeq;
    let k = this.heapSize++;
    while (k > 0) {
      const parent = (k - 1) >> 2;
      const pt = times[parent] ?? 0;
      if (pt < time || (pt === time && (seqs[parent] ?? 0) < seq)) break;
      times[k] = pt;
      seqs[k] = seqs[parent] ?? 0;
      this.heapCode[k] = this.heapCode[parent] ?? 0;
      this.heapAux[k] = this.heapAux[parent] ?? 0;
      k = parent;
    }
    times[k] = time;
    seqs[k] = seq;
    this.heapCode[k] = code;
    this.heapAux[k] = aux;
  }

  /** Pops the next event into now/kind/id/aux; false when none is left. */
  pop(): boolean {
    if (this.hole) this.fillHole();
    const keyed = this.keyed;
    keyed.settle();
    // An empty heap's root and an empty keyed heap's first are +Infinity (the places past their ends).
    let fromKeyed = false;
    let time = this.heapTime[0] ?? 0;
    const key = keyed.first();
    const t = keyed.time[key] ?? 0;
    if (t < time || (t === time && (keyed.seq[key] ?? 0) < (this.heapSeq[0] ?? 0))) {
      time = t;
      fromKeyed = true;
    }
    if (time !== Infinity && (this.ring.size === 0 || time <= this.now)) {
      this.now = time;
      if (fromKeyed) {
        this.decode(keyed.code[key] ?? 0, keyed.aux[key] ?? 0);
        keyed.take();
      } else {
        this.decode(this.heapCode[0] ?? 0, this.heapAux[0] ?? 0);
        this.hole = true;
      }
      return true;
    }
    const ring = this.ring;
    if (ring.size === 0) return false;
    this.decode(ring.headCode(), ring.headAux());
    ring.shift();
    return true;
  }

  /**
   * Takes the sequence number the next push would take, for an event the caller keeps outside
   * the queue (the next of a sorted list of arrivals) and schedules at a time after now; the
   * caller orders it against the queue's events with popsBefore, as if it had been pushed.
   */
  reserveSeq(): number {
    return this.seq++;
  }

  /**
   * True when the next pop comes before an outside event due at `time` with sequence `seq`
   * (reserved with reserveSeq while `time` was in the future); false when the outside event
   * comes first, or the queue is empty. An outside event due now was scheduled before now,
   * so it comes before the ring, like the heap's events due now.
   */
  popsBefore(time: number, seq: number): boolean {
    if (this.hole) this.fillHole();
    if (this.ring.size > 0 && time > this.now) return true;
    const keyed = this.keyed;
    keyed.settle();
    if (this.heapSize > 0) {
      const t = this.heapTime[0] ?? 0;
      if (t < time || (t === time && (this.heapSeq[0] ?? 0) < seq)) return true;
    }
    if (keyed.size > 0) {
      const key = keyed.first();
      const t = keyed.time[key] ?? 0;
      if (t < time || (t === time && (keyed.seq[key] ?? 0) < seq)) return true;
    }
    return false;
  }

  /** Moves the clock to `time` (not before now) for an outside event the caller handles now. */
  advance(time: number): void {
    this.now = time;
  }

  private decode(code: number, aux: number): void {
    this.kind = code & 15;
    this.id = code >> 4;
    this.aux = aux;
  }

  /** No push came after the pop: the last event fills the hole. */
  private fillHole(): void {
    this.hole = false;
    const n = --this.heapSize;
    const last = this.heapTime[n] ?? 0;
    this.heapTime[n] = Infinity;
    if (n === 0) return;
    this.heapTime[0] = last;
    this.heapSeq[0] = this.heapSeq[n] ?? 0;
    this.heapCode[0] = this.heapCode[n] ?? 0;
    this.heapAux[0] = this.heapAux[n] ?? 0;
    this.siftDown();
  }

  /**
   * Moves the event at the root down to its place among heapSize events. It reads the event
   * from the root, not from arguments: a time passed to a call that is not inlined is boxed.
   *
   * The earliest of four children is found without a branch on the times (which go either way
   * at random, so a branch on them is mispredicted about every other time): two pairs, then
   * their winners, each comparison turned into an index step of 0 or 1. Places past the end
   * hold +Infinity, so a node always has four children to compare. A tie for the earliest
   * time (rare) takes the exact loop, which orders by sequence.
   */
  private siftDown(): void {
    const n = this.heapSize;
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const codes = this.heapCode;
    const auxes = this.heapAux;
    const time = times[0] ?? 0;
    const seq = seqs[0] ?? 0;
    const code = codes[0] ?? 0;
    const aux = auxes[0] ?? 0;
    let k = 0;
    for (;;) {
      const first = 4 * k + 1;
      if (first >= n) break;
      const t1 = times[first] ?? 0;
      const t2 = times[first + 1] ?? 0;
      const t3 = times[first + 2] ?? 0;
      const t4 = times[first + 3] ?? 0;
      const left = first + +(t2 < t1);
      const right = first + 2 + +(t4 < t3);
      const tl = times[left] ?? 0;
      const tr = times[right] ?? 0;
      let c = left + +(tr < tl) * (right - left);
      let tc = times[c] ?? 0;
      // Two children share the earliest time: the pairs' winners tie, or the winning pair does.
      if (tl === tr || (t1 === t2 && t1 === tc) || (t3 === t4 && t3 === tc)) {
        c = this.earliestChild(first);
        tc = times[c] ?? 0;
      }
      if (tc > time || (tc === time && (seqs[c] ?? 0) > seq)) break;
      times[k] = tc;
      seqs[k] = seqs[c] ?? 0;
      codes[k] = codes[c] ?? 0;
      auxes[k] = auxes[c] ?? 0;
      k = c;
    }
    times[k] = time;
    seqs[k] = seq;
    codes[k] = code;
    auxes[k] = aux;
  }

  /** The earliest by (time, sequence) of the children from `first` (the exact rule, for ties). */
  private earliestChild(first: number): number {
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const last = Math.min(first + 3, this.heapSize - 1);
    let c = first;
    for (let i = first + 1; i <= last; i++) {
      const ti = times[i] ?? 0;
      const tc = times[c] ?? 0;
      if (ti < tc || (ti === tc && (seqs[i] ?? 0) < (seqs[c] ?? 0))) c = i;
    }
    return c;
  }

  private growHeap(): void {
    const n = (this.heapTime.length - PAD) * 2 + PAD;
    this.heapTime = grow(this.heapTime, new Float64Array(n).fill(Infinity));
    this.heapSeq = grow(this.heapSeq, new Float64Array(n));
    this.heapCode = grow(this.heapCode, new Int32Array(n));
    this.heapAux = grow(this.heapAux, new Int32Array(n));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
