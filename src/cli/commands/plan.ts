// flyscale plan: overhead, batch size, fan-out, concurrency, estimate and findings.
import type { CommandResult, Terminal } from '../result.js';
import { exitCodeFor } from '../exitCode.js';
import { planFromOptions } from '../planContext.js';
import { formatOf } from '../scenarioOptions.js';
import { RENDERERS } from '../../render/registry.js';
import { planDoc } from '../../render/planDoc.js';

export async function runPlan(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const { report } = planFromOptions('plan', scenarioPath, options, term);
  return { stdout: await RENDERERS[format](report, () => planDoc(report), term), exitCode: exitCodeFor(report.findings) };
}
