// Slots held over time, from [start, end] intervals: a step function with its peak, the value
// at any time (binary search) and its samples on a grid.

export class Occupancy {
  /** Change times, ascending, and the count from each until the next. */
  readonly times: Float64Array;
  readonly counts: Int32Array;
  readonly peak: number;

  constructor(intervals: readonly (readonly [number, number])[]) {
    const events: [number, number][] = [];
    for (const [s, e] of intervals) {
      if (!(e > s)) continue;
      events.push([s, 1], [e, -1]);
    }
    // Ends before starts at the same instant: a slot freed and retaken is not two at once.
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const times: number[] = [];
    const counts: number[] = [];
    let level = 0;
    let peak = 0;
    for (const [t, d] of events) {
      level += d;
      if (times.length && times[times.length - 1] === t) counts[counts.length - 1] = level;
      else {
        times.push(t);
        counts.push(level);
      }
      peak = Math.max(peak, level);
    }
    this.times = Float64Array.from(times);
    this.counts = Int32Array.from(counts);
    this.peak = peak;
  }

  /** Slots held at time t (the count after every change at or before t). */
  at(t: number): number {
    let lo = 0;
    let hi = this.times.length - 1;
    if (hi < 0 || t < (this.times[0] ?? 0)) return 0;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.times[mid] ?? 0) <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.counts[lo] ?? 0;
  }

  /** Seconds from the first change until the peak is first reached. */
  firstPeakSeconds(): number {
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i] === this.peak) return this.times[i] ?? 0;
    return 0;
  }
}
