// Per-action state of the run engine's replication, in typed arrays indexed by action (memory
// grows with the actions of one replication, never with the number of replications). The
// single fan-out keeps its actions' state by permit place instead (sim/inFlight.ts).

export class ActionTable {
  /** Attempts made; 0 for a cache hit. */
  readonly attempts: Int32Array;
  /** Time spent in the slot queue, summed over attempts. */
  readonly waitSeconds: Float64Array;
  /** When the action joined the slot queue, then when it took its slot. */
  readonly queuedAt: Float64Array;
  /** Replica of the current attempt; -1 for a pod or a trace. */
  readonly replicaOf: Int32Array;
  /** 1 when the current attempt fails. */
  readonly failing: Uint8Array;
  /** Work (seconds at full speed) of the current attempt's runtime, for processor sharing. */
  readonly work: Float64Array;

  constructor(actions: number, sharing: boolean) {
    this.attempts = new Int32Array(actions);
    this.waitSeconds = new Float64Array(actions);
    this.queuedAt = new Float64Array(actions);
    this.replicaOf = new Int32Array(actions);
    this.failing = new Uint8Array(actions);
    this.work = new Float64Array(sharing ? actions : 0);
  }
}
