// Per-attempt phase durations of an imported run (docs/importing.md): each transition lasts
// until its end, else the next transition's start, else the attempt's end, else (an in-place
// retry left it open) the next attempt's start. Negative durations, which the shared
// phase-history entry of QUEUED and WAITING_FOR_RESOURCES produces, are clamped to 0.
import type { ActionPhase, Attempt, ImportedAction } from './types.js';

export const MEASURED = ['queued', 'waitingForResources', 'initializing', 'running'] as const;
export type MeasuredPhase = (typeof MEASURED)[number];

const KEY = {
  UNSPECIFIED: null,
  QUEUED: 'queued',
  WAITING_FOR_RESOURCES: 'waitingForResources',
  INITIALIZING: 'initializing',
  RUNNING: 'running',
  SUCCEEDED: null,
  FAILED: null,
  ABORTED: null,
  TIMED_OUT: null,
  PAUSED: null,
  RECOVERED: null,
} as const satisfies Record<ActionPhase, MeasuredPhase | null>;

export interface AttemptPhases {
  /** Seconds in each phase; null when the attempt never entered it. */
  seconds: Record<MeasuredPhase, number | null>;
  /** When the attempt took a slot (INITIALIZING, else RUNNING) and when it let go; null for a cache hit. */
  slotSeconds: [number, number] | null;
  queuedStartSeconds: number;
  endSeconds: number;
  succeeded: boolean;
  cacheHit: boolean;
  clamped: number;
  /** The attempt had no end and took the next attempt's start. */
  repaired: boolean;
}

export function attemptPhases(attempt: Attempt, next: Attempt | undefined, action: ImportedAction): AttemptPhases {
  const seconds: Record<MeasuredPhase, number | null> = { queued: null, waitingForResources: null, initializing: null, running: null };
  let repaired = false;
  const fallbackEnd = (): number => {
    if (attempt.endSeconds !== null) return attempt.endSeconds;
    repaired = true;
    return next?.startSeconds ?? action.endSeconds ?? attempt.startSeconds;
  };
  const end = attempt.endSeconds ?? (next !== undefined || action.endSeconds !== null ? fallbackEnd() : attempt.startSeconds);
  let clamped = 0;
  let slotStart: number | null = null;
  const list = attempt.transitions;
  for (let i = 0; i < list.length; i++) {
    const t = list[i];
    if (t === undefined) continue;
    const key = KEY[t.phase];
    if (key === null) continue;
    const stop = t.endSeconds ?? list[i + 1]?.startSeconds ?? fallbackEnd();
    let d = stop - t.startSeconds;
    if (d < 0) {
      clamped++;
      d = 0;
    }
    seconds[key] = (seconds[key] ?? 0) + d;
    if ((key === 'initializing' || key === 'running') && slotStart === null) slotStart = t.startSeconds;
  }
  const cacheHit = attempt.cacheStatus === 'CACHE_HIT';
  return {
    seconds,
    slotSeconds: slotStart === null || cacheHit ? null : [slotStart, Math.max(slotStart, end)],
    queuedStartSeconds: attempt.startSeconds,
    endSeconds: end,
    succeeded: attempt.phase === 'SUCCEEDED',
    cacheHit,
    clamped,
    repaired,
  };
}

/** Every attempt of an action, with the gap before each retry. */
export function actionPhases(action: ImportedAction): { attempts: AttemptPhases[]; backoffSeconds: number[] } {
  const attempts = action.attempts.map((a, i) => attemptPhases(a, action.attempts[i + 1], action));
  const backoffSeconds: number[] = [];
  for (let i = 1; i < attempts.length; i++) {
    const prev = attempts[i - 1];
    const cur = attempts[i];
    if (prev !== undefined && cur !== undefined) backoffSeconds.push(Math.max(0, cur.queuedStartSeconds - prev.endSeconds));
  }
  return { attempts, backoffSeconds };
}
