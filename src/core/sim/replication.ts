// One replication of a fan-out (MODEL §6): run the event loop (or the fast path when it
// gives the identical result), then reduce its counts to the per-replication report. Pure
// and deterministic: the same inputs and seed give the same result, with or without a
// timeline.
import type { Scenario } from '../model.js';
import { Simulation } from './simulation.js';
import { fastPathApplies, simulateFastPath } from './fastPath.js';
import { planOf } from './simPlan.js';
import { reportOf } from './tally.js';
import type { Replication, ReplicationOptions } from './types.js';

export function simulateReplication(scenario: Scenario, batchSize: number, seed: number, options: ReplicationOptions = {}): Replication {
  const plan = planOf(scenario, batchSize);
  const plain = options.timeline === undefined && options.recordActions !== true;
  if (plain && options.fastPath !== false && fastPathApplies(scenario, plan)) {
    return reportOf(scenario, seed, simulateFastPath(scenario, plan, seed));
  }
  const interval = options.timeline === undefined ? null : (options.timeline.intervalSeconds ?? 1);
  const sim = new Simulation(scenario, plan, seed, interval, options.recordActions === true);
  sim.run();
  const result = reportOf(scenario, seed, sim.tally());
  const timeline = sim.timelineResult();
  if (timeline !== null) result.timeline = timeline;
  const log = sim.actions.log;
  if (log !== null) result.actionLog = { endSeconds: Array.from(log.endSeconds), attempts: Array.from(log.attempts) };
  return result;
}
