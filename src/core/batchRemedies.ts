// What would make a batch fit its hard limits, with the numbers: the taskMemory, concurrency,
// item size or run split that resolves a conflict. Concurrency is offered only where several
// batches share a container (a reusable replica); a pod holds one batch.
import type { Scenario } from './model.js';
import { formatBytes, thousands as n } from './units.js';
import type { UpperBound } from './recommendBatch.js';

/** Join options as "a, b or c". */
export function options(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1] ?? ''}`;
}

/**
 * Ways to fit `batchSize` items in a container's memory, `sharing` batches to a container:
 * taskMemory ≥ sharing × b × itemMemory; concurrency ≤ floor(taskMemory / (b × itemMemory)).
 */
export function memoryRemedies(s: Scenario, batchSize: number, sharing: number): string[] {
  const { itemMemoryBytes: item, taskMemoryBytes: task } = s.workload;
  if (item === null || task === null || item <= 0) return [];
  const out = [`give each task at least ${formatBytes(sharing * batchSize * item)} (taskMemory)`];
  const perReplica = Math.floor(task / (batchSize * item));
  if (sharing > 1 && perReplica >= 1 && perReplica < sharing) out.push(`run at most ${n(perReplica)} ${perReplica === 1 ? 'action' : 'actions'} per replica (concurrency ${perReplica})`);
  return out;
}

/** The hard lower bound `minimum` (actions limit) is above the cap `upper`: what resolves it. */
export function resolveConflict(s: Scenario, upper: UpperBound, minimum: number, cap: number, sharing: number): string {
  const w = s.workload;
  // Each run takes at most cap × maxActionsPerRun items within both limits.
  const split = `split the items over runs of at most ${n(cap * s.limits.maxActionsPerRun)}`;
  if (upper === 'memory') {
    const item = w.itemMemoryBytes ?? 0;
    const perItem = w.taskMemoryBytes !== null && item > 0 ? [`use at most ${formatBytes(w.taskMemoryBytes / (sharing * minimum))} per item (itemMemory)`] : [];
    return options([...memoryRemedies(s, minimum, sharing), ...perItem, split]);
  }
  const bytes = Math.max(w.itemInputBytes, w.itemOutputBytes);
  return options(['pass data by reference (File, Dir, DataFrame)', `raise maxInlineIo to at least ${formatBytes(minimum * bytes)}`, split]);
}
