// flyscale batch: the recommended batch size, every bound and which binds; fails when infeasible.
import { REPORT_FORMATS } from '../../render/formats.js';
import { batchDoc } from '../../render/partsDoc.js';
import { RENDERERS } from '../../render/registry.js';
import { batchCommandReport } from '../../report/partReports.js';
import { verdictOf } from '../exitCode.js';
import type { BatchOptions } from '../options.js';
import { planFromOptions } from '../planContext.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';

export async function runBatch(scenarioPath: string | undefined, options: BatchOptions, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options, REPORT_FORMATS);
  const { report: plan } = await planFromOptions('batch', scenarioPath, options, term);
  const report = batchCommandReport(plan);
  return { stdout: await RENDERERS[format](report, () => batchDoc(report, plan), term), verdict: verdictOf(report.findings) };
}
