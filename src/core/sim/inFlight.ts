// The actions of one replication that hold a permit, each at a place 0..places-1 (a place is
// a permit: taken when the action is submitted, given back when it ends), and what the report
// keeps of each action once it has ended. The state of an action in flight lives at its place,
// so it takes a few kilobytes that stay in the processor's cache whatever the number of
// actions; a table per action cost tens of bytes per action, written once each, and most of
// a replication's page faults. The two arrays kept per action are reused (scratch.ts).
import { scratchArray } from './scratch.js';

export class InFlight {
  /** The action at each place. */
  readonly actionOf: Int32Array;
  /** Attempts made; 0 for a cache hit. */
  readonly attempts: Int32Array;
  /** Time spent in the slot queue, summed over attempts. */
  readonly waitSeconds: Float64Array;
  /** Time spent holding a slot, summed over attempts. */
  readonly heldSeconds: Float64Array;
  /** When the current attempt joined the queue, then when it took its slot. */
  readonly since: Float64Array;
  /** Replica of the current attempt; -1 for a pod or a trace. */
  readonly replicaOf: Int32Array;
  /** 1 when the current attempt fails. */
  readonly failing: Uint8Array;
  /** Work (seconds at full speed) of the current attempt's runtime, for processor sharing. */
  readonly work: Float64Array;
  private readonly free: Int32Array;
  private freeCount: number;

  /** Seconds each ended action held a slot, by action (summed in action order by the report). */
  readonly heldByAction: Float64Array;
  /** Queue waits of the ended actions that waited for a slot at least once, in order of ending. */
  private readonly waits: Float64Array;
  private waitCount = 0;
  /** When each action ended and its attempts; only when asked for. */
  readonly log: { endSeconds: Float64Array; attempts: Int32Array } | null;

  constructor(places: number, actions: number, recordActions: boolean) {
    this.actionOf = new Int32Array(places);
    this.attempts = new Int32Array(places);
    this.waitSeconds = new Float64Array(places);
    this.heldSeconds = new Float64Array(places);
    this.since = new Float64Array(places);
    this.replicaOf = new Int32Array(places);
    this.failing = new Uint8Array(places);
    this.work = new Float64Array(places);
    // Places are taken lowest first at the start, then the one given back most recently.
    this.free = new Int32Array(places);
    for (let i = 0; i < places; i++) this.free[i] = places - 1 - i;
    this.freeCount = places;
    this.heldByAction = scratchArray(0, actions);
    this.waits = scratchArray(1, actions);
    this.log = recordActions ? { endSeconds: new Float64Array(actions), attempts: new Int32Array(actions) } : null;
  }

  /** Gives `action` a free place (there is one: the caller keeps to the permits). */
  take(action: number): number {
    const p = this.free[--this.freeCount] ?? 0;
    this.actionOf[p] = action;
    this.attempts[p] = 0;
    this.waitSeconds[p] = 0;
    this.heldSeconds[p] = 0;
    return p;
  }

  /** The action at `p` ended at `end`: keeps what the report needs and frees the place. */
  end(p: number, end: number): void {
    const a = this.actionOf[p] ?? 0;
    const attempts = this.attempts[p] ?? 0;
    this.heldByAction[a] = this.heldSeconds[p] ?? 0;
    if (attempts > 0) this.waits[this.waitCount++] = this.waitSeconds[p] ?? 0;
    if (this.log !== null) {
      this.log.endSeconds[a] = end;
      this.log.attempts[a] = attempts;
    }
    this.free[this.freeCount++] = p;
  }

  /** Queue waits of the ended actions that waited for a slot (not the cache hits); a view, reordered by the quantiles. */
  queuedWaits(): Float64Array {
    return this.waits.subarray(0, this.waitCount);
  }
}
