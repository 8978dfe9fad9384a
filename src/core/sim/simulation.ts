// One replication of MODEL §6 as an event loop. Each action walks: permit -> u_in -> token
// bucket -> e -> (cache hit: d_out) | FIFO queue -> slot [create or dispatch, d_in, runtime,
// u_out] -> d_out -> permit released. Only the points where actions meet a shared resource
// are events; the phases between two such points are drawn together. See docs/simulator.md.
import type { Scenario } from '../model.js';
import { type Rng, createRng } from '../random.js';
import { Autoscaler } from './autoscaler.js';
import { DrawBuffer } from './drawBuffer.js';
import { ATTEMPT_END, BUCKET, DONE, ENQUEUED, POOL_IDLE, REPLICA_READY, RETRY, RUN_END, RUN_START, SCALEDOWN } from './eventKinds.js';
import { EventQueue } from './eventQueue.js';
import { InFlight } from './inFlight.js';
import { CREATE, DISPATCH, DOWNLOAD_INPUTS, DOWNLOAD_OUTPUTS, ENQUEUE, UPLOAD_INPUTS, UPLOAD_OUTPUTS } from './phaseDraws.js';
import { ProcessorSharing } from './processorSharing.js';
import { ReplicaFinishes } from './replicaFinishes.js';
import { ReplicaPool } from './replicaPool.js';
import type { SimPlan } from './simPlan.js';
import { inFlightLimit, slotLimit } from './slotLimit.js';
import type { Tally } from './tally.js';
import { type PoolState, TimelineRecorder } from './timeline.js';
import { TokenBucket } from './tokenBucket.js';
import { EnvQueue } from './workflow/envQueue.js';

// The handlers read the clock from the agenda (events.now), not from an argument: a number
// passed to a call the optimiser does not inline is boxed, a heap allocation per call.
export class Simulation implements PoolState {
  /** Actions in flight, by place (event ids of actions are places), and what is kept of each. */
  readonly actions: InFlight;
  private readonly rng: Rng;
  private readonly draws: DrawBuffer;
  private readonly events: EventQueue;
  private readonly bucket: TokenBucket;
  private readonly scaler: Autoscaler | null;
  private readonly pool: ReplicaPool | null;
  private readonly sharing: ProcessorSharing | null;
  private readonly finishes: ReplicaFinishes;
  private readonly timeline: TimelineRecorder | null;
  private readonly slotLimit: number;
  private readonly permits: number;
  /** Places waiting for a slot, in order. */
  private readonly queue: EnvQueue;
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

  constructor(scenario: Scenario, private readonly plan: SimPlan, seed: number, timelineInterval: number | null, recordActions: boolean) {
    const n = plan.actions;
    this.rng = createRng(seed);
    this.draws = new DrawBuffer(plan, this.rng);
    this.bucket = new TokenBucket(scenario.limits.enqueueRatePerSecond);
    this.slotLimit = slotLimit(scenario);
    this.permits = inFlightLimit(scenario);
    if (!(this.slotLimit > 0)) throw new RangeError('the scenario allows no slot: check the pool and concurrency limits');
    const places = Math.max(1, Math.min(n, this.permits));
    this.actions = new InFlight(places, n, recordActions);
    this.queue = new EnvQueue(places);
    this.timeline = timelineInterval === null ? null : new TimelineRecorder(timelineInterval);
    const pool = scenario.pool;
    const reusable = pool.mode === 'reusable' && plan.mode === 'reusable';
    // Under processor sharing each replica keeps one pending finish event, replaced in place.
    this.events = new EventQueue(1024, reusable && plan.sharing !== null ? pool.maxReplicas : 0);
    this.pool = reusable ? new ReplicaPool(pool.maxReplicas, pool.concurrency) : null;
    this.scaler = this.pool !== null ? new Autoscaler(this.pool, plan, this.events, this.rng) : null;
    const cpu = plan.sharing;
    this.sharing = this.pool !== null && cpu !== null ? new ProcessorSharing(this.pool.max, this.pool.concurrency, cpu.cpus, cpu.actionCpu, places) : null;
    this.finishes = new ReplicaFinishes(this.events, 0);
  }

  run(): void {
    this.scaler?.start(0);
    this.submit(this.plan.parentStart);
    const q = this.events;
    const sharing = this.sharing;
    while (q.pop()) {
      const now = q.now;
      const p = q.id;
      if (this.timeline !== null && this.finished < this.plan.actions) this.timeline.advance(now, this);
      this.eventsProcessed++;
      switch (q.kind) {
        case BUCKET:
          q.push(this.bucket.grant(now) + this.draws.phase(ENQUEUE, 0), ENQUEUED, p);
          break;
        case ENQUEUED:
          this.onEnqueued(p);
          break;
        case RUN_START:
          if (sharing !== null) sharing.add(this.actions.replicaOf[p] ?? 0, p, this.actions.work[p] ?? 0, now, this.finishes);
          break;
        case RUN_END: // id: the replica whose next finisher is due
          if (sharing === null || sharing.version[p] !== q.aux) this.eventsProcessed--;
          else this.onRunEnd(sharing.complete(p, now, this.finishes));
          break;
        case ATTEMPT_END:
          this.onAttemptEnd(p);
          break;
        case RETRY:
          this.join(p);
          break;
        case DONE:
          this.finish(p);
          break;
        case REPLICA_READY:
          this.onReplicaReady(p);
          break;
        case SCALEDOWN:
          if (this.scaler === null || !this.scaler.onScaledown(p, q.aux, now)) this.eventsProcessed--;
          break;
        case POOL_IDLE:
          if (this.scaler === null || !this.scaler.onPoolIdle(q.aux, now, this.busy, this.queue.length)) this.eventsProcessed--;
          break;
      }
    }
    if (this.finished !== this.plan.actions) throw new Error(`simulation stalled: ${this.finished} of ${this.plan.actions} actions ended`);
  }

  tally(): Tally {
    const pool = this.pool;
    return {
      plan: this.plan,
      heldSeconds: this.actions.heldByAction,
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
    return this.queue.length;
  }

  /** Gives permits to waiting actions; each then uploads its inputs. */
  private submit(at: number): void {
    const plan = this.plan;
    while (this.inFlight < this.permits && this.nextAction < plan.actions) {
      const a = this.nextAction++;
      this.inFlight++;
      const p = this.actions.take(a);
      const arrival = at + this.draws.phase(UPLOAD_INPUTS, plan.itemsOf(a));
      // An unlimited bucket grants on arrival, so the arrival needs no event of its own.
      if (this.bucket.limited) this.events.push(arrival, BUCKET, p);
      else this.events.push(arrival + this.draws.phase(ENQUEUE, 0), ENQUEUED, p);
    }
  }

  private onEnqueued(p: number): void {
    const ratio = this.plan.cacheHitRatio;
    if (ratio > 0 && this.rng.next() < ratio) {
      this.cacheHits++;
      this.downloadOutputs(p);
    } else this.join(p);
  }

  private join(p: number): void {
    const now = this.events.now;
    this.actions.since[p] = now;
    this.queue.push(p);
    this.dispatch();
    // Only actions the run's limits would let onto a slot ask the pool for replicas.
    this.scaler?.scaleUp(now, Math.min(this.queue.length, this.slotLimit - this.busy));
  }

  /** Moves the head of the queue onto free slots while the limits allow. */
  private dispatch(): void {
    const pool = this.pool;
    while (this.queue.length > 0 && this.busy < this.slotLimit) {
      let replica = -1;
      if (pool !== null) {
        replica = pool.acquire();
        if (replica < 0) return;
      }
      this.startAttempt(this.queue.shift(), replica);
    }
  }

  private startAttempt(p: number, replica: number): void {
    const now = this.events.now;
    const { plan, draws, actions } = this;
    const a = actions.actionOf[p] ?? 0;
    const items = plan.itemsOf(a);
    actions.waitSeconds[p] = (actions.waitSeconds[p] ?? 0) + (now - (actions.since[p] ?? 0));
    actions.attempts[p] = (actions.attempts[p] ?? 0) + 1;
    this.totalAttempts++;
    actions.replicaOf[p] = replica;
    actions.since[p] = now;
    if (this.busy++ === 0) this.scaler?.poolBusy();
    if (this.busy > this.peakBusy) this.peakBusy = this.busy;
    let before = 0;
    if (plan.mode === 'pod') {
      before = draws.phase(CREATE, 0);
      this.pods++;
    } else if (plan.mode === 'reusable') {
      before = draws.phase(DISPATCH, 0);
    }
    if (plan.pattern === 'task') before += draws.phase(DOWNLOAD_INPUTS, items);
    let work = draws.runtime(a);
    let fails = 0;
    if (plan.failureRate > 0 && this.rng.next() < plan.failureRate) {
      fails = 1;
      work *= this.rng.next(); // fails at a uniform point of its runtime
    }
    actions.failing[p] = fails;
    if (this.sharing !== null) {
      actions.work[p] = work;
      this.events.push(now + before, RUN_START, p);
    } else {
      const after = fails === 1 ? 0 : draws.phase(UPLOAD_OUTPUTS, items);
      this.events.push(now + before + work + after, ATTEMPT_END, p);
    }
  }

  private onRunEnd(p: number): void {
    const now = this.events.now;
    if (this.actions.failing[p] === 1) this.onAttemptEnd(p);
    else this.events.push(now + this.draws.phase(UPLOAD_OUTPUTS, this.plan.itemsOf(this.actions.actionOf[p] ?? 0)), ATTEMPT_END, p);
  }

  /** The slot is freed; a failed attempt retries after its backoff, in the same action. */
  private onAttemptEnd(p: number): void {
    const now = this.events.now;
    const actions = this.actions;
    actions.heldSeconds[p] = (actions.heldSeconds[p] ?? 0) + (now - (actions.since[p] ?? 0));
    this.busy--;
    const replica = actions.replicaOf[p] ?? -1;
    this.pool?.release(replica);
    if (actions.failing[p] === 1) {
      if ((actions.attempts[p] ?? 0) <= this.plan.retries) this.events.push(now + this.plan.retryBackoff, RETRY, p);
      else {
        this.failed++;
        this.finish(p);
      }
    } else {
      this.downloadOutputs(p);
    }
    this.dispatch();
    this.scaler?.armIdleTimers(replica, now, this.busy);
  }

  private downloadOutputs(p: number): void {
    if (this.plan.pattern === 'trace') this.finish(p);
    else this.events.push(this.events.now + this.draws.phase(DOWNLOAD_OUTPUTS, this.plan.itemsOf(this.actions.actionOf[p] ?? 0)), DONE, p);
  }

  /** The action is over: its permit goes to the next waiting action. */
  private finish(p: number): void {
    const now = this.events.now;
    this.actions.end(p, now);
    this.inFlight--;
    this.finished++;
    this.makespan = now;
    if (this.finished === this.plan.actions) {
      if (this.pool !== null) this.readySecondsAtMakespan = this.pool.readySecondsUntil(now);
      if (this.timeline !== null) this.timeline.finish(now, this);
    }
    this.submit(now);
  }

  private onReplicaReady(r: number): void {
    const now = this.events.now;
    const scaler = this.scaler;
    if (scaler === null) return;
    scaler.pool.markReady(r, now);
    this.dispatch();
    scaler.armIdleTimers(r, now, this.busy);
    scaler.scaleUp(now, Math.min(this.queue.length, this.slotLimit - this.busy));
  }
}
