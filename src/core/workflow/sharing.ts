// Steps on one environment at the same time share its slots (docs/model.md, "Workflows"). When
// their effective concurrencies add up to more than the pool holds, each gets the share of the
// pool in proportion to its slot work (actions × slot-seconds): two equal maps started together
// get half each, which is exactly one map of their combined actions in waves of the whole pool.
import { poolCapacity } from '../model.js';
import type { Placed } from './schedule.js';
import type { StepEstimate } from './stepPlan.js';
import type { Workflow } from './types.js';

export interface Share {
  /** The slots the step gets while it overlaps the others. */
  slots: number;
  /** The steps it overlaps on its environment. */
  with: string[];
}

const overlaps = (a: Placed, b: Placed): boolean => a.startSeconds < b.endSeconds && b.startSeconds < a.endSeconds;

export function sharedCapacity(w: Workflow, estimates: readonly StepEstimate[], placed: readonly Placed[]): Map<string, Share> {
  const shares = new Map<string, Share>();
  const at = (name: string): Placed | undefined => placed.find((p) => p.name === name);
  for (const env of w.environments) {
    const capacity = poolCapacity(env.pool);
    if (capacity === null) continue;
    const on = w.steps.filter((s) => s.environment === env.name && (s.kind === 'map' || s.kind === 'task'));
    for (const step of on) {
      const me = at(step.name);
      if (!me) continue;
      const group = on.filter((o) => o === step || (at(o.name) !== undefined && overlaps(me, at(o.name) ?? me)));
      if (group.length < 2) continue;
      const work = (name: string): number => {
        const e = estimates.find((x) => x.name === name)?.plan;
        return e ? e.batch.actions * e.estimate.slotSeconds : 0;
      };
      const demand = group.reduce((t, o) => t + (estimates.find((x) => x.name === o.name)?.plan?.concurrency.effective ?? 0), 0);
      if (demand <= capacity) continue;
      const total = group.reduce((t, o) => t + work(o.name), 0);
      const share = total > 0 ? work(step.name) / total : 1 / group.length;
      shares.set(step.name, { slots: Math.max(1, Math.floor(capacity * share)), with: group.filter((o) => o !== step).map((o) => o.name) });
    }
  }
  return shares;
}
