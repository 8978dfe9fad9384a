// The agenda's events due at the current time, first in first out: a ring of (code, aux) in
// typed arrays that doubles when full. Zero-length phases (all-zero overheads are common)
// schedule their next event for now, and this keeps them off the heap (eventQueue.ts).

export class EventRing {
  private code: Int32Array;
  private aux: Int32Array;
  private head = 0;
  /** Events waiting. */
  size = 0;

  constructor(capacity: number) {
    this.code = new Int32Array(capacity);
    this.aux = new Int32Array(capacity);
  }

  push(code: number, aux: number): void {
    if (this.size === this.code.length) this.grow();
    const cap = this.code.length;
    let tail = this.head + this.size;
    if (tail >= cap) tail -= cap;
    this.code[tail] = code;
    this.aux[tail] = aux;
    this.size++;
  }

  /** The oldest event's code and aux (size > 0). */
  headCode(): number {
    return this.code[this.head] ?? 0;
  }

  headAux(): number {
    return this.aux[this.head] ?? 0;
  }

  /** Drops the oldest event (size > 0). */
  shift(): void {
    this.head = this.head + 1 === this.code.length ? 0 : this.head + 1;
    this.size--;
  }

  private grow(): void {
    const cap = this.code.length;
    const code = new Int32Array(cap * 2);
    const aux = new Int32Array(cap * 2);
    for (let i = 0; i < this.size; i++) {
      const j = (this.head + i) % cap;
      code[i] = this.code[j] ?? 0;
      aux[i] = this.aux[j] ?? 0;
    }
    this.code = code;
    this.aux = aux;
    this.head = 0;
  }
}
