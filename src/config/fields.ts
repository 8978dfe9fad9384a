// Every setting a profile, a scenario file or a flag can give, in one table: its key path,
// its kind of value, its default (MODEL §3) and its help. Flags are the leaf name in
// kebab-case, so `workload.itemRuntime` is `--item-runtime`.

export const VALUE_KINDS = [
  'duration', // a fixed value, samples, {median, p95} or {dist: ...}
  'transfer', // a duration, or {latency: <duration>, bandwidth: 80MB/s}
  'size',
  'rate',
  'count', // integer >= 1
  'whole', // integer >= 0
  'fraction', // number in [0, 1]
  'positive', // number > 0
  'boolean',
  'replicas', // N, [min, max], {min, max} or "MIN:MAX"
  'batch', // N or auto
  'data',
  'pattern',
  'optionalCount', // integer >= 1, or null for unbounded
  'optionalSize',
  'optionalPositive',
] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export const SECTIONS = ['phases', 'limits', 'workload', 'environment', 'failures', 'pricing'] as const;
export type Section = (typeof SECTIONS)[number];

export interface Field {
  section: Section;
  key: string;
  kind: ValueKind;
  /** The default in file syntax (units included), or null when the field is optional. */
  default: unknown;
  help: string;
}

const f = (section: Section, key: string, kind: ValueKind, dflt: unknown, help: string): Field => ({
  section,
  key,
  kind,
  default: dflt,
  help,
});

export const FIELDS: readonly Field[] = [
  f('phases', 'upload', 'transfer', '50ms', 'u: an upload to the object store (both directions unless split below)'),
  f('phases', 'download', 'transfer', '30ms', 'd: a download from the object store (both directions unless split below)'),
  f('phases', 'uploadInputs', 'transfer', null, 'u_in: the parent uploads inputs (default: upload)'),
  f('phases', 'downloadInputs', 'transfer', null, 'd_in: the child downloads inputs (default: download)'),
  f('phases', 'uploadOutputs', 'transfer', null, 'u_out: the child uploads outputs (default: upload)'),
  f('phases', 'downloadOutputs', 'transfer', null, 'd_out: the parent downloads outputs (default: download)'),
  f('phases', 'enqueue', 'duration', '200ms', 'e: enqueue an action in the queue service'),
  f('phases', 'create', 'duration', '30s', 't: create a container (pod cold start, or a new replica)'),
  f('phases', 'dispatch', 'duration', '0s', 't for a warm reusable slot'),
  f('limits', 'maxActionsPerRun', 'count', 50000, 'hard limit on actions in one run'),
  f('limits', 'recommendedActionsPerRun', 'count', 40000, 'recommended ceiling on actions in one run'),
  f('limits', 'targetActionsMin', 'count', 10000, 'lower end of the target range of actions'),
  f('limits', 'targetActionsMax', 'count', 20000, 'upper end of the target range of actions'),
  f('limits', 'maxInlineIo', 'size', '10MiB', 'largest inline payload per direction (max_inline_io_bytes)'),
  f('limits', 'maxChildrenInFlight', 'count', 1000, 'children in flight per parent'),
  f('limits', 'enqueueRate', 'rate', '100/s', 'enqueue rate per parent process (token bucket)'),
  f('limits', 'runtimeFloor', 'duration', '1s', 'shortest sensible action runtime'),
  f('limits', 'ratio', 'positive', 10, 'k: an action should run k times its overhead'),
  f('workload', 'items', 'count', 1000, 'items to process'),
  f('workload', 'itemRuntime', 'duration', '1s', 'runtime of one item'),
  f('workload', 'itemInputSize', 'size', '0B', 'input bytes of one item'),
  f('workload', 'itemOutputSize', 'size', '0B', 'output bytes of one item'),
  f('workload', 'itemMemory', 'optionalSize', null, 'memory one item needs in a task'),
  f('workload', 'taskMemory', 'optionalSize', null, 'usable memory of one task container; a reusable replica shares it among its concurrent actions'),
  f('workload', 'data', 'data', 'inline', 'inline (passed in the payload) or reference (File, Dir, DataFrame)'),
  f('workload', 'pattern', 'pattern', 'task', 'task (a container per action) or trace (@flyte.trace in the parent)'),
  f('workload', 'cacheHitRatio', 'fraction', 0, 'share of actions served from the cache'),
  f('workload', 'batchSize', 'batch', 'auto', 'items per action, or auto to recommend one'),
  f('environment', 'podPerTask', 'boolean', false, 'a new pod per action instead of a reusable pool'),
  f('environment', 'clusterSlots', 'optionalCount', null, 'pods the cluster can run at once (pod per task)'),
  f('environment', 'replicas', 'replicas', 2, 'ReusePolicy.replicas: N for a fixed pool, [min, max] to autoscale'),
  f('environment', 'concurrency', 'count', 1, 'ReusePolicy.concurrency: slots per replica'),
  f('environment', 'scaledownTtl', 'duration', '30s', 'ReusePolicy.scaledown_ttl (at least 30s)'),
  f('environment', 'idleTtl', 'duration', '30s', 'ReusePolicy.idle_ttl (at least 30s)'),
  f('environment', 'startCold', 'boolean', false, 'the pool starts with no warm replica'),
  f('environment', 'replicaCpus', 'optionalPositive', null, 'CPUs of one replica (processor sharing)'),
  f('environment', 'actionCpu', 'optionalPositive', null, 'CPUs one running action uses'),
  f('environment', 'mapConcurrency', 'whole', 0, 'flyte.map concurrency (0: unbounded)'),
  f('environment', 'maxActionConcurrency', 'optionalCount', null, "the run's max_action_concurrency"),
  f('environment', 'queueConcurrency', 'optionalCount', null, "the queue's action concurrency"),
  f('environment', 'parentStart', 'duration', '0s', 'time before the parent submits the fan-out'),
  f('failures', 'failureRate', 'fraction', 0, 'probability that one attempt fails'),
  f('failures', 'retries', 'whole', 0, 'retries of a failed attempt, within the same action'),
  f('failures', 'retryBackoff', 'duration', '0s', 'wait before a retry'),
  f('pricing', 'perReplicaHour', 'optionalPositive', null, 'price of one replica (or pod) hour, in your currency'),
];

export const fieldPath = (field: Field): string => `${field.section}.${field.key}`;

export const flagName = (field: Pick<Field, 'key'>): string => field.key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const FIELD_BY_PATH: ReadonlyMap<string, Field> = new Map(FIELDS.map((x) => [fieldPath(x), x]));

/** Sections a profile file may set; a scenario file may set all of them. */
export const PROFILE_SECTIONS: readonly Section[] = ['phases', 'limits', 'environment', 'failures', 'pricing'];

/** Settings that are one fixed time, never a distribution. */
export const SINGLE_DURATIONS: readonly string[] = ['limits.runtimeFloor', 'environment.scaledownTtl', 'environment.idleTtl', 'environment.parentStart', 'failures.retryBackoff'];
