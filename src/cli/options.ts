// The options each command receives from commander, typed: one interface per command, the
// shared ones once. Flag values arrive as the text typed; commands parse them (flags.ts).

export interface FormatOptions {
  format?: string;
  json?: boolean;
  /** plan, simulate, sweep, replay, check: write the rendered report here (atomically) instead of to stdout. */
  out?: string;
}

/** A scenario command's options: its own, plus one flag per scenario field (config/fields.ts), keyed by field key. */
export interface ScenarioOptions extends FormatOptions {
  profile?: string;
  readonly [fieldKey: string]: unknown;
}

export interface SimulationFlags {
  runs?: string;
  seed?: string;
  workers?: string;
  /** simulate only, with --runs auto. */
  precision?: string;
  maxRuns?: string;
}

export interface PlanOptions extends ScenarioOptions, SimulationFlags {
  p95?: boolean;
  simulate?: boolean;
  compare?: boolean;
}
export interface OverheadOptions extends ScenarioOptions {
  explain?: boolean;
}
export interface BatchOptions extends ScenarioOptions {
  p95?: boolean;
}
export interface FanoutOptions extends ScenarioOptions {
  actions?: string;
}
export interface SimulateOptions extends ScenarioOptions, SimulationFlags {
  timeline?: boolean;
  /** The stream flags (config/arrivalsKeys.ts): --rate, --interarrival, --stream-runs, --stream-duration, --warmup. */
  rate?: string;
  interarrival?: string;
  streamRuns?: string;
  streamDuration?: string;
  warmup?: string;
  /** --p99 2s: recommend the smallest pool (then the cheapest TTL) that keeps p99 under it; --explain shows the search. */
  p99?: string;
  explain?: boolean;
}
export interface SweepOptions extends ScenarioOptions, SimulationFlags {
  objective?: string;
  /** A workflow's settings by path: `steps.embed.batchSize=100,250`. */
  set?: string[];
  race?: boolean;
  force?: boolean;
}
export interface CheckOptions extends FormatOptions {
  inconclusive?: string;
  baseline?: string;
  maxRegression?: string;
  out?: string;
}
export interface InitOptions {
  force?: boolean;
}
export interface ProfileFitOptions {
  out?: string;
  force?: boolean;
  name?: string;
  trim?: boolean;
  skipBadRows?: boolean;
  format?: string;
  phaseColumn?: string;
  secondsColumn?: string;
  durationColumn?: string;
  bytesColumn?: string;
  timestampColumn?: string;
  json?: boolean;
}
export interface ProfileImportOptions {
  out?: string;
  scenario?: string;
  force?: boolean;
  name?: string;
  trim?: boolean;
  skipBadRows?: boolean;
  from?: string;
  json?: boolean;
}
export interface ReplayOptions extends FormatOptions, SimulationFlags {
  tolerance?: string;
  timeline?: boolean;
  skipBadRows?: boolean;
  from?: string;
}
export interface ProfileShowOptions extends FormatOptions {
  compare?: string;
}
export interface MeasureOptions {
  runs?: string;
  warmup?: string;
  out?: string;
  force?: boolean;
  phase?: string;
  quiet?: boolean;
  allowFailure?: boolean;
}
