// Which run an index into a per-run block of the engine's tables belongs to (run × perRun +
// offset), and its offset in the run: by a shift and a mask when perRun is a power of two (a
// stream of one-action runs, the common case, has 1), else by a division. Every event asks
// this several times, and an integer division costs tens of cycles where a shift costs one.

export class RunIndex {
  private readonly shift: number;
  private readonly mask: number;

  constructor(readonly perRun: number) {
    const pow2 = perRun > 0 && (perRun & (perRun - 1)) === 0;
    this.shift = pow2 ? 31 - Math.clz32(perRun) : -1;
    this.mask = pow2 ? perRun - 1 : 0;
  }

  /** The run of index `x` (x >= 0, below 2^31). */
  runOf(x: number): number {
    return this.shift >= 0 ? x >> this.shift : Math.floor(x / this.perRun);
  }

  /** The place of index `x` within its run's block. */
  offsetOf(x: number): number {
    return this.shift >= 0 ? x & this.mask : x % this.perRun;
  }
}
