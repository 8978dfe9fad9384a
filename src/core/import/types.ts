// A finished run as Flyte recorded it, normalised: seconds since the run's first recorded
// second, phases by name, both Flyte 2 and Flyte 1 mapped onto the same shape (docs/importing.md).

/** Flyte 2's ActionPhase names without the prefix; Flyte 1 task phases map onto them. */
export const ACTION_PHASES = ['UNSPECIFIED', 'QUEUED', 'WAITING_FOR_RESOURCES', 'INITIALIZING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT', 'PAUSED', 'RECOVERED'] as const;
export type ActionPhase = (typeof ACTION_PHASES)[number];
export const TERMINAL_PHASES: readonly ActionPhase[] = ['SUCCEEDED', 'FAILED', 'ABORTED', 'TIMED_OUT', 'RECOVERED'];

/** CatalogCacheStatus names; DISABLED is the omitted default. */
export const CACHE_STATUSES = ['CACHE_DISABLED', 'CACHE_MISS', 'CACHE_HIT', 'CACHE_POPULATED', 'CACHE_LOOKUP_FAILURE', 'CACHE_PUT_FAILURE', 'CACHE_SKIPPED', 'CACHE_EVICTED'] as const;
export type CacheStatus = (typeof CACHE_STATUSES)[number];

export interface Transition {
  phase: ActionPhase;
  startSeconds: number;
  /** null: the last entry of an attempt still open. */
  endSeconds: number | null;
}

export interface Attempt {
  /** 1-based. */
  attempt: number;
  phase: ActionPhase;
  startSeconds: number;
  endSeconds: number | null;
  cacheStatus: CacheStatus;
  /** Phase transitions in the order first seen; empty when the source has none (list, Flyte 1). */
  transitions: Transition[];
  /** Flyte 1: queue plus pod start (createdAt → startedAt) and the runtime (duration). */
  setupSeconds?: number;
  runtimeSeconds?: number;
}

/** Where a record came from, for messages: a file and a line, or an index in an array. */
export interface RecordPlace {
  file: string;
  line: number;
  /** e.g. `[12]` for the 13th element of a JSON array; '' for a line of JSON Lines. */
  path: string;
}

export interface ImportedAction {
  run: string;
  name: string;
  /** null for the root action (a0). */
  parent: string | null;
  group: string | null;
  taskName: string | null;
  taskType: string | null;
  phase: ActionPhase;
  startSeconds: number;
  endSeconds: number | null;
  cacheStatus: CacheStatus;
  attempts: Attempt[];
  /** status.attempts: the number of attempts (the list form has only this). */
  statusAttempts: number;
  /** The task template's reuse policy, when the record carries it. */
  reusePolicy: { minReplicas: number; maxReplicas: number; concurrency: number } | null;
  place: RecordPlace;
}

export const isTerminal = (phase: ActionPhase): boolean => TERMINAL_PHASES.includes(phase);
