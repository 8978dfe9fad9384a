// flyscale profile show: each core phase of a profile, or two profiles with their deltas.
import { loadProfile } from '../../config/load.js';
import { profileShowDoc } from '../../render/profileShowDoc.js';
import { RENDERERS } from '../../render/registry.js';
import { profileShowReport } from '../../report/profileShowReport.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';
import { toolVersion } from '../version.js';

export async function runProfileShow(ref: string, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const profile = { ...loadProfile(ref, term.cwd), ref };
  const otherRef = typeof options.compare === 'string' ? options.compare : undefined;
  const other = otherRef === undefined ? undefined : { ...loadProfile(otherRef, term.cwd, '--compare'), ref: otherRef };
  const report = profileShowReport({ name: 'flyscale', version: toolVersion() }, profile, other);
  return { stdout: await RENDERERS[format](report, () => profileShowDoc(report, profile.phases, other?.phases), term), exitCode: 0 };
}
