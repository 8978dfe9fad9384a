// flyscale fanout: actions per run against the limits (or --actions A); fails when over the hard limit.
import { REPORT_FORMATS } from '../../render/formats.js';
import { fanoutDoc } from '../../render/partsDoc.js';
import { RENDERERS } from '../../render/registry.js';
import { fanoutCommandReport } from '../../report/partReports.js';
import { verdictIf } from '../exitCode.js';
import { wholeNumber } from '../flags.js';
import type { FanoutOptions } from '../options.js';
import { planFromOptions } from '../planContext.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';

export async function runFanout(scenarioPath: string | undefined, options: FanoutOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  const { report: plan, loaded } = await planFromOptions('fanout', scenarioPath, options, term);
  const actions = options.actions === undefined ? undefined : wholeNumber(options.actions, '--actions', { min: 1, example: '20000' });
  const report = fanoutCommandReport(plan, loaded.scenario.limits, loaded.scenario.workload.items, actions);
  return { stdout: await RENDERERS[format](report, () => fanoutDoc(report, plan), term), verdict: verdictIf(report.fanout.status !== 'over') };
}
