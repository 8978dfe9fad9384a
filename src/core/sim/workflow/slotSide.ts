// The slot side of the run engine (MODEL §6 steps 4-6 over shared environments): an action
// joins its environment's FIFO queue (after its step's own concurrency admits it), a free
// slot takes the head, the attempt runs (t or a dispatch, d_in, runtime, u_out; processor
// sharing where the replicas' CPUs are short), a failure retries after its backoff; busy time
// is counted over the measured window.
import type { Rng } from '../../random.js';
import { ActionTable } from './actionTable.js';
import { DrawBuffer } from '../drawBuffer.js';
import { ATTEMPT_END, DONE, RETRY, RUN_START } from '../eventKinds.js';
import type { EventQueue } from '../eventQueue.js';
import { CREATE, DISPATCH, DOWNLOAD_INPUTS, DOWNLOAD_OUTPUTS, UPLOAD_OUTPUTS } from '../phaseDraws.js';
import type { FinishAgenda } from '../processorSharing.js';
import type { SimPlan } from '../simPlan.js';
import type { EnvState } from './envState.js';
import { RunFlow } from './runFlow.js';
import type { RunLayout } from './runLayout.js';

const NO_AGENDA: FinishAgenda = { set: () => undefined, clear: () => undefined };

export abstract class SlotSide extends RunFlow {
  readonly actions: ActionTable;
  protected readonly plans: readonly (SimPlan | null)[];
  /** Each step's draws, in blocks from the run's generator, as the single fan-out draws them. */
  protected readonly draws: readonly (DrawBuffer | null)[];
  private readonly admitted: Int32Array;
  private readonly heldHead: Int32Array;
  private readonly heldTail: Int32Array;
  private readonly heldNext: Int32Array;
  protected windowOpen = false;

  constructor(
    layout: RunLayout,
    runs: number,
    protected readonly rng: Rng,
    protected readonly events: EventQueue,
    protected readonly envs: readonly EnvState[],
    protected readonly statsFrom: number,
  ) {
    super(layout, runs);
    const total = runs * layout.actionsPerRun;
    const sources = runs * layout.sourcesPerRun;
    this.plans = layout.plans;
    this.draws = layout.plans.map((p) => (p ? new DrawBuffer(p, rng) : null));
    this.actions = new ActionTable(total, envs.some((e) => e.sharing !== null));
    const capped = layout.capped;
    this.admitted = new Int32Array(capped ? sources : 0);
    this.heldHead = new Int32Array(capped ? sources : 0).fill(-1);
    this.heldTail = new Int32Array(capped ? sources : 0).fill(-1);
    this.heldNext = new Int32Array(capped ? total : 0);
  }

  /** The action is over (its outputs downloaded, or it failed for good). */
  protected abstract finish(a: number, now: number): void;

  environments(): readonly EnvState[] {
    return this.envs;
  }

  protected planOf(a: number): SimPlan {
    const plan = this.plans[this.stepOf(a)];
    if (!plan) throw new Error('an action of a step without a plan');
    return plan;
  }

  protected drawsOf(a: number): DrawBuffer {
    const draws = this.draws[this.stepOf(a)];
    if (!draws) throw new Error('an action of a step without a plan');
    return draws;
  }

  protected envOf(a: number): EnvState {
    const e = this.envs[this.layout.envOf[this.stepOf(a)] ?? 0];
    if (!e) throw new Error('an action of a step without an environment');
    return e;
  }

  protected agenda(e: EnvState): FinishAgenda {
    return e.finishes ?? NO_AGENDA;
  }

  protected openWindow(t: number): void {
    this.windowOpen = true;
    for (const e of this.envs) e.openWindow(t);
  }

  protected join(a: number, now: number): void {
    this.actions.queuedAt[a] = now;
    if (this.layout.capped) {
      const src = this.sourceOf(a);
      if ((this.admitted[src] ?? 0) >= (this.layout.cap[this.stepOf(a)] ?? 0)) {
        // The step's own concurrency is full: the action waits for one of its step's slots to free.
        this.heldNext[a] = -1;
        const tail = this.heldTail[src] ?? -1;
        if (tail < 0) this.heldHead[src] = a;
        else this.heldNext[tail] = a;
        this.heldTail[src] = a;
        return;
      }
      this.admitted[src] = (this.admitted[src] ?? 0) + 1;
    }
    this.enterQueue(a, now, true);
  }

  /** Only an arrival asks the pool for replicas (as in a single fan-out), for the actions the environment's limit would let onto a slot. */
  private enterQueue(a: number, now: number, scale: boolean): void {
    const e = this.envOf(a);
    e.queue.push(a);
    this.dispatch(e, now);
    if (scale) e.scaler?.scaleUp(now, Math.min(e.queue.length, e.slotLimit - e.busy));
  }

  /** A slot of the source's step was freed: the next action it held back joins the queue. */
  private readmit(a: number, now: number): void {
    const src = this.sourceOf(a);
    this.admitted[src] = (this.admitted[src] ?? 0) - 1;
    const next = this.heldHead[src] ?? -1;
    if (next < 0) return;
    this.heldHead[src] = this.heldNext[next] ?? -1;
    if (this.heldHead[src] === -1) this.heldTail[src] = -1;
    this.admitted[src] = (this.admitted[src] ?? 0) + 1;
    this.enterQueue(next, now, false);
  }

  /** Moves the head of the environment's queue onto free slots while its limit allows. */
  protected dispatch(e: EnvState, now: number): void {
    const pool = e.pool;
    while (e.queue.length > 0 && e.busy < e.slotLimit) {
      let replica = -1;
      if (pool !== null) {
        replica = pool.acquire();
        if (replica < 0) return;
      }
      this.startAttempt(e.queue.shift(), replica, e, now);
    }
  }

  private startAttempt(a: number, replica: number, e: EnvState, now: number): void {
    const plan = this.planOf(a);
    const draws = this.drawsOf(a);
    const rng = this.rng;
    const t = this.actions;
    const j = this.indexInStep(a);
    const items = plan.itemsOf(j);
    t.waitSeconds[a] = (t.waitSeconds[a] ?? 0) + (now - (t.queuedAt[a] ?? 0));
    t.attempts[a] = (t.attempts[a] ?? 0) + 1;
    t.replicaOf[a] = replica;
    // One stamp per action serves both: when it joined the queue, then (read above) when it took its slot.
    t.queuedAt[a] = now;
    if (e.busy++ === 0) e.scaler?.poolBusy();
    if (e.counting && e.busy > e.peakBusy) e.peakBusy = e.busy;
    let before = 0;
    if (e.pool === null) {
      before = draws.phase(CREATE, 0);
      if (e.counting) e.pods++;
    } else before = draws.phase(DISPATCH, 0);
    before += draws.phase(DOWNLOAD_INPUTS, items);
    let work = draws.runtime(j);
    let fails = 0;
    if (plan.failureRate > 0 && rng.next() < plan.failureRate) {
      fails = 1;
      work *= rng.next(); // fails at a uniform point of its runtime
    }
    if (plan.failureRate > 0) t.failing[a] = fails; // else it stays 0, as it was made
    if (e.sharing !== null) {
      t.work[a] = work;
      this.events.push(now + before, RUN_START, a);
    } else {
      const after = fails === 1 ? 0 : draws.phase(UPLOAD_OUTPUTS, items);
      this.events.push(now + before + work + after, ATTEMPT_END, a);
    }
  }

  protected onRunEnd(a: number, now: number): void {
    if (this.actions.failing[a] === 1) this.onAttemptEnd(a, now);
    else this.events.push(now + this.drawsOf(a).phase(UPLOAD_OUTPUTS, this.planOf(a).itemsOf(this.indexInStep(a))), ATTEMPT_END, a);
  }

  /** The slot is freed; a failed attempt retries after its backoff, in the same action. */
  protected onAttemptEnd(a: number, now: number): void {
    const plan = this.planOf(a);
    const e = this.envOf(a);
    const t = this.actions;
    // Nothing here reads an action's held time (the environment sums its busy time), so it is not kept per action.
    const start = t.queuedAt[a] ?? 0;
    if (now > this.statsFrom) e.busySlotSeconds += now - (start > this.statsFrom ? start : this.statsFrom);
    e.busy--;
    const replica = t.replicaOf[a] ?? -1;
    e.pool?.release(replica);
    if (t.failing[a] === 1) {
      if ((t.attempts[a] ?? 0) <= plan.retries) this.events.push(now + plan.retryBackoff, RETRY, a);
      else this.finish(a, now);
    } else this.downloadOutputs(a, now);
    if (this.layout.capped) this.readmit(a, now);
    this.dispatch(e, now);
    e.scaler?.armIdleTimers(replica, now, e.busy);
  }

  protected downloadOutputs(a: number, now: number): void {
    const plan = this.planOf(a);
    this.events.push(now + this.drawsOf(a).phase(DOWNLOAD_OUTPUTS, plan.itemsOf(this.indexInStep(a))), DONE, a);
  }
}
