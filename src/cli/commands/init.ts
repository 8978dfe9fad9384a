// flyscale init: a starter scenario a newcomer can edit; never overwrites without --force;
// `init -` writes it to standard output.
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { writeFileAtomic, writeProblem } from '../atomicWrite.js';
import { refuseOverwrite } from '../flags.js';
import type { InitOptions } from '../options.js';
import type { CommandResult, Terminal } from '../result.js';
import { STARTER } from '../starter.js';

/** `-` prints the starter file instead, to pipe it (`flyscale init - | flyscale plan -`) or redirect it. */
export async function runInit(path: string | undefined, options: InitOptions, term: Terminal): Promise<CommandResult> {
  if (path === '-') return { stdout: STARTER, verdict: 'pass' };
  const target = resolve(term.cwd, path ?? 'scenario.yaml');
  const shown = path ?? 'scenario.yaml';
  refuseOverwrite(target, shown, options.force);
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (error) {
    throw writeProblem(target, error);
  }
  // The schema line points at this project's installed copy, relative to where the file goes.
  const schema = relative(dirname(target), resolve(term.cwd, 'node_modules/flyscale/schemas/scenario.schema.json')).split(sep).join('/');
  writeFileAtomic(target, STARTER.replace('./node_modules/flyscale/schemas/scenario.schema.json', schema).replace('flyscale plan scenario.yaml', `flyscale plan ${shown}`));
  return { stdout: `wrote ${shown}\nnext: flyscale plan ${shown}\n`, verdict: 'pass' };
}
