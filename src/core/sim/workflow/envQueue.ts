// One environment's FIFO queue of actions waiting for a slot (MODEL §8: every step and every
// run using the environment, in order of arrival at the queue): a ring of action ids in a
// typed array that doubles when full.

export class EnvQueue {
  private ring: Int32Array;
  private head = 0;
  length = 0;

  constructor(capacity = 1024) {
    this.ring = new Int32Array(Math.max(16, capacity));
  }

  push(action: number): void {
    if (this.length === this.ring.length) this.grow();
    let tail = this.head + this.length++;
    if (tail >= this.ring.length) tail -= this.ring.length;
    this.ring[tail] = action;
  }

  /** Takes the head (length > 0). */
  shift(): number {
    const a = this.ring[this.head] ?? 0;
    this.head = this.head + 1 === this.ring.length ? 0 : this.head + 1;
    this.length--;
    return a;
  }

  private grow(): void {
    const cap = this.ring.length;
    const next = new Int32Array(cap * 2);
    for (let i = 0; i < this.length; i++) next[i] = this.ring[(this.head + i) % cap] ?? 0;
    this.ring = next;
    this.head = 0;
  }
}
