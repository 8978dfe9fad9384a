// flyscale overhead: per-action overhead of each kind of action, and --explain's formula.
import { REPORT_FORMATS } from '../../render/formats.js';
import { overheadDoc } from '../../render/partsDoc.js';
import { RENDERERS } from '../../render/registry.js';
import { overheadCommandReport } from '../../report/partReports.js';
import type { OverheadOptions } from '../options.js';
import { planFromOptions } from '../planContext.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';

export async function runOverhead(scenarioPath: string | undefined, options: OverheadOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  const report = overheadCommandReport((await planFromOptions('overhead', scenarioPath, options, term)).report);
  return { stdout: await RENDERERS[format](report, () => overheadDoc(report, options.explain === true), term), verdict: 'pass' };
}
