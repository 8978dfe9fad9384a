// Enum values as Flyte prints them: the full value name (ACTION_PHASE_SUCCEEDED, CACHE_HIT) or,
// from other clients, the number. Absent means value 0. Unknown values are errors, not guesses.
import { ACTION_PHASES, CACHE_STATUSES, type ActionPhase, type CacheStatus } from '../../core/import/types.js';

export type EnumResult<T> = { ok: true; value: T } | { ok: false; problem: string; fix: string };

function readEnum<T extends string>(raw: unknown, values: readonly T[], prefix: string, what: string): EnumResult<T> {
  if (raw === undefined) return { ok: true, value: values[0] as T };
  // Built only for an error: this runs for every phase of every attempt.
  const fix = (): string => `use a name (${values.slice(1).map((v) => `${prefix}${v}`).join(', ')}) or its number 0–${values.length - 1}; a newer Flyte may need a newer flyscale`;
  if (typeof raw === 'number') {
    const value = Number.isInteger(raw) ? values[raw] : undefined;
    return value === undefined ? { ok: false, problem: `unknown ${what} number ${raw}`, fix: fix() } : { ok: true, value };
  }
  if (typeof raw === 'string') {
    const bare = raw.startsWith(prefix) ? raw.slice(prefix.length) : raw;
    const value = values.find((v) => v === bare);
    return value === undefined ? { ok: false, problem: `unknown ${what} ${JSON.stringify(raw)}`, fix: fix() } : { ok: true, value };
  }
  return { ok: false, problem: `a ${what} must be a name or a number, not ${JSON.stringify(raw)}`, fix: fix() };
}

export const actionPhase = (raw: unknown): EnumResult<ActionPhase> => readEnum(raw, ACTION_PHASES, 'ACTION_PHASE_', 'action phase');

/** CACHE_ is part of the value names themselves. */
export const cacheStatus = (raw: unknown): EnumResult<CacheStatus> => readEnum(raw, CACHE_STATUSES, '', 'cache status');

/** Flyte 1 TaskExecution.Phase, by number, mapped onto the Flyte 2 phase that means the same. */
export const FLYTE1_TASK_PHASES = ['UNDEFINED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'ABORTED', 'FAILED', 'INITIALIZING', 'WAITING_FOR_RESOURCES', 'RETRYABLE_FAILED'] as const;
export type Flyte1TaskPhase = (typeof FLYTE1_TASK_PHASES)[number];
export const FLYTE1_AS_ACTION = {
  UNDEFINED: 'UNSPECIFIED',
  QUEUED: 'QUEUED',
  RUNNING: 'RUNNING',
  SUCCEEDED: 'SUCCEEDED',
  ABORTED: 'ABORTED',
  FAILED: 'FAILED',
  INITIALIZING: 'INITIALIZING',
  WAITING_FOR_RESOURCES: 'WAITING_FOR_RESOURCES',
  RETRYABLE_FAILED: 'FAILED',
} as const satisfies Record<Flyte1TaskPhase, ActionPhase>;

export const flyte1TaskPhase = (raw: unknown): EnumResult<Flyte1TaskPhase> => readEnum(raw, FLYTE1_TASK_PHASES, '', 'task execution phase');
