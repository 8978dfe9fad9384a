// Streaming accumulation of measured rows, one phase per PhaseSamples. Memory is two
// growable Float64Arrays (8 bytes a row, 16 with bytes): no object per row.

const INITIAL_CAPACITY = 1024;

export class PhaseSamples {
  #seconds = new Float64Array(INITIAL_CAPACITY);
  /** Allocated at the first row with bytes; NaN marks rows without. */
  #bytes: Float64Array | null = null;
  #size = 0;
  #bytesCount = 0;

  push(seconds: number, bytes: number | null): void {
    if (this.#size === this.#seconds.length) this.#grow();
    if (bytes !== null) {
      if (this.#bytes === null) {
        this.#bytes = new Float64Array(this.#seconds.length);
        this.#bytes.fill(Number.NaN, 0, this.#size);
      }
      this.#bytesCount++;
    }
    this.#seconds[this.#size] = seconds;
    if (this.#bytes !== null) this.#bytes[this.#size] = bytes ?? Number.NaN;
    this.#size++;
  }

  get size(): number {
    return this.#size;
  }

  /** Rows that carried bytes. */
  get bytesCount(): number {
    return this.#bytesCount;
  }

  /** A view of the seconds in arrival order (not a copy). */
  seconds(): Float64Array {
    return this.#seconds.subarray(0, this.#size);
  }

  /** A view of the bytes in arrival order, NaN where a row had none; null if no row had any. */
  bytes(): Float64Array | null {
    return this.#bytes === null ? null : this.#bytes.subarray(0, this.#size);
  }

  #grow(): void {
    const capacity = this.#seconds.length * 2;
    const seconds = new Float64Array(capacity);
    seconds.set(this.#seconds);
    this.#seconds = seconds;
    if (this.#bytes !== null) {
      const bytes = new Float64Array(capacity);
      bytes.set(this.#bytes);
      this.#bytes = bytes;
    }
  }
}

/** Rows of every phase, kept in the order phases first appear. */
export class MeasurementSet {
  readonly #phases = new Map<string, PhaseSamples>();

  push(phase: string, seconds: number, bytes: number | null = null): void {
    let samples = this.#phases.get(phase);
    if (samples === undefined) {
      samples = new PhaseSamples();
      this.#phases.set(phase, samples);
    }
    samples.push(seconds, bytes);
  }

  get phases(): string[] {
    return [...this.#phases.keys()];
  }

  get(phase: string): PhaseSamples | undefined {
    return this.#phases.get(phase);
  }

  get rows(): number {
    let total = 0;
    for (const samples of this.#phases.values()) total += samples.size;
    return total;
  }
}
