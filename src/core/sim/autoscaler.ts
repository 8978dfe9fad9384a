// The life of a reusable pool's replicas (MODEL §6): minReplicas at the start, warm unless
// startCold; scale-up by the rule min(max - ready - starting, ceil(waiting / concurrency) -
// starting), each new replica ready after its own cold start; a replica idle for
// scaledownTtl is removed while more than minReplicas remain; the whole pool goes after
// idleTtl with nothing busy. TTL timers are events tagged with an idle epoch, so a timer
// armed before the replica (or pool) worked again is ignored. One class for the single fan-out
// and the run engine: in the run engine many environments share one event queue, so replica
// events carry a global id (the environment's offset + the place in its pool) and the pool idle
// timer the environment's index. It also remembers when each replica started, so billing can
// be cut at the start of a stream's measured window. After idleTtl removes the whole pool, the
// next waiting action starts replicas again, cold.
import type { Rng } from '../random.js';
import type { EventQueue } from './eventQueue.js';
import { POOL_IDLE, REPLICA_READY, SCALEDOWN } from './eventKinds.js';
import { ReplicaPool, replicasToStart } from './replicaPool.js';
import type { SimPlan } from './simPlan.js';

export class Autoscaler {
  /** Bumped whenever the pool goes from nothing busy to something busy. */
  private poolEpoch = 0;
  private readonly createdAt: Float64Array;
  private readonly alive: Uint8Array;
  /** Most replicas alive at once since the measured window opened. */
  windowPeak = 0;
  private counting = false;

  constructor(
    readonly pool: ReplicaPool,
    /** The pool's settings and its create draws (in a workflow, any plan of a step on the environment). */
    private readonly plan: SimPlan,
    private readonly events: EventQueue,
    private readonly rng: Rng,
    /** Id of the pool's replica 0 in the event queue (0 for a single fan-out). */
    readonly offset: number = 0,
    /** The pool idle timer's id: the environment's index (0 for a single fan-out). */
    private readonly env: number = 0,
  ) {
    this.createdAt = new Float64Array(pool.max);
    this.alive = new Uint8Array(pool.max);
  }

  /** The pool comes up at `now` (its first step's start): minReplicas, warm unless startCold, and its first idle timer. */
  start(now: number): void {
    const { pool, plan } = this;
    for (let i = 0; i < plan.minReplicas; i++) {
      const r = this.place(now, plan.startCold);
      if (plan.startCold) this.events.push(now + plan.create(this.rng), REPLICA_READY, this.offset + r);
      else {
        pool.markReady(r, now);
        if (plan.minReplicas < pool.max) this.events.push(now + plan.scaledownTtl, SCALEDOWN, this.offset + r, pool.epoch[r] ?? 0);
      }
    }
    this.events.push(now + plan.idleTtl, POOL_IDLE, this.env, this.poolEpoch);
  }

  poolBusy(): void {
    this.poolEpoch++;
  }

  /** Starts replicas for the actions that wait and could run on a new slot. */
  scaleUp(now: number, waiting: number): void {
    const pool = this.pool;
    if (pool.alive >= pool.max) return;
    const n = replicasToStart(pool.max, pool.ready, pool.starting, waiting, pool.concurrency);
    for (let i = 0; i < n; i++) {
      const r = this.place(now, true);
      this.events.push(now + this.plan.create(this.rng), REPLICA_READY, this.offset + r);
    }
  }

  /** After slots were taken or freed on `r` (a place in the pool): arm the TTL timers of whatever is idle now. */
  armIdleTimers(r: number, now: number, busySlots: number): void {
    const pool = this.pool;
    // A pool that never shrinks below its maximum needs no scaledown timer (it could remove nothing).
    if (pool.busy[r] === 0 && this.plan.minReplicas < pool.max) this.events.push(now + this.plan.scaledownTtl, SCALEDOWN, this.offset + r, pool.epoch[r] ?? 0);
    if (busySlots === 0) this.events.push(now + this.plan.idleTtl, POOL_IDLE, this.env, this.poolEpoch);
  }

  /** A scaledown timer fired; false when it was stale or the pool is at its minimum. */
  onScaledown(r: number, epoch: number, now: number): boolean {
    const pool = this.pool;
    if (!pool.isReady(r) || pool.epoch[r] !== epoch || pool.busy[r] !== 0 || pool.alive <= this.plan.minReplicas) return false;
    this.removeReplica(r, now);
    return true;
  }

  /** The pool idle timer fired; false when it was stale. */
  onPoolIdle(epoch: number, now: number, busySlots: number, queueLength: number): boolean {
    if (epoch !== this.poolEpoch || busySlots !== 0 || queueLength !== 0) return false;
    for (const r of this.pool.readyReplicas()) this.removeReplica(r, now);
    return true;
  }

  /** Opens the measured window at `t`: the billed replica-seconds before it (returned), and the peak from here. */
  openWindow(t: number): number {
    this.counting = true;
    this.windowPeak = this.pool.alive;
    return this.billedUntil(t);
  }

  /** Replica-seconds billed from the pool's start until `t`: removed replicas whole, live ones until `t`. */
  billedUntil(t: number): number {
    let billed = this.pool.billedSeconds;
    for (let r = 0; r < this.pool.max; r++) if (this.alive[r] === 1) billed += t - (this.createdAt[r] ?? 0);
    return billed;
  }

  private place(now: number, cold: boolean): number {
    const r = this.pool.start(now, cold);
    this.createdAt[r] = now;
    this.alive[r] = 1;
    if (this.counting && this.pool.alive > this.windowPeak) this.windowPeak = this.pool.alive;
    return r;
  }

  private removeReplica(r: number, now: number): void {
    this.pool.remove(r, now);
    this.alive[r] = 0;
  }
}
