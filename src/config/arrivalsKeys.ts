// The keys of an `arrivals` block (docs/streams.md) in one table: what each takes, its flag on
// simulate, its help. The parser (arrivals.ts), the flags and the JSON Schema read it.

export const ARRIVAL_KEYS = ['rate', 'interarrival', 'runs', 'duration', 'warmup', 'shape'] as const;
export type ArrivalKey = (typeof ARRIVAL_KEYS)[number];

export interface ArrivalKeySpec {
  /** The simulate flag that sets or overrides it; null: only in a file. */
  flag: string | null;
  /** The option's name as commander keys it (camelCase of the flag). */
  option: string | null;
  help: string;
}

export const ARRIVAL_KEY_SPECS = {
  rate: { flag: '--rate', option: 'rate', help: 'Poisson arrivals at this rate, e.g. 3/s, 180/m (the runs arrive independently)' },
  interarrival: { flag: '--interarrival', option: 'interarrival', help: 'the time between arrivals as a duration value, e.g. 500ms (evenly spaced) or {dist: exponential, mean: 300ms}' },
  runs: { flag: '--stream-runs', option: 'streamRuns', help: 'runs in the stream, warm-up included' },
  duration: { flag: '--stream-duration', option: 'streamDuration', help: 'length of the stream, e.g. 1h' },
  warmup: { flag: '--warmup', option: 'warmup', help: 'runs arriving in this first stretch are left out of the statistics, e.g. 5m (default 0s)' },
  shape: { flag: null, option: null, help: 'a daily shape: a list of { at: 06:00, rate: 2/s } points; the rate runs linearly from point to point (the last to the first of the next day), repeated every day' },
} as const satisfies Record<ArrivalKey, ArrivalKeySpec>;

/** Which keys are alternatives: the process, and what bounds the stream. */
export const PROCESS_KEYS = ['rate', 'interarrival', 'shape'] as const satisfies readonly ArrivalKey[];
export const LENGTH_KEYS = ['runs', 'duration'] as const satisfies readonly ArrivalKey[];

/** The stream flags' values as typed, keyed by arrival key. */
export type ArrivalFlags = Partial<Record<ArrivalKey, string>>;

/** The stream flags among a command's parsed options. */
export function arrivalFlags(options: { readonly [key: string]: unknown }): ArrivalFlags {
  const out: ArrivalFlags = {};
  for (const key of ARRIVAL_KEYS) {
    const option = ARRIVAL_KEY_SPECS[key].option;
    const value = option === null ? undefined : options[option];
    if (value !== undefined) out[key] = String(value);
  }
  return out;
}
