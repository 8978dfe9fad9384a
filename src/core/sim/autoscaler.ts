// The life of a reusable pool's replicas (MODEL §6): minReplicas at the start, warm unless
// startCold; scale-up by the rule min(max - ready - starting, ceil(waiting / concurrency) -
// starting), each new replica ready after its own cold start; a replica idle for
// scaledownTtl is removed while more than minReplicas remain; the whole pool goes after
// idleTtl with nothing busy. TTL timers are events tagged with an idle epoch, so a timer
// armed before the replica (or pool) worked again is ignored.
import type { Rng } from '../random.js';
import type { EventQueue } from './eventQueue.js';
import { POOL_IDLE, REPLICA_READY, SCALEDOWN } from './eventKinds.js';
import { ReplicaPool, replicasToStart } from './replicaPool.js';
import type { SimPlan } from './simPlan.js';

export class Autoscaler {
  /** Bumped whenever the pool goes from nothing busy to something busy. */
  private poolEpoch = 0;

  constructor(
    readonly pool: ReplicaPool,
    private readonly plan: SimPlan,
    private readonly events: EventQueue,
    private readonly rng: Rng,
  ) {}

  /** The replicas present at time 0 and the pool's first idle timer. */
  start(): void {
    const { pool, plan } = this;
    for (let i = 0; i < plan.minReplicas; i++) {
      const r = pool.start(0, plan.startCold);
      if (plan.startCold) this.events.push(plan.create(this.rng), REPLICA_READY, r);
      else {
        pool.markReady(r, 0);
        this.events.push(plan.scaledownTtl, SCALEDOWN, r, pool.epoch[r] ?? 0);
      }
    }
    this.events.push(plan.idleTtl, POOL_IDLE, 0, this.poolEpoch);
  }

  /** The pool went from nothing busy to something busy. */
  poolBusy(): void {
    this.poolEpoch++;
  }

  /** Starts replicas for the actions that wait and could run on a new slot. */
  scaleUp(now: number, waiting: number): void {
    const pool = this.pool;
    if (pool.alive >= pool.max) return;
    const n = replicasToStart(pool.max, pool.ready, pool.starting, waiting, pool.concurrency);
    for (let i = 0; i < n; i++) {
      const r = pool.start(now, true);
      this.events.push(now + this.plan.create(this.rng), REPLICA_READY, r);
    }
  }

  /** After slots were taken or freed on `r`: arm the TTL timers of whatever is idle now. */
  armIdleTimers(r: number, now: number, busySlots: number): void {
    const pool = this.pool;
    if (pool.busy[r] === 0) this.events.push(now + this.plan.scaledownTtl, SCALEDOWN, r, pool.epoch[r] ?? 0);
    if (busySlots === 0) this.events.push(now + this.plan.idleTtl, POOL_IDLE, 0, this.poolEpoch);
  }

  /** A scaledown timer fired; false when it was stale or the pool is at its minimum. */
  onScaledown(r: number, epoch: number, now: number): boolean {
    const pool = this.pool;
    if (!pool.isReady(r) || pool.epoch[r] !== epoch || pool.busy[r] !== 0 || pool.alive <= this.plan.minReplicas) return false;
    pool.remove(r, now);
    return true;
  }

  /** The pool idle timer fired; false when it was stale. */
  onPoolIdle(epoch: number, now: number, busySlots: number, queueLength: number): boolean {
    if (epoch !== this.poolEpoch || busySlots !== 0 || queueLength !== 0) return false;
    for (const r of this.pool.readyReplicas()) this.pool.remove(r, now);
    return true;
  }
}
