// The shape of a scenario file as a TypeScript type, for the library: a scenario written in
// code is checked as it is typed (`workload.itemz` does not compile). Values keep the file's
// syntax, units as strings ('100ms', '2KB', '100/s'); the loader still validates every value.
// test/unit/scenarioInput.test.ts checks these keys against the settings table (fields.ts).

type DurationUnit = 'ms' | 's' | 'm' | 'h';
type SizeUnit = 'B' | 'KB' | 'MB' | 'GB' | 'TB' | 'KiB' | 'MiB' | 'GiB' | 'TiB';
/** '120ms', '1.5 s': a number and a unit (a bare number does not compile, as it does not load). */
export type DurationText = `${number}${DurationUnit}` | `${number} ${DurationUnit}`;
/** '2KB', '10MiB'. */
export type SizeText = `${number}${SizeUnit}` | `${number} ${SizeUnit}`;
/** '100/s', '600/m', '600/min'. */
export type RateText = `${number}/${'s' | 'm' | 'min' | 'h'}`;
/** '80MB/s'. */
export type BandwidthText = `${number}${SizeUnit}/s`;

/** '120ms'; samples ['110ms', '95ms']; { median, p95 }; or an explicit distribution. */
export type DurationInput =
  | DurationText
  | readonly DurationText[]
  | { median: DurationText; p95: DurationText }
  | { dist: 'fixed'; value: DurationText }
  | { dist: 'uniform'; min: DurationText; max: DurationText }
  | { dist: 'exponential'; mean: DurationText }
  | { dist: 'lognormal'; median: DurationText; p95: DurationText }
  | { dist: 'lognormal'; median: DurationText; sigma: number }
  | { dist: 'empirical'; samples: readonly DurationText[] };

/** A duration, or latency plus bytes / bandwidth: { latency: '40ms', bandwidth: '200MB/s' }. */
export type TransferInput = DurationInput | { latency: DurationInput; bandwidth: BandwidthText };

export interface PhasesInput {
  upload?: TransferInput;
  download?: TransferInput;
  uploadInputs?: TransferInput;
  downloadInputs?: TransferInput;
  uploadOutputs?: TransferInput;
  downloadOutputs?: TransferInput;
  enqueue?: DurationInput;
  create?: DurationInput;
  dispatch?: DurationInput;
}

export interface LimitsInput {
  maxActionsPerRun?: number;
  recommendedActionsPerRun?: number;
  targetActionsMin?: number;
  targetActionsMax?: number;
  maxInlineIo?: SizeText;
  maxChildrenInFlight?: number;
  enqueueRate?: RateText;
  runtimeFloor?: DurationInput;
  ratio?: number;
}

export interface WorkloadInput {
  items?: number;
  itemRuntime?: DurationInput;
  itemInputSize?: SizeText;
  itemOutputSize?: SizeText;
  itemMemory?: SizeText | null;
  taskMemory?: SizeText | null;
  data?: 'inline' | 'reference';
  pattern?: 'task' | 'trace';
  cacheHitRatio?: number;
  batchSize?: number | 'auto';
}

export interface EnvironmentInput {
  podPerTask?: boolean;
  clusterSlots?: number | null;
  /** N for a fixed pool; [min, max], { min, max } or 'MIN:MAX' to autoscale. */
  replicas?: number | readonly [number, number] | { min: number; max: number } | `${number}:${number}`;
  concurrency?: number;
  scaledownTtl?: DurationInput;
  idleTtl?: DurationInput;
  startCold?: boolean;
  replicaCpus?: number | null;
  actionCpu?: number | null;
  mapConcurrency?: number;
  maxActionConcurrency?: number | null;
  queueConcurrency?: number | null;
  parentStart?: DurationInput;
}

export interface FailuresInput {
  failureRate?: number;
  retries?: number;
  retryBackoff?: DurationInput;
}

export interface PricingInput {
  perReplicaHour?: number | null;
}

/** An inline profile: what a profile file holds. */
export interface ProfileInput {
  name?: string;
  description?: string;
  phases?: PhasesInput;
  limits?: LimitsInput;
  environment?: EnvironmentInput;
  failures?: FailuresInput;
  pricing?: PricingInput;
}

/** A scenario file's content. */
export interface ScenarioInput {
  name?: string;
  description?: string;
  /** A built-in profile name ('default', 'flyte-oss'), a profile file path, or an inline profile. */
  profile?: string | ProfileInput;
  phases?: PhasesInput;
  limits?: LimitsInput;
  workload?: WorkloadInput;
  environment?: EnvironmentInput;
  failures?: FailuresInput;
  pricing?: PricingInput;
}
