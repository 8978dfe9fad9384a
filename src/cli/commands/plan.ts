// flyscale plan: overhead, batch size, fan-out, concurrency, estimate and findings; with
// --simulate, the simulated makespan beside the closed form (loaded only then).
import { planDoc } from '../../render/planDoc.js';
import { RENDERERS } from '../../render/registry.js';
import { exitCodeFor } from '../exitCode.js';
import { planFromOptions } from '../planContext.js';
import type { CommandResult, Terminal } from '../result.js';
import { formatOf } from '../scenarioOptions.js';

export async function runPlan(scenarioPath: string | undefined, options: Record<string, unknown>, term: Terminal): Promise<CommandResult> {
  const format = formatOf(options);
  const { loaded, report } = planFromOptions('plan', scenarioPath, options, term);
  if (options.simulate === true) {
    const { withSimulation } = await import('../planSimulation.js');
    const shown = await withSimulation(report, loaded.scenario, options, term);
    return { stdout: await RENDERERS[format](shown.report, shown.doc, term), exitCode: exitCodeFor(shown.report.findings) };
  }
  return { stdout: await RENDERERS[format](report, () => planDoc(report), term), exitCode: exitCodeFor(report.findings) };
}
