// The children of a run, grouped (one map's children share metadata.group; otherwise one task
// name is one group), with per-phase samples and the counts the model needs.
import { actionPhases, MEASURED, type MeasuredPhase } from './phases.js';
import type { ImportedAction } from './types.js';

export interface GroupSamples {
  /** metadata.group, else the task name, else "children". */
  name: string;
  taskName: string | null;
  taskType: string | null;
  reusePolicy: ImportedAction['reusePolicy'];
  actions: number;
  attempts: number;
  /** Attempts that did not succeed (failed, or left open by an in-place retry). */
  failedAttempts: number;
  /** Attempts that were not cache hits. */
  executedAttempts: number;
  maxAttempts: number;
  cacheHits: number;
  failedActions: number;
  /** Seconds per phase; running holds succeeded attempts only (a failed one stops part-way). */
  samples: Record<MeasuredPhase, number[]>;
  /** QUEUED of cache hits, which never wait for a slot. */
  cacheHitQueued: number[];
  /** Status end − start of each action. */
  totalSeconds: number[];
  backoffSeconds: number[];
  /** [took a slot, let it go] of each executed attempt, and when its queue began. */
  slots: [number, number][];
  queuedStarts: number[];
  /** QUEUED of the same attempts, parallel to queuedStarts. */
  queuedOfSlots: number[];
  clamped: number;
  repaired: number;
  firstStartSeconds: number;
  lastEndSeconds: number;
}

function empty(action: ImportedAction, name: string): GroupSamples {
  return {
    name,
    taskName: action.taskName,
    taskType: action.taskType,
    reusePolicy: action.reusePolicy,
    actions: 0,
    attempts: 0,
    failedAttempts: 0,
    executedAttempts: 0,
    maxAttempts: 0,
    cacheHits: 0,
    failedActions: 0,
    samples: { queued: [], waitingForResources: [], initializing: [], running: [] },
    cacheHitQueued: [],
    totalSeconds: [],
    backoffSeconds: [],
    slots: [],
    queuedStarts: [],
    queuedOfSlots: [],
    clamped: 0,
    repaired: 0,
    firstStartSeconds: Number.POSITIVE_INFINITY,
    lastEndSeconds: Number.NEGATIVE_INFINITY,
  };
}

export const groupName = (a: ImportedAction): string => a.group ?? a.taskName ?? 'children';

/** Groups in the order their first action appears. */
export function groupChildren(children: readonly ImportedAction[]): GroupSamples[] {
  const groups = new Map<string, GroupSamples>();
  for (const action of children) {
    const name = groupName(action);
    let g = groups.get(name);
    if (g === undefined) {
      g = empty(action, name);
      groups.set(name, g);
    }
    g.reusePolicy ??= action.reusePolicy;
    const { attempts, backoffSeconds } = actionPhases(action);
    g.actions++;
    g.attempts += Math.max(attempts.length, action.statusAttempts);
    g.maxAttempts = Math.max(g.maxAttempts, attempts.length, action.statusAttempts);
    if (action.cacheStatus === 'CACHE_HIT') g.cacheHits++;
    if (action.phase !== 'SUCCEEDED') g.failedActions++;
    const end = action.endSeconds ?? attempts[attempts.length - 1]?.endSeconds ?? action.startSeconds;
    g.totalSeconds.push(Math.max(0, end - action.startSeconds));
    g.firstStartSeconds = Math.min(g.firstStartSeconds, action.startSeconds);
    g.lastEndSeconds = Math.max(g.lastEndSeconds, end);
    g.backoffSeconds.push(...backoffSeconds);
    if (attempts.length === 0 && action.cacheStatus !== 'CACHE_HIT') {
      // The list form: only the number of attempts; each one before the last failed.
      g.executedAttempts += action.statusAttempts;
      g.failedAttempts += Math.max(0, action.statusAttempts - 1) + (action.phase === 'SUCCEEDED' ? 0 : 1);
    }
    for (const a of attempts) {
      g.clamped += a.clamped;
      if (a.repaired) g.repaired++;
      if (a.cacheHit) {
        if (a.seconds.queued !== null) g.cacheHitQueued.push(a.seconds.queued);
      } else {
        g.executedAttempts++;
        if (!a.succeeded) g.failedAttempts++;
      }
      for (const phase of MEASURED) {
        const s = a.seconds[phase];
        if (s === null || (phase === 'running' && !a.succeeded)) continue;
        g.samples[phase].push(s);
      }
      if (a.slotSeconds !== null) {
        g.slots.push(a.slotSeconds);
        g.queuedStarts.push(a.queuedStartSeconds);
        g.queuedOfSlots.push(a.seconds.queued ?? 0);
      }
    }
  }
  return [...groups.values()];
}
