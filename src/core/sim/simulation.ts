// One replication of MODEL §6 as an event loop. Each action walks: permit -> u_in -> token
// bucket -> e -> (cache hit: d_out) | FIFO queue -> slot [create or dispatch, d_in, runtime,
// u_out] -> d_out -> permit released. Only the points where actions meet a shared resource
// are events; the phases between two such points are drawn together. See docs/simulator.md.
import type { Scenario } from '../model.js';
import { type Rng, createRng } from '../random.js';
import { ActionTable } from './actionTable.js';
import { Autoscaler } from './autoscaler.js';
import { ATTEMPT_END, BUCKET, DONE, ENQUEUED, POOL_IDLE, REPLICA_READY, RETRY, RUN_END, RUN_START, SCALEDOWN } from './eventKinds.js';
import { EventQueue } from './eventQueue.js';
import { type FinishAgenda, ProcessorSharing } from './processorSharing.js';
import { ReplicaPool } from './replicaPool.js';
import type { SimPlan } from './simPlan.js';
import { inFlightLimit, slotLimit } from './slotLimit.js';
import type { Tally } from './tally.js';
import { type PoolState, TimelineRecorder } from './timeline.js';
import { TokenBucket } from './tokenBucket.js';

export class Simulation implements PoolState {
  readonly actions: ActionTable;
  private readonly rng: Rng;
  private readonly events: EventQueue;
  private readonly bucket: TokenBucket;
  private readonly scaler: Autoscaler | null;
  private readonly pool: ReplicaPool | null;
  private readonly sharing: ProcessorSharing | null;
  private readonly timeline: TimelineRecorder | null;
  private readonly slotLimit: number;
  private readonly permits: number;
  private readonly queue: Int32Array;
  private queueHead = 0;
  private queueLen = 0;
  private nextAction = 0;
  private inFlight = 0;
  private busy = 0;
  private peakBusy = 0;
  private pods = 0;
  private finished = 0;
  private failed = 0;
  private cacheHits = 0;
  private totalAttempts = 0;
  private makespan = 0;
  private readySecondsAtMakespan = 0;
  private eventsProcessed = 0;

  constructor(
    scenario: Scenario,
    private readonly plan: SimPlan,
    seed: number,
    timelineInterval: number | null,
    recordActions: boolean,
  ) {
    const n = plan.actions;
    this.rng = createRng(seed);
    this.bucket = new TokenBucket(scenario.limits.enqueueRatePerSecond);
    this.slotLimit = slotLimit(scenario);
    this.permits = inFlightLimit(scenario);
    if (!(this.slotLimit > 0)) throw new RangeError('the scenario allows no slot: check the pool and concurrency limits');
    this.actions = new ActionTable(n, plan.sharing !== null, recordActions);
    this.queue = new Int32Array(Math.max(1, n));
    this.timeline = timelineInterval === null ? null : new TimelineRecorder(timelineInterval);
    const pool = scenario.pool;
    const reusable = pool.mode === 'reusable' && plan.mode === 'reusable';
    // Under processor sharing each replica keeps one pending finish event, replaced in place.
    this.events = new EventQueue(1024, reusable && plan.sharing !== null ? pool.maxReplicas : 0);
    this.pool = reusable ? new ReplicaPool(pool.maxReplicas, pool.concurrency) : null;
    this.scaler = this.pool !== null ? new Autoscaler(this.pool, plan, this.events, this.rng) : null;
    const cpu = plan.sharing;
    this.sharing = this.pool !== null && cpu !== null ? new ProcessorSharing(this.pool.max, this.pool.concurrency, cpu.cpus, cpu.actionCpu, n) : null;
  }

  run(): void {
    this.scaler?.start();
    this.submit(this.plan.parentStart);
    const q = this.events;
    const sharing = this.sharing;
    while (q.pop()) {
      const now = q.now;
      const a = q.id;
      if (this.timeline !== null && this.finished < this.plan.actions) this.timeline.advance(now, this);
      this.eventsProcessed++;
      switch (q.kind) {
        case BUCKET:
          q.push(this.bucket.grant(now) + this.plan.enqueue(this.rng), ENQUEUED, a);
          break;
        case ENQUEUED:
          this.onEnqueued(a, now);
          break;
        case RUN_START:
          if (sharing !== null) sharing.add(this.actions.replicaOf[a] ?? 0, a, this.actions.work[a] ?? 0, now, this.finishes);
          break;
        case RUN_END: // id: the replica whose next finisher is due
          if (sharing === null || sharing.version[a] !== q.aux) this.eventsProcessed--;
          else this.onRunEnd(sharing.complete(a, now, this.finishes), now);
          break;
        case ATTEMPT_END:
          this.onAttemptEnd(a, now);
          break;
        case RETRY:
          this.join(a, now);
          break;
        case DONE:
          this.finish(a, now);
          break;
        case REPLICA_READY:
          this.onReplicaReady(a, now);
          break;
        case SCALEDOWN:
          if (this.scaler === null || !this.scaler.onScaledown(a, q.aux, now)) this.eventsProcessed--;
          break;
        case POOL_IDLE:
          if (this.scaler === null || !this.scaler.onPoolIdle(q.aux, now, this.busy, this.queueLen)) this.eventsProcessed--;
          break;
      }
    }
    if (this.finished !== this.plan.actions) throw new Error(`simulation stalled: ${this.finished} of ${this.plan.actions} actions ended`);
  }

  tally(): Tally {
    const pool = this.pool;
    return {
      plan: this.plan,
      heldSeconds: this.actions.heldSeconds,
      waits: this.actions.queuedWaits(),
      makespan: this.makespan,
      readySeconds: pool !== null ? this.readySecondsAtMakespan : null,
      concurrency: pool !== null ? pool.concurrency : 1,
      slotLimit: this.slotLimit,
      peakBusy: this.peakBusy,
      poolBilledSeconds: pool !== null ? pool.billedSeconds : null,
      coldStarts: pool !== null ? pool.coldStarts : this.pods,
      peakReplicas: pool !== null ? pool.peak : this.plan.mode === 'pod' ? this.peakBusy : 0,
      attempts: this.totalAttempts,
      finished: this.finished,
      failed: this.failed,
      cacheHits: this.cacheHits,
      eventsProcessed: this.eventsProcessed,
    };
  }

  timelineResult(): ReturnType<TimelineRecorder['result']> | null {
    return this.timeline === null ? null : this.timeline.result();
  }

  busySlots(): number {
    return this.busy;
  }

  readyReplicas(): number {
    if (this.pool !== null) return this.pool.ready;
    return this.plan.mode === 'pod' ? this.busy : 0;
  }

  queueLength(): number {
    return this.queueLen;
  }

  private readonly finishes: FinishAgenda = {
    set: (replica, finish, version) => this.events.pushKeyed(replica, finish, RUN_END, replica, version),
    clear: (replica) => this.events.clearKeyed(replica),
  };

  /** Gives permits to waiting actions; each then uploads its inputs. */
  private submit(at: number): void {
    const plan = this.plan;
    while (this.inFlight < this.permits && this.nextAction < plan.actions) {
      const a = this.nextAction++;
      this.inFlight++;
      const arrival = at + plan.uploadInputs(this.rng, plan.itemsOf(a));
      // An unlimited bucket grants on arrival, so the arrival needs no event of its own.
      if (this.bucket.limited) this.events.push(arrival, BUCKET, a);
      else this.events.push(arrival + plan.enqueue(this.rng), ENQUEUED, a);
    }
  }

  private onEnqueued(a: number, now: number): void {
    const ratio = this.plan.cacheHitRatio;
    if (ratio > 0 && this.rng.next() < ratio) {
      this.cacheHits++;
      this.downloadOutputs(a, now);
    } else {
      this.join(a, now);
    }
  }

  private join(a: number, now: number): void {
    this.actions.queuedAt[a] = now;
    let tail = this.queueHead + this.queueLen++;
    if (tail >= this.queue.length) tail -= this.queue.length;
    this.queue[tail] = a;
    this.dispatch(now);
    // Only actions the run's limits would let onto a slot ask the pool for replicas.
    this.scaler?.scaleUp(now, Math.min(this.queueLen, this.slotLimit - this.busy));
  }

  /** Moves the head of the queue onto free slots while the limits allow. */
  private dispatch(now: number): void {
    const pool = this.pool;
    while (this.queueLen > 0 && this.busy < this.slotLimit) {
      let replica = -1;
      if (pool !== null) {
        replica = pool.acquire();
        if (replica < 0) return;
      }
      const a = this.queue[this.queueHead] ?? 0;
      this.queueHead = this.queueHead + 1 === this.queue.length ? 0 : this.queueHead + 1;
      this.queueLen--;
      this.startAttempt(a, replica, now);
    }
  }

  private startAttempt(a: number, replica: number, now: number): void {
    const plan = this.plan;
    const rng = this.rng;
    const items = plan.itemsOf(a);
    this.actions.waitSeconds[a] = (this.actions.waitSeconds[a] ?? 0) + (now - (this.actions.queuedAt[a] ?? 0));
    this.actions.attempts[a] = (this.actions.attempts[a] ?? 0) + 1;
    this.totalAttempts++;
    this.actions.replicaOf[a] = replica;
    this.actions.slotStart[a] = now;
    if (this.busy++ === 0) this.scaler?.poolBusy();
    if (this.busy > this.peakBusy) this.peakBusy = this.busy;
    let before = 0;
    if (plan.mode === 'pod') {
      before = plan.create(rng);
      this.pods++;
    } else if (plan.mode === 'reusable') {
      before = plan.dispatch(rng);
    }
    if (plan.pattern === 'task') before += plan.downloadInputs(rng, items);
    let work = plan.runtime(rng, a);
    let fails = 0;
    if (plan.failureRate > 0 && rng.next() < plan.failureRate) {
      fails = 1;
      work *= rng.next(); // fails at a uniform point of its runtime
    }
    this.actions.failing[a] = fails;
    if (this.sharing !== null) {
      this.actions.work[a] = work;
      this.events.push(now + before, RUN_START, a);
    } else {
      const after = fails === 1 ? 0 : plan.uploadOutputs(rng, items);
      this.events.push(now + before + work + after, ATTEMPT_END, a);
    }
  }

  private onRunEnd(a: number, now: number): void {
    if (this.actions.failing[a] === 1) this.onAttemptEnd(a, now);
    else this.events.push(now + this.plan.uploadOutputs(this.rng, this.plan.itemsOf(a)), ATTEMPT_END, a);
  }

  /** The slot is freed; a failed attempt retries after its backoff, in the same action. */
  private onAttemptEnd(a: number, now: number): void {
    const plan = this.plan;
    this.actions.heldSeconds[a] = (this.actions.heldSeconds[a] ?? 0) + (now - (this.actions.slotStart[a] ?? 0));
    this.busy--;
    const replica = this.actions.replicaOf[a] ?? -1;
    this.pool?.release(replica);
    if (this.actions.failing[a] === 1) {
      if ((this.actions.attempts[a] ?? 0) <= plan.retries) this.events.push(now + plan.retryBackoff, RETRY, a);
      else {
        this.failed++;
        this.finish(a, now);
      }
    } else {
      this.downloadOutputs(a, now);
    }
    this.dispatch(now);
    this.scaler?.armIdleTimers(replica, now, this.busy);
  }

  private downloadOutputs(a: number, now: number): void {
    const plan = this.plan;
    if (plan.pattern === 'trace') this.finish(a, now);
    else this.events.push(now + plan.downloadOutputs(this.rng, plan.itemsOf(a)), DONE, a);
  }

  /** The action is over: its permit goes to the next waiting action. */
  private finish(a: number, now: number): void {
    this.inFlight--;
    this.finished++;
    this.makespan = now;
    if (this.actions.endSeconds !== null) this.actions.endSeconds[a] = now;
    if (this.finished === this.plan.actions) {
      if (this.pool !== null) this.readySecondsAtMakespan = this.pool.readySecondsUntil(now);
      if (this.timeline !== null) this.timeline.finish(now, this);
    }
    this.submit(now);
  }

  private onReplicaReady(r: number, now: number): void {
    const scaler = this.scaler;
    if (scaler === null) return;
    scaler.pool.markReady(r, now);
    this.dispatch(now);
    scaler.armIdleTimers(r, now, this.busy);
    scaler.scaleUp(now, Math.min(this.queueLen, this.slotLimit - this.busy));
  }
}

