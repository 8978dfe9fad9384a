// Processor sharing on a reusable replica (MODEL §6): the actions in their runtime phase on
// one replica progress at rate min(1, cpus / Σ cpu of running actions). All actions ask for
// the same cpu, so with k running the rate is min(1, cpus / (k × cpu)) and every running
// action on a replica advances alike. Each replica keeps a virtual clock — work done per
// action since it started — and each action finishes when that clock reaches its start value
// plus its work. So one event per replica suffices: the next finisher's, recomputed whenever
// k changes (replacing the one before); a version per replica lets the event loop ignore a
// superseded one that was already due.

/** Where a replica's next finish is kept: one pending event per replica. */
export interface FinishAgenda {
  /** The replica's next finish time and the version its event must carry. */
  set(replica: number, finishSeconds: number, version: number): void;
  /** The replica has nothing running: no finish is pending. */
  clear(replica: number): void;
}

export class ProcessorSharing {
  /** Virtual finish of each running action: the replica's clock value at which it is done. */
  private readonly finishAt: Float64Array;
  private readonly running: Int32Array;
  private readonly count: Int32Array;
  private readonly clock: Float64Array;
  private readonly updatedAt: Float64Array;
  /** Index in the replica's running list of the action that finishes first (first on ties). */
  private readonly first: Int32Array;
  /** The rate with k running, for k = 0..concurrency. */
  private readonly rates: Float64Array;
  readonly version: Int32Array;

  constructor(
    replicas: number,
    private readonly concurrency: number,
    private readonly cpus: number,
    private readonly actionCpu: number,
    actions: number,
  ) {
    this.finishAt = new Float64Array(actions);
    this.running = new Int32Array(replicas * concurrency);
    this.count = new Int32Array(replicas);
    this.clock = new Float64Array(replicas);
    this.updatedAt = new Float64Array(replicas);
    this.first = new Int32Array(replicas);
    this.version = new Int32Array(replicas);
    this.rates = new Float64Array(concurrency + 1);
    for (let k = 0; k <= concurrency; k++) this.rates[k] = this.rate(k);
  }

  rate(running: number): number {
    return running === 0 ? 1 : Math.min(1, this.cpus / (running * this.actionCpu));
  }

  /** Starts `action` with `work` seconds of work (at rate 1) on `replica` at `now`. */
  add(replica: number, action: number, work: number, now: number, agenda: FinishAgenda): void {
    this.advance(replica, now);
    const base = replica * this.concurrency;
    const k = this.count[replica] ?? 0;
    this.running[base + k] = action;
    this.count[replica] = k + 1;
    const at = (this.clock[replica] ?? 0) + work;
    this.finishAt[action] = at;
    // The new action is last in the list: it comes first only if strictly earlier.
    if (k === 0 || at < (this.finishAt[this.running[base + (this.first[replica] ?? 0)] ?? 0] ?? 0)) this.first[replica] = k;
    this.next(replica, now, agenda);
  }

  /** The replica's finish event fired at `now`: removes and returns the action that is done. */
  complete(replica: number, now: number, agenda: FinishAgenda): number {
    this.advance(replica, now);
    const base = replica * this.concurrency;
    const k = (this.count[replica] ?? 0) - 1;
    const i = this.first[replica] ?? 0;
    const action = this.running[base + i] ?? 0;
    // The clock reaches the finisher's mark exactly, whatever the rounding on the way.
    this.clock[replica] = Math.max(this.clock[replica] ?? 0, this.finishAt[action] ?? 0);
    this.running[base + i] = this.running[base + k] ?? 0;
    this.count[replica] = k;
    this.first[replica] = this.earliest(replica);
    this.next(replica, now, agenda);
    return action;
  }

  private advance(replica: number, now: number): void {
    const elapsed = now - (this.updatedAt[replica] ?? 0);
    this.clock[replica] = (this.clock[replica] ?? 0) + elapsed * (this.rates[this.count[replica] ?? 0] ?? 1);
    this.updatedAt[replica] = now;
  }

  /** Index (within the replica's running list) of the action that finishes first; first on ties. */
  private earliest(replica: number): number {
    const base = replica * this.concurrency;
    const k = this.count[replica] ?? 0;
    let best = 0;
    let bestAt = Infinity;
    for (let i = 0; i < k; i++) {
      const at = this.finishAt[this.running[base + i] ?? 0] ?? 0;
      if (at < bestAt) {
        bestAt = at;
        best = i;
      }
    }
    return best;
  }

  private next(replica: number, now: number, agenda: FinishAgenda): void {
    const v = (this.version[replica] ?? 0) + 1;
    this.version[replica] = v;
    const k = this.count[replica] ?? 0;
    if (k === 0) {
      agenda.clear(replica);
      return;
    }
    const first = this.finishAt[this.running[replica * this.concurrency + (this.first[replica] ?? 0)] ?? 0] ?? 0;
    const left = Math.max(0, first - (this.clock[replica] ?? 0));
    agenda.set(replica, now + left / (this.rates[k] ?? 1), v);
  }
}
