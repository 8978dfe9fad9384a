// At most one pending event per key (a replica's next finish under processor sharing): an
// indexed binary min-heap ordered by (time, sequence), where setting a key's event replaces
// the one it had in place. A superseded event is gone at once instead of waiting in the agenda
// to be popped and ignored, which kept the agenda a third larger and cost a pop per change.

export class KeyedTimers {
  readonly time: Float64Array;
  readonly seq: Float64Array;
  readonly code: Int32Array;
  readonly aux: Int32Array;
  /** Keys in heap order; heap[0] is the earliest. */
  private readonly heap: Int32Array;
  /** Place of each key in the heap; -1 when it has no pending event. */
  private readonly position: Int32Array;
  /** Keys in the heap, the taken one included. */
  private count = 0;
  /** The key at heap[0] whose event was taken (popped) but is still in place; -1: none. */
  private taken = -1;

  /** Key `keys` is a sentinel at +Infinity that fills the heap past its end (see down). */
  constructor(keys: number) {
    this.time = new Float64Array(keys + 1);
    this.seq = new Float64Array(keys + 1);
    this.time[keys] = Infinity;
    this.seq[keys] = Infinity;
    this.code = new Int32Array(keys);
    this.aux = new Int32Array(keys);
    this.heap = new Int32Array(keys + 1).fill(keys);
    this.position = new Int32Array(keys).fill(-1);
  }

  /** Pending events. */
  get size(): number {
    return this.taken < 0 ? this.count : this.count - 1;
  }

  /** The key of the earliest pending event (settled); the sentinel, at +Infinity, when none is. */
  first(): number {
    return this.heap[0] ?? 0;
  }

  /**
   * The earliest event was popped. Its key stays at the root until the next call: a new event
   * for the same key (a replica's next finish, the usual case) then sifts down once from there.
   */
  take(): void {
    this.taken = this.heap[0] ?? 0;
  }

  /** Drops the taken event, if one is still in place (before reading first()). */
  settle(): void {
    if (this.taken >= 0) this.clearTaken();
  }

  private clearTaken(): void {
    const key = this.taken;
    this.taken = -1;
    this.clear(key);
  }

  /** Sets key's pending event, replacing any it had. */
  set(key: number, time: number, seq: number, code: number, aux: number): void {
    if (this.taken >= 0) {
      if (this.taken === key) {
        // The taken event is the earliest, and the new one comes after it (later sequence).
        this.taken = -1;
        this.time[key] = time;
        this.seq[key] = seq;
        this.code[key] = code;
        this.aux[key] = aux;
        this.down(0);
        return;
      }
      this.clearTaken();
    }
    const old = this.position[key] ?? -1;
    const later = old >= 0 && this.before(key, time, seq);
    this.time[key] = time;
    this.seq[key] = seq;
    this.code[key] = code;
    this.aux[key] = aux;
    if (old < 0) {
      const k = this.count++;
      this.heap[k] = key;
      this.position[key] = k;
      this.up(k);
    } else if (later) this.down(old);
    else this.up(old);
  }

  /** Drops key's pending event, if any. */
  clear(key: number): void {
    if (this.taken >= 0 && this.taken !== key) this.clearTaken();
    this.taken = -1;
    const k = this.position[key] ?? -1;
    if (k < 0) return;
    this.position[key] = -1;
    const last = --this.count;
    const moved = this.heap[last] ?? 0;
    this.heap[last] = this.position.length;
    if (k === last) return;
    this.heap[k] = moved;
    this.position[moved] = k;
    this.up(k);
    this.down(this.position[moved] ?? k);
  }

  /** True when key's current event comes before (time, seq). */
  private before(key: number, time: number, seq: number): boolean {
    const t = this.time[key] ?? 0;
    return t < time || (t === time && (this.seq[key] ?? 0) < seq);
  }

  // The moving key's time and sequence are read once, into locals; a child's or parent's on
  // each comparison (keys, not heap places, index time and seq).
  private up(start: number): void {
    const heap = this.heap;
    const times = this.time;
    const seqs = this.seq;
    const key = heap[start] ?? 0;
    const time = times[key] ?? 0;
    const seq = seqs[key] ?? 0;
    let k = start;
    while (k > 0) {
      const p = (k - 1) >> 1;
      const parent = heap[p] ?? 0;
      const tp = times[parent] ?? 0;
      if (tp < time || (tp === time && (seqs[parent] ?? 0) < seq)) break;
      heap[k] = parent;
      this.position[parent] = k;
      k = p;
    }
    heap[k] = key;
    this.position[key] = k;
  }

  // A node's earlier child is picked by an index step (0 or 1), not a branch: which of two
  // replicas finishes first is as good as random, so a branch on it is mispredicted about
  // every other time. Places past the end hold the sentinel key, at +Infinity, so every node
  // with a left child has a right one too; equal times (rare) take the exact rule.
  private down(start: number): void {
    const heap = this.heap;
    const times = this.time;
    const seqs = this.seq;
    const n = this.count;
    const key = heap[start] ?? 0;
    const time = times[key] ?? 0;
    const seq = seqs[key] ?? 0;
    let k = start;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= n) break;
      const left = heap[l] ?? 0;
      const right = heap[l + 1] ?? 0;
      const tl = times[left] ?? 0;
      const tr = times[right] ?? 0;
      let b = +(tr < tl);
      if (tl === tr) b = +((seqs[right] ?? 0) < (seqs[left] ?? 0));
      const c = l + b;
      const child = left + b * (right - left);
      const tc = times[child] ?? 0;
      if (time < tc || (time === tc && seq < (seqs[child] ?? 0))) break;
      heap[k] = child;
      this.position[child] = k;
      k = c;
    }
    heap[k] = key;
    this.position[key] = k;
  }
}
