// The simulator's agenda: events ordered by (time, order of scheduling). A binary min-heap in
// typed arrays holds future events; events due at the current time go to a FIFO ring instead,
// which keeps zero-length phases (all-zero overheads are common) off the heap. Both together
// pop in exactly (time, sequence) order: every heap event due now was scheduled before any
// ring event (anything scheduled at the current time goes to the ring), so heap first, then
// ring, is the sequence order.

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
  private seq = 0;

  private ringCode: Int32Array;
  private ringAux: Int32Array;
  private ringHead = 0;
  private ringSize = 0;

  constructor(capacity = 1024) {
    const n = Math.max(16, capacity);
    this.heapTime = new Float64Array(n);
    this.heapSeq = new Float64Array(n);
    this.heapCode = new Int32Array(n);
    this.heapAux = new Int32Array(n);
    this.ringCode = new Int32Array(n);
    this.ringAux = new Int32Array(n);
  }

  get size(): number {
    return this.heapSize + this.ringSize;
  }

  /** Schedules `kind` for `id` at `time` (a time before now counts as now). kind < 16. */
  push(time: number, kind: number, id: number, aux = 0): void {
    const code = id * 16 + kind;
    if (time <= this.now) {
      this.pushRing(code, aux);
      return;
    }
    if (this.heapSize === this.heapTime.length) this.growHeap();
    const seq = this.seq++;
    const times = this.heapTime;
    const seqs = this.heapSeq;
    let k = this.heapSize++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
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
    if (this.heapSize > 0 && (this.ringSize === 0 || (this.heapTime[0] ?? 0) <= this.now)) {
      this.now = this.heapTime[0] ?? 0;
      this.decode(this.heapCode[0] ?? 0, this.heapAux[0] ?? 0);
      this.removeRoot();
      return true;
    }
    if (this.ringSize === 0) return false;
    const cap = this.ringCode.length;
    this.decode(this.ringCode[this.ringHead] ?? 0, this.ringAux[this.ringHead] ?? 0);
    this.ringHead = this.ringHead + 1 === cap ? 0 : this.ringHead + 1;
    this.ringSize--;
    return true;
  }

  private decode(code: number, aux: number): void {
    this.kind = code & 15;
    this.id = code >> 4;
    this.aux = aux;
  }

  private removeRoot(): void {
    const n = --this.heapSize;
    if (n === 0) return;
    const times = this.heapTime;
    const seqs = this.heapSeq;
    const time = times[n] ?? 0;
    const seq = seqs[n] ?? 0;
    const code = this.heapCode[n] ?? 0;
    const aux = this.heapAux[n] ?? 0;
    let k = 0;
    for (;;) {
      const l = 2 * k + 1;
      if (l >= n) break;
      const r = l + 1;
      let c = l;
      if (r < n) {
        const tr = times[r] ?? 0;
        const tl = times[l] ?? 0;
        if (tr < tl || (tr === tl && (seqs[r] ?? 0) < (seqs[l] ?? 0))) c = r;
      }
      const tc = times[c] ?? 0;
      if (tc > time || (tc === time && (seqs[c] ?? 0) > seq)) break;
      times[k] = tc;
      seqs[k] = seqs[c] ?? 0;
      this.heapCode[k] = this.heapCode[c] ?? 0;
      this.heapAux[k] = this.heapAux[c] ?? 0;
      k = c;
    }
    times[k] = time;
    seqs[k] = seq;
    this.heapCode[k] = code;
    this.heapAux[k] = aux;
  }

  private pushRing(code: number, aux: number): void {
    if (this.ringSize === this.ringCode.length) this.growRing();
    const cap = this.ringCode.length;
    let tail = this.ringHead + this.ringSize;
    if (tail >= cap) tail -= cap;
    this.ringCode[tail] = code;
    this.ringAux[tail] = aux;
    this.ringSize++;
  }

  private growHeap(): void {
    const n = this.heapTime.length * 2;
    this.heapTime = grow(this.heapTime, new Float64Array(n));
    this.heapSeq = grow(this.heapSeq, new Float64Array(n));
    this.heapCode = grow(this.heapCode, new Int32Array(n));
    this.heapAux = grow(this.heapAux, new Int32Array(n));
  }

  private growRing(): void {
    const cap = this.ringCode.length;
    const code = new Int32Array(cap * 2);
    const aux = new Int32Array(cap * 2);
    for (let i = 0; i < this.ringSize; i++) {
      const j = (this.ringHead + i) % cap;
      code[i] = this.ringCode[j] ?? 0;
      aux[i] = this.ringAux[j] ?? 0;
    }
    this.ringCode = code;
    this.ringAux = aux;
    this.ringHead = 0;
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
