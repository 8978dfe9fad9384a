// The replicas of a reusable pool (MODEL §6): which exist, which are starting or ready, how
// busy each is, and the replica-seconds they are billed. Replica ids are places 0..max-1; a
// new replica takes the lowest free place, so "lowest id" on ties means lowest place.
// Scheduling (cold starts, TTL timers) belongs to the event loop; this holds the state.
import { FreeSlotHeap } from './freeSlotHeap.js';

const ABSENT = 0;
const STARTING = 1;
const READY = 2;

/** Replicas to start under the autoscaling rule of docs/simulator.md, given the actions that could use a new slot. */
export function replicasToStart(max: number, ready: number, starting: number, waiting: number, concurrency: number): number {
  if (waiting <= 0) return 0;
  return Math.max(0, Math.min(max - ready - starting, Math.ceil(waiting / concurrency) - starting));
}

export class ReplicaPool {
  readonly busy: Int32Array;
  /** Bumped whenever a replica leaves idleness or is removed, so stale TTL timers are ignored. */
  readonly epoch: Int32Array;
  private readonly status: Uint8Array;
  private readonly createdAt: Float64Array;
  private readonly readyAt: Float64Array;
  private readonly free: FreeSlotHeap;
  ready = 0;
  starting = 0;
  peak = 0;
  coldStarts = 0;
  billedSeconds = 0;
  /** Replica-seconds spent ready, accumulated when a replica is removed. */
  private readySecondsRemoved = 0;

  constructor(
    readonly max: number,
    readonly concurrency: number,
  ) {
    this.busy = new Int32Array(max);
    this.epoch = new Int32Array(max);
    this.status = new Uint8Array(max);
    this.createdAt = new Float64Array(max);
    this.readyAt = new Float64Array(max);
    this.free = new FreeSlotHeap(max);
  }

  get alive(): number {
    return this.ready + this.starting;
  }

  isReady(replica: number): boolean {
    return this.status[replica] === READY;
  }

  /** Places a replica that starts now; `cold` counts it as a cold start. */
  start(now: number, cold: boolean): number {
    const replica = this.status.indexOf(ABSENT);
    if (replica < 0) throw new RangeError('no free replica place');
    this.status[replica] = STARTING;
    this.createdAt[replica] = now;
    this.starting++;
    if (cold) this.coldStarts++;
    if (this.alive > this.peak) this.peak = this.alive;
    return replica;
  }

  markReady(replica: number, now: number): void {
    this.status[replica] = READY;
    this.readyAt[replica] = now;
    this.starting--;
    this.ready++;
    this.free.set(replica, this.busy[replica] ?? 0);
  }

  remove(replica: number, now: number): void {
    this.status[replica] = ABSENT;
    this.ready--;
    this.epoch[replica] = (this.epoch[replica] ?? 0) + 1;
    this.billedSeconds += now - (this.createdAt[replica] ?? 0);
    this.readySecondsRemoved += now - (this.readyAt[replica] ?? 0);
    this.free.remove(replica);
  }

  /** Takes a slot on the least busy ready replica; -1 when every slot is taken. */
  acquire(): number {
    const replica = this.free.peek();
    if (replica < 0) return -1;
    const busy = (this.busy[replica] ?? 0) + 1;
    this.busy[replica] = busy;
    if (busy === 1) this.epoch[replica] = (this.epoch[replica] ?? 0) + 1;
    if (busy >= this.concurrency) this.free.remove(replica);
    else this.free.set(replica, busy);
    return replica;
  }

  release(replica: number): void {
    const busy = (this.busy[replica] ?? 0) - 1;
    this.busy[replica] = busy;
    this.free.set(replica, busy);
  }

  /** Free slots on ready replicas. */
  get hasFreeSlot(): boolean {
    return !this.free.isEmpty;
  }

  /** Ready replicas, lowest id first (for removing the whole pool). */
  readyReplicas(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.max; r++) if (this.status[r] === READY) out.push(r);
    return out;
  }

  /** Replica-seconds spent ready from time 0 to `now`, counting replicas still ready. */
  readySecondsUntil(now: number): number {
    let total = this.readySecondsRemoved;
    for (let r = 0; r < this.max; r++) if (this.status[r] === READY) total += now - (this.readyAt[r] ?? 0);
    return total;
  }
}
