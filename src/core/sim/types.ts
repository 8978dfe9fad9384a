// What one replication and a set of replications report (MODEL §6, §7). Seconds, items per
// second and currency units only; every field is plain data so it serialises to JSON as is.

export interface TimelinePoint {
  timeSeconds: number;
  /** Slots holding an action (pods, replica slots, or running traces). */
  busySlots: number;
  /** Ready replicas of a reusable pool; live pods in pod-per-task mode; 0 for traces. */
  readyReplicas: number;
  /** Actions waiting for a slot. */
  queueLength: number;
}

export interface Timeline {
  /** Spacing of the points; may be a power-of-two multiple of the interval asked for. */
  intervalSeconds: number;
  points: TimelinePoint[];
}

export interface QueueWait {
  p50Seconds: number;
  p95Seconds: number;
  p99Seconds: number;
}

export interface Replication {
  /** The seed this replication ran with: deriveSeed(base seed, replication index). */
  seed: number;
  actions: number;
  batchSize: number;
  makespanSeconds: number;
  throughputItemsPerSecond: number;
  /** Busy slot-seconds over available slot-seconds up to the makespan (docs/simulator.md). */
  utilization: number;
  coldStarts: number;
  peakReplicas: number;
  /** Time each action spent waiting for a slot, summed over its attempts; cache hits excluded. */
  queueWait: QueueWait;
  replicaSeconds: { busy: number; billed: number };
  /** pricing.perReplicaHour × billed hours; null without a price. */
  cost: number | null;
  attempts: number;
  completedActions: number;
  failedActions: number;
  cacheHits: number;
  eventsProcessed: number;
  timeline?: Timeline;
  /** Per action, only when asked for (tests, small runs): when it ended and its attempts. */
  actionLog?: { endSeconds: number[]; attempts: number[] };
}

export interface ReplicationOptions {
  /** Record a timeline; intervalSeconds defaults to 1 and doubles to stay within 500 points. */
  timeline?: { intervalSeconds?: number };
  /** Return the per-action log (memory grows with the actions; for tests and small runs). */
  recordActions?: boolean;
  /** false forces the event loop where the fast path would apply (tests compare the two). */
  fastPath?: boolean;
}

export interface Spread {
  mean: number;
  stddev: number;
  /** 95% confidence interval of the mean (Student t with runs - 1 degrees of freedom). */
  ci95: [number, number];
  p5: number;
  p50: number;
  p95: number;
}

export interface Summary {
  runs: number;
  makespanSeconds: Spread;
  throughputItemsPerSecond: { mean: number };
  utilization: { mean: number };
  coldStarts: { mean: number };
  peakReplicas: { mean: number };
  queueWait: { p50Seconds: { mean: number }; p95Seconds: { mean: number }; p99Seconds: { mean: number } };
  replicaSeconds: { busy: { mean: number }; billed: { mean: number } };
  /** null when no replication has a cost. */
  cost: { mean: number } | null;
  eventsProcessed: { mean: number };
}
