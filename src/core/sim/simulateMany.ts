// Replications of one scenario. Replication r always runs with deriveSeed(seed, r), so any
// split of [0, runs) into ranges — over worker threads or machines — gives the same
// replications, and concatenating the ranges in order gives the same array.
import type { Scenario } from '../model.js';
import { deriveSeed } from '../random.js';
import { simulateReplication } from './replication.js';
import type { Replication } from './types.js';

export interface ManyOptions {
  runs: number;
  /** Base seed; recorded in the report. */
  seed: number;
  /** First replication index (inclusive); default 0. */
  from?: number;
  /** Last replication index (exclusive); default runs. */
  to?: number;
}

export function simulateMany(scenario: Scenario, batchSize: number, options: ManyOptions): Replication[] {
  const { runs, seed } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be an integer >= 1, got ${runs}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const from = options.from ?? 0;
  const to = options.to ?? runs;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > runs || from > to) {
    throw new RangeError(`replication range [${from}, ${to}) must lie within [0, ${runs})`);
  }
  const out: Replication[] = [];
  for (let r = from; r < to; r++) out.push(simulateReplication(scenario, batchSize, deriveSeed(seed, r)));
  return out;
}
