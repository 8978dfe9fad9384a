// Per-action state of one replication, in typed arrays indexed by action (memory grows with
// the actions of one replication, never with the number of replications).

export class ActionTable {
  /** Attempts made; 0 for a cache hit. */
  readonly attempts: Int32Array;
  /** Time spent in the slot queue, summed over attempts. */
  readonly waitSeconds: Float64Array;
  /** Time spent holding a slot, summed over attempts. */
  readonly heldSeconds: Float64Array;
  readonly queuedAt: Float64Array;
  readonly slotStart: Float64Array;
  /** Replica of the current attempt; -1 for a pod or a trace. */
  readonly replicaOf: Int32Array;
  /** 1 when the current attempt fails. */
  readonly failing: Uint8Array;
  /** Work (seconds at full speed) of the current attempt's runtime, for processor sharing. */
  readonly work: Float64Array;
  /** When each action ended; only when asked for. */
  readonly endSeconds: Float64Array | null;

  constructor(actions: number, sharing: boolean, recordEnds: boolean) {
    this.attempts = new Int32Array(actions);
    this.waitSeconds = new Float64Array(actions);
    this.heldSeconds = new Float64Array(actions);
    this.queuedAt = new Float64Array(actions);
    this.slotStart = new Float64Array(actions);
    this.replicaOf = new Int32Array(actions);
    this.failing = new Uint8Array(actions);
    this.work = new Float64Array(sharing ? actions : 0);
    this.endSeconds = recordEnds ? new Float64Array(actions) : null;
  }

  /** Queue waits of the actions that waited for a slot at least once (not the cache hits). */
  queuedWaits(): Float64Array {
    const { attempts, waitSeconds } = this;
    let n = 0;
    for (let i = 0; i < attempts.length; i++) if ((attempts[i] ?? 0) > 0) n++;
    if (n === attempts.length) return waitSeconds;
    const out = new Float64Array(n);
    let k = 0;
    for (let i = 0; i < attempts.length; i++) if ((attempts[i] ?? 0) > 0) out[k++] = waitSeconds[i] ?? 0;
    return out;
  }
}
