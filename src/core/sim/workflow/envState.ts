// One environment in the run engine: its shared FIFO queue, its slot limit and busy slots, its
// pool and autoscaler (reusable) or pods, processor sharing when its replicas' CPUs are short,
// and what it counts over the measured window [statsFrom, horizon] (docs/simulator.md).
import type { WorkflowEnvironment } from '../../workflow/types.js';
import { poolCapacity } from '../../model.js';
import type { FinishAgenda, ProcessorSharing } from '../processorSharing.js';
import type { ReplicaPool } from '../replicaPool.js';
import { type PoolState, TimelineRecorder } from '../timeline.js';
import { EnvQueue } from './envQueue.js';
import type { Autoscaler } from '../autoscaler.js';

export interface EnvironmentStream {
  /** Over [statsFromSeconds, horizonSeconds]. */
  busySlotSeconds: number;
  /** Utilisation = busy / ready (0 when ready is 0). */
  readySlotSeconds: number;
  busyReplicaSeconds: number;
  /**
   * Cold starts included; idle time until removal for one run (simulateRun), until the horizon
   * for a stream (simulateStream), whose statistics are rates over its measured window.
   */
  billedReplicaSeconds: number;
  coldStarts: number;
  peakReplicas: number;
  /** null when the environment has no price. */
  cost: number | null;
}

export class EnvState implements PoolState {
  readonly queue = new EnvQueue();
  readonly slotLimit: number;
  readonly concurrency: number;
  busy = 0;
  /** Measured window: busy slot-seconds, pods started, most slots busy at once. */
  busySlotSeconds = 0;
  pods = 0;
  peakBusy = 0;
  counting = false;
  /** True once its first step started (its pool came up then). */
  started = false;
  private readyBefore = 0;
  private billedBefore = 0;
  private coldBefore = 0;
  private readyAtHorizon = 0;
  private billedAtHorizon = 0;
  readonly timeline: TimelineRecorder | null;

  constructor(
    readonly env: WorkflowEnvironment,
    readonly pool: ReplicaPool | null,
    readonly scaler: Autoscaler | null,
    readonly sharing: ProcessorSharing | null,
    /** Where the processor sharing of this environment keeps each replica's next finish. */
    readonly finishes: FinishAgenda | null,
    timelineInterval: number | null,
    /** False for an environment no step's actions run in: it reports nothing. */
    readonly used = true,
  ) {
    this.slotLimit = poolCapacity(env.pool) ?? Infinity;
    if (!(this.slotLimit > 0)) throw new RangeError(`environment ${env.name} has no slot: check its replicas and concurrency`);
    this.concurrency = pool !== null ? pool.concurrency : 1;
    this.timeline = timelineInterval === null ? null : new TimelineRecorder(timelineInterval);
  }

  busySlots(): number {
    return this.busy;
  }

  readyReplicas(): number {
    return this.pool !== null ? this.pool.ready : this.busy;
  }

  queueLength(): number {
    return this.queue.length;
  }

  openWindow(t: number): void {
    this.counting = true;
    this.peakBusy = this.busy;
    if (this.pool === null || this.scaler === null) return;
    this.readyBefore = this.pool.readySecondsUntil(t);
    this.coldBefore = this.pool.coldStarts;
    this.billedBefore = this.scaler.openWindow(t);
  }

  /** The last run ended at `t`: ready time stops counting (a run's idle replicas are still billed until removed). */
  closeHorizon(t: number): void {
    if (this.pool !== null) this.readyAtHorizon = this.pool.readySecondsUntil(t);
    if (this.scaler !== null) this.billedAtHorizon = this.scaler.billedUntil(t);
    this.timeline?.finish(t, this);
  }

  /** `billedUntil`: 'removal' for one run (MODEL's rule), 'horizon' for a stream's window. */
  result(windowSeconds: number, billedUntil: 'removal' | 'horizon' = 'removal'): EnvironmentStream {
    if (!this.used) return { busySlotSeconds: 0, readySlotSeconds: 0, busyReplicaSeconds: 0, billedReplicaSeconds: 0, coldStarts: 0, peakReplicas: 0, cost: this.env.pricing.perReplicaHour === null ? null : 0 };
    const pool = this.pool;
    const busy = this.busySlotSeconds;
    const ready = pool !== null ? (this.readyAtHorizon - this.readyBefore) * this.concurrency : (Number.isFinite(this.slotLimit) ? this.slotLimit : this.peakBusy) * windowSeconds;
    const billed = pool !== null ? (billedUntil === 'horizon' ? this.billedAtHorizon : pool.billedSeconds) - this.billedBefore : busy;
    const price = this.env.pricing.perReplicaHour;
    return {
      busySlotSeconds: busy,
      readySlotSeconds: ready,
      busyReplicaSeconds: busy / this.concurrency,
      billedReplicaSeconds: billed,
      coldStarts: pool !== null ? pool.coldStarts - this.coldBefore : this.pods,
      peakReplicas: pool !== null ? (this.scaler?.windowPeak ?? pool.peak) : this.peakBusy,
      cost: price === null ? null : (price * billed) / 3600,
    };
  }
}
