// The limits on concurrently running slots (MODEL §3 "effective concurrency"). Every limit
// of the run — the map's concurrency, the run's max action concurrency, the queue's
// concurrency — and the pool's capacity caps the number of actions that hold a slot at
// once, as MODEL §5 uses C_eff. The parent's in-flight limit is separate: a permit is held
// from submission to the end of d_out, not only on the slot.
import { type Scenario, poolCapacity } from '../model.js';

const bound = (limit: number | null): number => (limit === null ? Infinity : limit);

/** Most actions on a slot at once; Infinity when nothing bounds it. */
export function slotLimit(scenario: Scenario): number {
  const { run, pool, workload } = scenario;
  const map = run.mapConcurrency === 0 ? Infinity : run.mapConcurrency;
  // A trace runs in the parent's process: only the map's concurrency bounds it.
  if (workload.pattern === 'trace') return map;
  return Math.min(map, bound(run.maxActionConcurrency), bound(run.queueConcurrency), bound(poolCapacity(pool)));
}

/** The parent's in-flight permits; a non-positive or missing limit means unbounded. */
export function inFlightLimit(scenario: Scenario): number {
  const limit = scenario.limits.maxChildrenInFlight;
  return limit > 0 ? limit : Infinity;
}
