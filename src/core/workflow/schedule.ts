// Steps placed in time: each starts when every step in its `after` has ended (the driver's start
// for a step with no `after`); the makespan is the last end; slack is how much later a step
// could end without moving it; the critical path is the chain of steps that sets it.

export interface Placed {
  name: string;
  startSeconds: number;
  endSeconds: number;
  slackSeconds: number;
}

export interface Schedule {
  steps: Placed[];
  makespanSeconds: number;
  criticalPath: string[];
}

export interface ScheduleStep {
  name: string;
  after: readonly string[];
  durationSeconds: number;
}

/** `steps` must be in a topological order of `after`. */
export function schedule(steps: readonly ScheduleStep[], driverStartSeconds: number): Schedule {
  const end = new Map<string, number>();
  const start = new Map<string, number>();
  for (const s of steps) {
    const from = s.after.reduce((t, dep) => Math.max(t, end.get(dep) ?? 0), driverStartSeconds);
    start.set(s.name, from);
    end.set(s.name, from + s.durationSeconds);
  }
  const makespanSeconds = steps.reduce((t, s) => Math.max(t, end.get(s.name) ?? 0), driverStartSeconds);
  // Latest end that keeps the makespan: the earliest latest-start of the steps that wait for it.
  const latestEnd = new Map<string, number>();
  for (const s of [...steps].reverse()) {
    let latest = makespanSeconds;
    for (const next of steps) if (next.after.includes(s.name)) latest = Math.min(latest, (latestEnd.get(next.name) ?? makespanSeconds) - next.durationSeconds);
    latestEnd.set(s.name, latest);
  }
  // The backward pass subtracts what the forward pass added, and (a + b) − b need not be a in
  // floating point: a slack under a nanosecond per second of the run is rounding, and is 0.
  const rounding = 1e-9 * Math.max(1, makespanSeconds);
  const placed = steps.map((s) => {
    const e = end.get(s.name) ?? 0;
    const slack = (latestEnd.get(s.name) ?? e) - e;
    return { name: s.name, startSeconds: start.get(s.name) ?? 0, endSeconds: e, slackSeconds: slack < rounding ? 0 : slack };
  });
  return { steps: placed, makespanSeconds, criticalPath: criticalPath(steps, end, makespanSeconds) };
}

function criticalPath(steps: readonly ScheduleStep[], end: ReadonlyMap<string, number>, makespan: number): string[] {
  // Walk back from the step that ends last through the dependency that ended last (first on ties).
  let current = steps.find((s) => (end.get(s.name) ?? 0) === makespan);
  const path: string[] = [];
  while (current) {
    path.unshift(current.name);
    let latest: ScheduleStep | undefined;
    for (const dep of current.after) {
      const d = steps.find((s) => s.name === dep);
      if (d && (latest === undefined || (end.get(d.name) ?? 0) > (end.get(latest.name) ?? 0))) latest = d;
    }
    current = latest;
  }
  return path;
}
