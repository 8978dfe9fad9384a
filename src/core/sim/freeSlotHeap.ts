// Replicas with at least one free slot, least busy first and lowest id on ties (MODEL §6):
// an indexed binary min-heap keyed by busy × stride + id, so taking or freeing a slot is
// O(log replicas) instead of a scan.

export class FreeSlotHeap {
  private readonly heap: Int32Array;
  private readonly key: Float64Array;
  /** Position of each replica in the heap; -1 when absent. */
  private readonly position: Int32Array;
  private size = 0;

  constructor(private readonly replicas: number) {
    this.heap = new Int32Array(replicas);
    this.key = new Float64Array(replicas);
    this.position = new Int32Array(replicas).fill(-1);
  }

  get isEmpty(): boolean {
    return this.size === 0;
  }

  /** The replica that takes the next action, or -1. */
  peek(): number {
    return this.size > 0 ? (this.heap[0] ?? -1) : -1;
  }

  has(replica: number): boolean {
    return (this.position[replica] ?? -1) >= 0;
  }

  /** Inserts the replica or moves it to its place for a new busy count. */
  set(replica: number, busy: number): void {
    const key = busy * this.replicas + replica;
    let k = this.position[replica] ?? -1;
    if (k < 0) {
      k = this.size++;
      this.heap[k] = replica;
      this.position[replica] = k;
      this.key[replica] = key;
      this.up(k);
      return;
    }
    const old = this.key[replica] ?? 0;
    this.key[replica] = key;
    if (key < old) this.up(k);
    else this.down(k);
  }

  remove(replica: number): void {
    const k = this.position[replica] ?? -1;
    if (k < 0) return;
    this.position[replica] = -1;
    const last = --this.size;
    if (k === last) return;
    const moved = this.heap[last] ?? 0;
    this.heap[k] = moved;
    this.position[moved] = k;
    this.up(k);
    this.down(this.position[moved] ?? k);
  }

  private up(start: number): void {
    const heap = this.heap;
    let k = start;
    const item = heap[k] ?? 0;
    const key = this.key[item] ?? 0;
    while (k > 0) {
      const p = (k - 1) >> 1;
      const parent = heap[p] ?? 0;
      if ((this.key[parent] ?? 0) <= key) break;
      heap[k] = parent;
      this.position[parent] = k;
      k = p;
    }
    heap[k] = item;
    this.position[item] = k;
  }

  private down(start: number): void {
    const heap = this.heap;
    const n = this.size;
    let k = start;
    const item = heap[k] ?? 0;
    const key = this.key[item] ?? 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      let ck = this.key[heap[l] ?? 0] ?? 0;
      if (r < n) {
        const rk = this.key[heap[r] ?? 0] ?? 0;
        if (rk < ck) {
          c = r;
          ck = rk;
        }
      }
      if (ck >= key) break;
      const child = heap[c] ?? 0;
      heap[k] = child;
      this.position[child] = k;
      k = c;
    }
    heap[k] = item;
    this.position[item] = k;
  }
}
