// The other flags of `sweep FILE --set ...`: those simulate applies to a workflow or a stream
// (--profile, the run-wide pricing, phases, limits and failures) apply at every point; those that
// cannot (--race, a setting flag's list or range, a list of profiles) are refused by name, so no
// flag is silently dropped.
import { InputError, type InputProblem } from '../config/errors.js';
import { flagName } from '../config/fields.js';
import type { VariantFlags } from '../config/workflowVariants.js';
import { ENV_FIELDS, STEP_FIELDS } from '../config/workflowKeys.js';
import { expandRange, splitList } from '../core/sweep/grid.js';
import type { SweepOptions } from './options.js';
import { fieldFlags } from './scenarioOptions.js';
import { workersHaveNoEffect } from './simulation.js';
import { profileList } from './sweepAxes.js';

const isList = (raw: string): boolean => {
  const items = splitList(raw);
  return items.length > 1 || items.some((item) => expandRange(item) !== null);
};

/** Where a swept setting goes with --set, by the part of a workflow that holds it. */
function setFix(key: string, flag: string): string {
  if (STEP_FIELDS.some((f) => f.key === key)) return `sweep it per step: --set steps.<step>.${key}=a,b (or give ${flag} one value)`;
  if (ENV_FIELDS.some((f) => f.key === key)) return `sweep it per environment: --set environments.<environment>.${key}=a,b (or give ${flag} one value)`;
  return `give ${flag} one value: --set sweeps step and environment settings only`;
}

/** The flags every point is read with, and the notes for flags that change nothing here. */
export function setSweepFlags(options: SweepOptions, cwd: string): { flags: VariantFlags; notes: string[] } {
  const problems: InputProblem[] = [];
  if (options.race === true) problems.push({ source: '--race', path: '', problem: 'racing drops dominated points of a scenario sweep, and a sweep by --set runs every point for the full --runs', fix: 'drop --race (fewer points or a lower --runs make a --set sweep quicker)' });
  const fields = fieldFlags(options);
  for (const [key, raw] of Object.entries(fields)) {
    const flag = `--${flagName({ key })}`;
    if (isList(raw)) problems.push({ source: flag, path: '', problem: `"${raw}" is a list, and a sweep by --set lists settings by path`, fix: setFix(key, flag) });
  }
  const raw = options.profile;
  const names = profileList(raw, cwd); // as the scenario sweep reads them
  if (names.length > 1) problems.push({ source: '--profile', path: '', problem: `"${raw}" is a list of profiles, and a sweep by --set reads the file with one`, fix: 'give one profile, and sweep once per profile' });
  const profile = names[0] ?? raw;
  if (problems.length) throw new InputError(problems);
  // Worker threads run a scenario's replications; a workflow's run in this process, and the report is the same for any count.
  const notes = options.workers === undefined ? [] : [workersHaveNoEffect('a sweep by --set', 'its points')];
  return { flags: { ...(profile === undefined ? {} : { profile }), fields }, notes };
}
