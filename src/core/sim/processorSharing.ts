// Processor sharing on a reusable replica (MODEL §6): the actions in their runtime phase on
// one replica progress at rate min(1, cpus / Σ cpu of running actions). All actions ask for
// the same cpu, so with k running the rate is min(1, cpus / (k × cpu)). Each action's
// remaining work is advanced and its finish time recomputed whenever k changes on its
// replica; a version per action lets the event loop ignore superseded finish events.

/** Called with the new finish time of an action and the version its event must carry. */
export type Reschedule = (action: number, finishSeconds: number, version: number) => void;

export class ProcessorSharing {
  /** Work left (seconds at rate 1) of each action in its runtime phase. */
  readonly remaining: Float64Array;
  readonly version: Int32Array;
  private readonly running: Int32Array;
  private readonly count: Int32Array;
  private readonly updatedAt: Float64Array;

  constructor(
    replicas: number,
    private readonly concurrency: number,
    private readonly cpus: number,
    private readonly actionCpu: number,
    actions: number,
  ) {
    this.remaining = new Float64Array(actions);
    this.version = new Int32Array(actions);
    this.running = new Int32Array(replicas * concurrency);
    this.count = new Int32Array(replicas);
    this.updatedAt = new Float64Array(replicas);
  }

  rate(running: number): number {
    return running === 0 ? 1 : Math.min(1, this.cpus / (running * this.actionCpu));
  }

  /** Starts `action` with `work` seconds of work on `replica` at `now`. */
  add(replica: number, action: number, work: number, now: number, reschedule: Reschedule): void {
    this.advance(replica, now);
    const k = this.count[replica] ?? 0;
    this.running[replica * this.concurrency + k] = action;
    this.count[replica] = k + 1;
    this.remaining[action] = work;
    this.rescheduleAll(replica, now, reschedule);
  }

  /** Ends `action` on `replica` at `now` (its work is done). */
  remove(replica: number, action: number, now: number, reschedule: Reschedule): void {
    this.advance(replica, now);
    const base = replica * this.concurrency;
    const k = (this.count[replica] ?? 0) - 1;
    for (let i = 0; i <= k; i++) {
      if (this.running[base + i] === action) {
        this.running[base + i] = this.running[base + k] ?? 0;
        break;
      }
    }
    this.count[replica] = k;
    this.remaining[action] = 0;
    this.rescheduleAll(replica, now, reschedule);
  }

  private advance(replica: number, now: number): void {
    const k = this.count[replica] ?? 0;
    const done = (now - (this.updatedAt[replica] ?? 0)) * this.rate(k);
    const base = replica * this.concurrency;
    for (let i = 0; i < k; i++) {
      const a = this.running[base + i] ?? 0;
      this.remaining[a] = Math.max(0, (this.remaining[a] ?? 0) - done);
    }
    this.updatedAt[replica] = now;
  }

  private rescheduleAll(replica: number, now: number, reschedule: Reschedule): void {
    const k = this.count[replica] ?? 0;
    const rate = this.rate(k);
    const base = replica * this.concurrency;
    for (let i = 0; i < k; i++) {
      const a = this.running[base + i] ?? 0;
      const v = (this.version[a] ?? 0) + 1;
      this.version[a] = v;
      reschedule(a, now + (this.remaining[a] ?? 0) / rate, v);
    }
  }
}
