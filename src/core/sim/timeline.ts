// A bounded time series of the pool's state for charts: busy slots, ready replicas and queue
// length, sampled every `intervalSeconds` (state after all events at or before the sample
// time). When more than MAX_TIMELINE_POINTS samples would be needed the interval doubles and
// every other sample is dropped, so a run of any length yields at most that many points.
import type { TimelinePoint } from './types.js';

export const MAX_TIMELINE_POINTS = 500;

export interface PoolState {
  busySlots(): number;
  readyReplicas(): number;
  queueLength(): number;
}

export class TimelineRecorder {
  private readonly points: TimelinePoint[] = [];
  private next = 0;

  constructor(private interval: number) {
    if (!(interval > 0) || !Number.isFinite(interval)) throw new RangeError('timeline interval must be a positive number of seconds');
  }

  /** Records every sample time before `now` with the state as it stands (before events at now). */
  advance(now: number, state: PoolState): void {
    while (this.next < now) {
      this.points.push({
        timeSeconds: this.next,
        busySlots: state.busySlots(),
        readyReplicas: state.readyReplicas(),
        queueLength: state.queueLength(),
      });
      if (this.points.length > MAX_TIMELINE_POINTS) this.coarsen();
      this.next = this.points.length * this.interval;
    }
  }

  /** Records the remaining sample times up to and including `end`. */
  finish(end: number, state: PoolState): void {
    this.advance(end, state);
    if (this.next <= end) this.advance(end + this.interval / 2, state);
  }

  result(): { intervalSeconds: number; points: TimelinePoint[] } {
    return { intervalSeconds: this.interval, points: this.points };
  }

  private coarsen(): void {
    this.interval *= 2;
    let kept = 0;
    for (let i = 0; i < this.points.length; i += 2) {
      const p = this.points[i];
      if (p !== undefined) this.points[kept++] = p;
    }
    this.points.length = kept;
  }
}
