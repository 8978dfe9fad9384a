// The numeric report paths a budget may assert on (MODEL §7). Plan metrics come from the
// closed form; simulate metrics need `simulate:` on the assertion and carry an interval.
import { OVERHEAD_PHASES } from '../core/overhead.js';

export const PLAN_METRICS: readonly string[] = [
  'overhead.perAction.meanSeconds',
  'overhead.perAction.p50Seconds',
  'overhead.perAction.p95Seconds',
  'overhead.perAction.p99Seconds',
  ...OVERHEAD_PHASES.map((p) => `overhead.components.${p}.meanSeconds`),
  'batch.recommended',
  'batch.size',
  'batch.actions',
  'batch.runtimeSeconds',
  'batch.overheadSeconds',
  'batch.overheadRatio',
  'batch.waves',
  'fanout.actions',
  'fanout.shareOfLimit',
  'concurrency.effective',
  'estimate.makespanSeconds',
  'estimate.throughputItemsPerSecond',
  'estimate.slotSeconds',
  'estimate.waves',
  'estimate.coldStartSeconds',
  'estimate.billedReplicaSeconds',
  'estimate.cost',
];

export const SIMULATE_METRICS: readonly string[] = [
  'makespan.meanSeconds',
  'makespan.stddevSeconds',
  'makespan.p5Seconds',
  'makespan.p50Seconds',
  'makespan.p95Seconds',
  'throughputItemsPerSecond.mean',
  'utilization.mean',
  'coldStarts.mean',
  'peakReplicas.mean',
  'queueWait.p50Seconds',
  'queueWait.p95Seconds',
  'queueWait.p99Seconds',
  'replicaSeconds.busy.mean',
  'replicaSeconds.billed.mean',
  'cost.mean',
];

/** Read a numeric value at a dotted path of a report; undefined when absent or not a number. */
export function readPath(report: unknown, path: string): number | undefined {
  let node: unknown = report;
  for (const step of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(step in node)) return undefined;
    node = (node as Record<string, unknown>)[step];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}
