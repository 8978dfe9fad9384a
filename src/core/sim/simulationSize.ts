// The largest simulation flyscale runs. Memory grows with the actions of one replication
// (about 16 bytes each in typed arrays, whatever the number of replications); time grows
// with the actions simulated in all (about 1 µs each on one core, with every phase or not,
// measured for docs/simulator.md). Beyond these a run would take gigabytes or hours.

import { thousands } from '../units.js';

/** Actions in one replication: ~0.2 GB and ~10 s on one core. 200 times Flyte's 50,000. */
export const MAX_SIMULATED_ACTIONS_PER_RUN = 10_000_000;
/** Actions × replications: about 17 min on one core at about 1 µs each (a quarter of that on four). */
export const MAX_SIMULATED_ACTIONS_TOTAL = 1_000_000_000;

export interface SimulationTooLarge {
  problem: string;
  fix: string;
}

/** A count as the messages write it: whole, with thousands separators. */
export const count = (n: number): string => thousands(Math.round(n));
/** The two limits as the messages state them, with what each stands for (docs/simulator.md). */
export const PER_RUN_LIMIT = `at most ${count(MAX_SIMULATED_ACTIONS_PER_RUN)}, about 0.2 GB of memory`;
export const TOTAL_LIMIT = `at most ${count(MAX_SIMULATED_ACTIONS_TOTAL)}, about 17 minutes on one core`;

/** How the user sets the batch size and the runs where the simulation was asked for, given the number. */
export interface SizeSettings {
  batch: (n: number) => string;
  runs: (n: number) => string;
}
const FLAGS: SizeSettings = { batch: (n) => `--batch-size ${n}`, runs: (n) => `--runs ${n}` };

/** Why a simulation of `items` items in batches of `batchSize`, `runs` times, is too large; or null. */
export function simulationTooLarge(items: number, batchSize: number, runs: number, settings: SizeSettings = FLAGS, poolSlots = 0): SimulationTooLarge | null {
  const actions = Math.ceil(items / batchSize);
  if (actions > MAX_SIMULATED_ACTIONS_PER_RUN) {
    const batch = Math.ceil(items / MAX_SIMULATED_ACTIONS_PER_RUN);
    return {
      problem: `${count(actions)} actions in one simulated run is more than flyscale simulates (${PER_RUN_LIMIT})`,
      fix: `use a batch size of at least ${count(batch)} (${settings.batch(batch)}), or simulate fewer items; a run of Flyte has at most 50,000 actions anyway`,
    };
  }
  if (poolSlots > MAX_SIMULATED_ACTIONS_PER_RUN) {
    return {
      problem: `a pool of ${count(poolSlots)} slots (replicas × concurrency) is more than flyscale simulates (at most ${count(MAX_SIMULATED_ACTIONS_PER_RUN)}; it keeps state per slot)`,
      fix: `use fewer replicas or a lower concurrency; with ${count(actions)} actions, at most ${count(actions)} slots are ever busy`,
    };
  }
  if (actions * runs > MAX_SIMULATED_ACTIONS_TOTAL) {
    const fewer = Math.max(1, Math.floor(MAX_SIMULATED_ACTIONS_TOTAL / actions));
    // A batch size that fits these runs exists only while a run may have an action at all.
    const perRun = Math.floor(MAX_SIMULATED_ACTIONS_TOTAL / runs);
    const batch = perRun >= 1 ? Math.ceil(items / perRun) : Number.POSITIVE_INFINITY;
    const orBatch = batch <= items ? `, or a batch size of at least ${count(batch)} (${settings.batch(batch)})` : '';
    return {
      problem: `${count(runs)} runs of ${count(actions)} actions is ${count(actions * runs)} simulated actions, more than flyscale simulates (${TOTAL_LIMIT})`,
      fix: `use at most ${count(fewer)} runs (${settings.runs(fewer)})${orBatch}`,
    };
  }
  return null;
}
