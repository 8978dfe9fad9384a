// What `sweep` loads before any point runs: the grid from its flags, and the scenario of each
// point (from a file or standard input, one set per --profile), checked against the objective.
import { InputError } from '../config/errors.js';
import { loadScenarioVariants } from '../config/load.js';
import type { Objective } from '../core/sweep/rankSweep.js';
import type { SweepOptions } from './options.js';
import type { Terminal } from './result.js';
import { STDIN_SOURCE, stdinFor } from './stdin.js';
import { sweepAxes } from './sweepAxes.js';

export async function sweepInputs(scenarioPath: string | undefined, options: SweepOptions, objective: Objective, term: Terminal) {
  const { axes, points, profiles } = sweepAxes(options, term.cwd);
  const several = profiles.length > 1;
  const piped = await stdinFor(scenarioPath, term);
  const scenarioText = piped === undefined ? {} : { scenarioText: { source: STDIN_SOURCE, text: piped } };
  const variants = (several ? profiles : [profiles[0]]).flatMap((profile) => loadScenarioVariants({ scenarioPath, ...scenarioText, profile, cwd: term.cwd, command: 'sweep' }, several ? points.filter((p) => p.profile === profile) : points));
  // Checked before any point is simulated: bad input should not cost a whole sweep.
  if (objective === 'cost' && variants.some((v) => v.scenario.pricing.perReplicaHour === null)) {
    throw new InputError([{ source: '--objective', path: 'pricing.perReplicaHour', problem: 'cost needs a price', fix: 'set pricing.perReplicaHour in the scenario, or pass --per-replica-hour 0.35' }]);
  }
  const first = variants[0];
  if (!first) throw new Error('internal: a sweep without points');
  return { axes, points, profiles, several, variants, first };
}
