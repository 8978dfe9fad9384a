// flyscale profile show: each core phase of a profile, or two profiles with their deltas.
import { loadProfile } from '../../config/load.js';
import { profileShowDoc } from '../../render/profileShowDoc.js';
import { toolVersion } from '../../config/version.js';
import { REPORT_FORMATS } from '../../render/formats.js';
import { RENDERERS } from '../../render/registry.js';
import { toolOf } from '../../report/header.js';
import { profileShowReport } from '../../report/profileShowReport.js';
import type { ProfileShowOptions } from '../options.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';

export async function runProfileShow(ref: string, options: ProfileShowOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  const profile = { ...loadProfile(ref, term.cwd), ref };
  const otherRef = options.compare;
  const other = otherRef === undefined ? undefined : { ...loadProfile(otherRef, term.cwd, '--compare'), ref: otherRef };
  const report = profileShowReport(toolOf(toolVersion()), profile, other);
  return { stdout: await RENDERERS[format](report, () => profileShowDoc(report, profile.phases, other?.phases), term), verdict: 'pass' };
}
