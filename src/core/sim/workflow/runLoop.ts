// The run engine's event loop (docs/simulator.md, "Workflows"): simulation.ts generalised to
// many sources — each map or task step of each run, or each of its sub-parents, with its own
// in-flight permits and token bucket — and many environments, each with one FIFO queue shared
// by every step and run that uses it (slotSide.ts), its slot limit, pool and autoscaler. Only
// the points where actions meet a shared resource are events.
import { createRng } from '../../random.js';
import type { Workflow } from '../../workflow/types.js';
import { ATTEMPT_END, BUCKET, DONE, ENQUEUED, POOL_IDLE, REPLICA_READY, RETRY, RUN_END, RUN_START, SCALEDOWN } from '../eventKinds.js';
import { ENQUEUE, UPLOAD_INPUTS } from '../phaseDraws.js';
import { TokenBucket } from '../tokenBucket.js';
import { buildEnvironments } from './buildEnvironments.js';
import { DRIVER_READY, RUN_ARRIVE, SOURCE_END, SOURCE_START, STEP_END } from './runEventKinds.js';
import { LOCAL_STEP, type RunLayout, SLOT_STEP, TRACE_STEP } from './runLayout.js';
import { SlotSide } from './slotSide.js';
import { localSeconds, subParentEnd, subParentStart, traceSeconds } from './stepDurations.js';

/** Event ids hold up to 2^27 actions (the event queue keeps 4 bits of kind in an int32). */
const MAX_ACTIONS = 2 ** 27;

/**
 * A fresh token bucket of `rate` (capacity `rate`, tolerance (rate - 1)/rate s) grants its k-th
 * request on arrival whenever k - 1 < rate - 1, whatever the arrival times (its theoretical
 * arrival time is then at most a whole interval inside the tolerance, so rounding cannot tip
 * it); the first request always. So ceil(rate) - 1 requests, at least 1.
 */
function surelyOnArrival(rate: number): number {
  return Number.isFinite(rate) && rate > 0 ? Math.max(1, Math.ceil(rate) - 1) : Infinity;
}

export class RunLoop extends SlotSide {
  eventsProcessed = 0;
  /** The next run to arrive outside the event queue (-1: none), its time and sequence number. */
  private nextRun = -1;
  private nextArrival = 0;
  private nextSeq = 0;
  private readonly replicaEnv: Int32Array;
  private readonly replicaOffset: Int32Array;
  private readonly srcNext: Int32Array;
  private readonly srcInFlight: Int32Array;
  private readonly srcLeft: Int32Array;
  /** Per source its token bucket while it submits; empty when no step's rate is limited. */
  private readonly buckets: (TokenBucket | null)[];
  private readonly anyLimited: boolean;
  private readonly limitedRate: Uint8Array;
  /** Per step: how many requests a fresh bucket surely grants on arrival, whatever their times. */
  private readonly burst: Float64Array;

  constructor(
    private readonly w: Workflow,
    layout: RunLayout,
    private readonly arrivals: Float64Array,
    statsFrom: number,
    timelineInterval: number | null,
    seed: number,
  ) {
    const runs = arrivals.length;
    const total = runs * layout.actionsPerRun;
    if (total >= MAX_ACTIONS) throw new RangeError(`a simulation of ${total} actions in all is over the engine's ${MAX_ACTIONS - 1}: fewer runs or larger batches`);
    const rng = createRng(seed);
    const built = buildEnvironments(w, rng, timelineInterval, total);
    super(layout, runs, rng, built.events, built.envs, statsFrom);
    this.replicaEnv = built.replicaEnv;
    this.replicaOffset = built.replicaOffset;
    const sources = runs * layout.sourcesPerRun;
    this.srcNext = new Int32Array(sources);
    this.srcInFlight = new Int32Array(sources);
    this.srcLeft = new Int32Array(sources);
    this.limitedRate = Uint8Array.from(w.steps, (s) => (new TokenBucket(s.scenario.limits.enqueueRatePerSecond).limited ? 1 : 0));
    this.anyLimited = this.limitedRate.includes(1);
    this.buckets = this.anyLimited ? new Array<TokenBucket | null>(sources).fill(null) : [];
    this.burst = Float64Array.from(w.steps, (s) => surelyOnArrival(s.scenario.limits.enqueueRatePerSecond));
  }

  run(): void {
    if (this.statsFrom <= 0) this.openWindow(0);
    if (this.runs > 0) this.scheduleArrival(0);
    const q = this.events;
    const envs = this.envs;
    const timed = envs.some((e) => e.timeline !== null);
    for (;;) {
      let kind = RUN_ARRIVE;
      let id = this.nextRun;
      // The next run's arrival is kept out of the queue: it is next when it comes before the queue's next event.
      if (id >= 0 && !q.popsBefore(this.nextArrival, this.nextSeq)) {
        this.nextRun = -1;
        q.advance(this.nextArrival);
      } else if (q.pop()) {
        kind = q.kind;
        id = q.id;
      } else break;
      const now = q.now;
      if (!this.windowOpen && now >= this.statsFrom) this.openWindow(this.statsFrom);
      if (timed && this.runsEnded < this.runs) for (const e of envs) e.timeline?.advance(now, e);
      this.eventsProcessed++;
      switch (kind) {
        case BUCKET: {
          const bucket = this.buckets[this.sourceOf(id)];
          q.push((bucket ? bucket.grant(now) : now) + this.drawsOf(id).phase(ENQUEUE, 0), ENQUEUED, id);
          break;
        }
        case ENQUEUED: {
          const ratio = this.planOf(id).cacheHitRatio;
          if (ratio > 0 && this.rng.next() < ratio) this.downloadOutputs(id, now);
          else this.join(id, now);
          break;
        }
        case RUN_START: {
          const e = this.envOf(id);
          e.sharing?.add(this.actions.replicaOf[id] ?? 0, id, this.actions.work[id] ?? 0, now, this.agenda(e));
          break;
        }
        case ATTEMPT_END:
          this.onAttemptEnd(id, now);
          break;
        case RETRY:
          this.join(id, now);
          break;
        case DONE:
          this.finish(id, now);
          break;
        case RUN_ARRIVE:
          if (id + 1 < this.runs) this.scheduleArrival(id + 1);
          this.arrive(id, now, this.w.driverStartSeconds);
          break;
        case DRIVER_READY:
          this.driverReady(id, now);
          break;
        case SOURCE_START:
          this.startSource(id, now);
          break;
        case SOURCE_END:
          this.sourceEnded(id, now);
          break;
        case STEP_END:
          this.stepEnded(id, now);
          break;
        case POOL_IDLE: {
          const e = envs[id];
          if (e === undefined || e.scaler === null || !e.scaler.onPoolIdle(q.aux, now, e.busy, e.queue.length)) this.eventsProcessed--;
          break;
        }
        default:
          if (!this.onReplicaEvent(kind, id, q.aux, now)) this.eventsProcessed--;
      }
    }
    if (this.runsEnded !== this.runs) throw new Error(`simulation stalled: ${this.runsEnded} of ${this.runs} runs ended`);
  }

  /**
   * Run `run` arrives at its time: later than now, it waits outside the queue with the sequence
   * number a push would have given it (so events pop in the same order as if it had been
   * pushed); due now (a tie with the run before), it goes to the queue's ring like any event due now.
   */
  private scheduleArrival(run: number): void {
    const t = this.arrivals[run] ?? 0;
    if (t > this.events.now) {
      this.nextRun = run;
      this.nextArrival = t;
      this.nextSeq = this.events.reserveSeq();
    } else this.events.push(t, RUN_ARRIVE, run);
  }

  /** REPLICA_READY, SCALEDOWN and RUN_END carry a global replica id; false when the event was stale. */
  private onReplicaEvent(kind: number, id: number, aux: number, now: number): boolean {
    const env = this.replicaEnv[id] ?? 0;
    const e = this.envs[env];
    const r = id - (this.replicaOffset[env] ?? 0);
    if (e === undefined) return false;
    if (kind === RUN_END) {
      if (e.sharing === null || e.sharing.version[r] !== aux) return false;
      this.onRunEnd(e.sharing.complete(r, now, this.agenda(e)), now);
      return true;
    }
    const scaler = e.scaler;
    if (scaler === null) return false;
    if (kind === SCALEDOWN) return scaler.onScaledown(r, aux, now);
    if (kind !== REPLICA_READY) return false;
    scaler.pool.markReady(r, now);
    this.dispatch(e, now);
    scaler.armIdleTimers(r, now, e.busy);
    scaler.scaleUp(now, Math.min(e.queue.length, e.slotLimit - e.busy));
    return true;
  }

  protected later(time: number, kind: number, id: number): void {
    this.events.push(time, kind, id);
  }

  protected onAllRunsEnded(now: number): void {
    if (!this.windowOpen) this.openWindow(now);
    for (const e of this.envs) e.closeHorizon(now);
  }

  /** A step starts: a trace or local step draws its duration; a map or task activates its sources. */
  protected startStep(run: number, k: number, now: number): void {
    const L = this.layout;
    const i = run * L.steps + k;
    this.stepStart[i] = now;
    const kind = L.kind[k];
    const step = this.w.steps[k];
    if (kind !== SLOT_STEP || step === undefined) {
      const d = step === undefined ? 0 : kind === TRACE_STEP ? traceSeconds(step, this.rng) : kind === LOCAL_STEP ? localSeconds(step, this.rng) : 0;
      this.events.push(now + d, STEP_END, i);
      return;
    }
    const e = this.envs[L.envOf[k] ?? 0];
    if (e !== undefined && !e.started) {
      // An environment's pool comes up with the first step that runs in it.
      e.started = true;
      e.scaler?.start(now);
    }
    const parents = L.parents[k] ?? 1;
    if (parents > 1) this.sourcesLeft[i] = parents;
    const first = L.sourceOffset[k] ?? 0;
    if (L.lone[first] === 1) {
      // One action and no sub-parent: it is submitted at once (a permit and a bucket's burst always
      // admit one), as submit would, and needs no counters.
      const plan = this.plans[k];
      const draws = this.draws[k];
      const a = run * L.actionsPerRun + (L.sourceFirst[first] ?? 0);
      if (plan && draws) this.events.push(now + draws.phase(UPLOAD_INPUTS, plan.itemsOf(0)) + draws.phase(ENQUEUE, 0), ENQUEUED, a);
      return;
    }
    for (let p = 0; p < parents; p++) {
      const src = run * L.sourcesPerRun + first + p;
      this.srcNext[src] = run * L.actionsPerRun + (L.sourceFirst[first + p] ?? 0);
      this.srcLeft[src] = (L.sourceEnd[first + p] ?? 0) - (L.sourceFirst[first + p] ?? 0);
      if (parents > 1) this.events.push(now + subParentStart(step, L.warmParents[k] === 1, this.rng), SOURCE_START, src);
      else this.startSource(src, now);
    }
  }

  private startSource(src: number, now: number): void {
    const k = this.layout.sourceStep[this.bySource.offsetOf(src)] ?? 0;
    // A source whose actions all fit in its bucket's burst is granted each on arrival: no bucket.
    if (this.limitedRate[k] === 1 && (this.srcLeft[src] ?? 0) > (this.burst[k] ?? 0)) this.buckets[src] = new TokenBucket(this.w.steps[k]?.scenario.limits.enqueueRatePerSecond ?? 0);
    if (this.srcLeft[src] === 0) this.sourceDone(src, k, now);
    else this.submit(src, now);
  }

  /** Gives the source's permits to its waiting actions; each then uploads its inputs. */
  private submit(src: number, now: number): void {
    const L = this.layout;
    const run = this.bySource.runOf(src);
    const ls = this.bySource.offsetOf(src);
    const k = L.sourceStep[ls] ?? 0;
    const plan = this.plans[k];
    const draws = this.draws[k];
    if (!plan || !draws) return;
    const base = run * L.actionsPerRun + (L.actionOffset[k] ?? 0);
    const end = run * L.actionsPerRun + (L.sourceEnd[ls] ?? 0);
    const permits = L.permits[k] ?? 0;
    // Without a bucket every request is granted on arrival, so the arrival needs no event of its own.
    const bucketed = this.anyLimited && (this.buckets[src] ?? null) !== null;
    let inFlight = this.srcInFlight[src] ?? 0;
    let a = this.srcNext[src] ?? 0;
    for (; inFlight < permits && a < end; a++, inFlight++) {
      const arrival = now + draws.phase(UPLOAD_INPUTS, plan.itemsOf(a - base));
      if (bucketed) this.events.push(arrival, BUCKET, a);
      else this.events.push(arrival + draws.phase(ENQUEUE, 0), ENQUEUED, a);
    }
    this.srcInFlight[src] = inFlight;
    this.srcNext[src] = a;
  }

  /** The action is over: its permit goes to the source's next waiting action. */
  protected finish(a: number, now: number): void {
    const src = this.sourceOf(a);
    if (this.layout.lone[this.bySource.offsetOf(src)] === 1) {
      this.sourceDone(src, this.stepOf(a), now);
      return;
    }
    this.srcInFlight[src] = (this.srcInFlight[src] ?? 0) - 1;
    const left = (this.srcLeft[src] ?? 0) - 1;
    this.srcLeft[src] = left;
    if (left === 0) this.sourceDone(src, this.stepOf(a), now);
    else this.submit(src, now);
  }

  /** A source's last child is over: a sub-parent still uploads its outputs for the driver. */
  private sourceDone(src: number, k: number, now: number): void {
    if (this.anyLimited) this.buckets[src] = null;
    const step = this.w.steps[k];
    if ((this.layout.parents[k] ?? 1) > 1 && step !== undefined) this.events.push(now + subParentEnd(step, this.rng), SOURCE_END, src);
    else this.sourceEnded(src, now);
  }
}
