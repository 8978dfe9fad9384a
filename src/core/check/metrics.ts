// The numeric report paths a budget may assert on (MODEL §7), and how a value of each reads.
// Plan metrics come from the closed form (readPath on the plan report); simulate metrics need
// `simulate:` on the assertion and carry an interval (observe.ts).
import { OVERHEAD_PHASES } from '../overhead.js';
import { formatBytes, formatSeconds } from '../units.js';
import { unitOf } from './assertion.js';

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

/** Plan metrics of a workflow file (docs/model.md, "Workflows"), besides estimate.makespanSeconds and fanout.*. */
export const WORKFLOW_PLAN_METRICS: readonly string[] = ['actions.total', 'actions.subParents', 'actions.steps', 'actions.traceRecords'];
/** A step's plan metrics, by the step's name: `steps.embed.endSeconds`. */
export const STEP_PLAN_FIELDS = ['startSeconds', 'endSeconds', 'durationSeconds', 'slackSeconds', 'actions', 'subParents', 'batch', 'overheadSeconds'] as const;

export const isWorkflowPlanMetric = (metric: string): boolean => WORKFLOW_PLAN_METRICS.includes(metric) || new RegExp(`^steps\\.[^.]+\\.(${STEP_PLAN_FIELDS.join('|')})$`).test(metric);

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

/** Simulated metrics of a stream of runs (docs/streams.md): a scenario or workflow with `arrivals:`. */
export const STREAM_METRICS: readonly string[] = [
  'latency.meanSeconds',
  'latency.p50Seconds',
  'latency.p95Seconds',
  'latency.p99Seconds',
  'latency.p999Seconds',
  'wait.meanSeconds',
  'wait.probability',
  'load.offered',
  'coldStarts.perHour',
  'cost.perRun',
  'cost.perHour',
];

export const isStreamMetric = (metric: string): boolean => STREAM_METRICS.includes(metric);

/** Read a numeric value at a dotted path of a report; undefined when absent or not a number. */
export function readPath(report: unknown, path: string): number | undefined {
  let node: unknown = report;
  for (const step of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(step in node)) return undefined;
    node = Reflect.get(node, step);
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : undefined;
}

/**
 * What a plain-number metric counts, so a difference reads with its unit ("over budget by 3
 * actions"). Durations, sizes and bandwidths carry theirs in the formatted value; ratios and
 * shares have none.
 */
const COUNTED: Readonly<Record<string, string>> = {
  'batch.recommended': 'items',
  'batch.size': 'items',
  'batch.actions': 'actions',
  'batch.waves': 'waves',
  'fanout.actions': 'actions',
  'actions.total': 'actions',
  'actions.subParents': 'actions',
  'actions.steps': 'actions',
  'actions.traceRecords': 'actions',
  'concurrency.effective': 'slots',
  'estimate.throughputItemsPerSecond': 'items/s',
  'estimate.waves': 'waves',
  'throughputItemsPerSecond.mean': 'items/s',
  'coldStarts.mean': 'cold starts',
  'peakReplicas.mean': 'replicas',
  'cost.mean': 'in the currency of pricing.perReplicaHour',
  'estimate.cost': 'in the currency of pricing.perReplicaHour',
  'batch.overheadRatio': '× the overhead',
  'fanout.shareOfLimit': 'of the limit',
  'utilization.mean': 'of the slot time',
  'wait.probability': 'of the actions',
  'load.offered': 'of the capacity',
  'coldStarts.perHour': 'cold starts an hour',
  'cost.perRun': 'in the currency of pricing.perReplicaHour',
  'cost.perHour': 'in the currency of pricing.perReplicaHour',
};

export function formatMetric(metric: string, value: number): string {
  switch (unitOf(metric)) {
    case 'seconds':
      return formatSeconds(value);
    case 'bytes':
      return formatBytes(value);
    case 'bytesPerSecond':
      return `${formatBytes(value)}/s`;
    case 'number':
      return Number.isInteger(value) ? String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : value.toPrecision(4);
  }
}

/** A value with its unit: "4m 58s", "3.872 in the currency of pricing.perReplicaHour", "1,200 actions". */
export function formatQuantity(metric: string, value: number): string {
  const counted = unitOf(metric) === 'number' ? COUNTED[metric] : undefined;
  return counted === undefined ? formatMetric(metric, value) : `${formatMetric(metric, value)} ${counted}`;
}
