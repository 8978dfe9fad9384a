// A sweep's grid from its flags: every setting flag may take a list (a,b,c) or a range
// (START..END/STEP); --profile a list of profiles, as the first axis.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { combinations, expandRange, gridSize, splitList, type Axis } from '../core/sweep/grid.js';
import { InputError } from '../config/errors.js';
import { flagName } from '../config/fields.js';
import type { SweepOptions } from './options.js';
import { fieldFlags } from './scenarioOptions.js';

/** More points than this need --force: each is a full set of replications. */
export const MAX_POINTS = 1000;

export interface SweepGrid {
  axes: Axis[];
  /** One entry per point, in grid order: the swept settings as written. */
  points: Record<string, string>[];
  /** The --profile list when it has more than one profile, else the one profile (or none). */
  profiles: string[];
}

/** The values of one axis as written: a list (a,b,c), each item a value or a range START..END/STEP; `source` names the flag in a message. */
export function axisValues(raw: string, source: string): string[] {
  return splitList(raw).flatMap((item) => {
    const range = expandRange(item);
    if (range === null) return [item];
    if ('problem' in range) throw new InputError([{ source, path: '', problem: range.problem, fix: 'write START..END/STEP, e.g. 100..1000/100' }]);
    return range;
  });
}

/** The profiles --profile names: a path with a comma in it is still one profile; a name repeated counts once. */
export function profileList(raw: string | undefined, cwd: string): string[] {
  return raw === undefined ? [] : existsSync(resolve(cwd, raw)) ? [raw] : [...new Set(splitList(raw))];
}

export function sweepAxes(options: SweepOptions, cwd: string): SweepGrid {
  const axes: Axis[] = [];
  for (const [key, raw] of Object.entries(fieldFlags(options))) {
    const flag = `--${flagName({ key })}`;
    const values = axisValues(raw, flag);
    if (values.length === 0) throw new InputError([{ source: flag, path: '', problem: 'the list has no values', fix: `write values separated by commas, e.g. ${flag} 100,250,500` }]);
    axes.push({ key, values });
  }
  // --profile takes a list too; as the first axis it varies slowest, so the grid is grouped by it.
  const profiles = profileList(options.profile, cwd);
  if (profiles.length > 1) axes.unshift({ key: 'profile', values: profiles });
  const size = gridSize(axes);
  if (!axes.some((a) => a.values.length > 1)) {
    throw new InputError([{ source: 'sweep', path: '', problem: 'no setting has more than one value, so there is nothing to compare', fix: 'give at least one flag a list or a range, e.g. --batch-size 100,250,500 --replicas 5:20,10:40' }]);
  }
  if (size > MAX_POINTS && options.force !== true) {
    throw new InputError([{ source: 'sweep', path: '', problem: `the grid has ${size} points (over ${MAX_POINTS})`, fix: 'shorten the lists, or pass --force to run them all' }]);
  }
  return { axes, points: combinations(axes), profiles };
}
