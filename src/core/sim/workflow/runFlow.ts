// The precedence side of the run engine: runs arrive, the driver starts, a step starts when its
// `after` steps have ended, a step ends when all its sources (or its drawn duration) have, and a
// run ends with its last step. Per run × step state in typed arrays; the loop (runLoop.ts)
// supplies how a step starts and schedules events.
import { DRIVER_READY } from './runEventKinds.js';
import { RunIndex } from './runIndex.js';
import type { RunLayout } from './runLayout.js';

export abstract class RunFlow {
  /** Per run × step: when it started and ended. */
  readonly stepStart: Float64Array;
  readonly stepEnd: Float64Array;
  /** Per run: when its last step ended. */
  readonly runEnd: Float64Array;
  runsEnded = 0;
  horizon = 0;
  protected readonly depsLeft: Int32Array;
  protected readonly sourcesLeft: Int32Array;
  private readonly stepsLeft: Int32Array;
  /** Run and place in the run of an action, a source and a run × step cell. */
  protected readonly byAction: RunIndex;
  protected readonly bySource: RunIndex;
  protected readonly byCell: RunIndex;

  constructor(
    protected readonly layout: RunLayout,
    protected readonly runs: number,
  ) {
    const cells = runs * layout.steps;
    this.stepStart = new Float64Array(cells);
    this.stepEnd = new Float64Array(cells);
    this.runEnd = new Float64Array(runs);
    this.depsLeft = new Int32Array(cells);
    this.sourcesLeft = new Int32Array(cells);
    this.stepsLeft = new Int32Array(runs);
    this.byAction = new RunIndex(layout.actionsPerRun);
    this.bySource = new RunIndex(layout.sourcesPerRun);
    this.byCell = new RunIndex(layout.steps);
  }

  protected abstract later(time: number, kind: number, id: number): void;
  protected abstract startStep(run: number, step: number, now: number): void;
  protected abstract onAllRunsEnded(now: number): void;

  /** Source (of all runs) of action `a`. */
  protected sourceOf(a: number): number {
    const L = this.layout;
    return this.byAction.runOf(a) * L.sourcesPerRun + (L.sourceOfAction[this.byAction.offsetOf(a)] ?? 0);
  }

  /** Step (within a run) of action `a`. */
  protected stepOf(a: number): number {
    const L = this.layout;
    return L.sourceStep[L.sourceOfAction[this.byAction.offsetOf(a)] ?? 0] ?? 0;
  }

  /** Index of action `a` within its step (the plan's action index). */
  protected indexInStep(a: number): number {
    const L = this.layout;
    const off = this.byAction.offsetOf(a);
    return off - (L.actionOffset[L.sourceStep[L.sourceOfAction[off] ?? 0] ?? 0] ?? 0);
  }

  protected arrive(run: number, now: number, driverStartSeconds: number): void {
    const L = this.layout;
    // Only what a later event will count down is written: a run of one step ends with it, a step without `after` starts at once.
    if (L.steps > 1) this.stepsLeft[run] = L.steps;
    const base = run * L.steps;
    for (let k = 0; k < L.steps; k++) {
      const deps = L.depCount[k] ?? 0;
      if (deps > 0) this.depsLeft[base + k] = deps;
    }
    if (driverStartSeconds > 0) this.later(now + driverStartSeconds, DRIVER_READY, run);
    else this.driverReady(run, now);
  }

  protected driverReady(run: number, now: number): void {
    const L = this.layout;
    if (L.steps === 0) this.runEnded(run, now);
    for (let k = 0; k < L.steps; k++) if (L.depCount[k] === 0) this.startStep(run, k, now);
  }

  /** A source of a step has ended (a sub-parent after its own end, else after its last child). */
  protected sourceEnded(src: number, now: number): void {
    const L = this.layout;
    const k = L.sourceStep[this.bySource.offsetOf(src)] ?? 0;
    const i = this.bySource.runOf(src) * L.steps + k;
    if ((L.parents[k] ?? 1) === 1) {
      this.stepEnded(i, now);
      return;
    }
    const left = (this.sourcesLeft[i] ?? 0) - 1;
    this.sourcesLeft[i] = left;
    if (left === 0) this.stepEnded(i, now);
  }

  /** Step `i` (run × steps + step) has ended: its dependents may start. */
  protected stepEnded(i: number, now: number): void {
    const L = this.layout;
    const run = this.byCell.runOf(i);
    const k = this.byCell.offsetOf(i);
    this.stepEnd[i] = now;
    const base = run * L.steps;
    const dependents = L.dependents[k];
    const n = dependents === undefined ? 0 : dependents.length;
    for (let x = 0; x < n; x++) {
      const d = dependents?.[x] ?? 0;
      const left = (this.depsLeft[base + d] ?? 0) - 1;
      this.depsLeft[base + d] = left;
      if (left === 0) this.startStep(run, d, now);
    }
    if (L.steps === 1) {
      this.runEnded(run, now);
      return;
    }
    const steps = (this.stepsLeft[run] ?? 0) - 1;
    this.stepsLeft[run] = steps;
    if (steps === 0) this.runEnded(run, now);
  }

  private runEnded(run: number, now: number): void {
    this.runEnd[run] = now;
    this.runsEnded++;
    if (now > this.horizon) this.horizon = now;
    if (this.runsEnded === this.runs) this.onAllRunsEnded(now);
  }
}
